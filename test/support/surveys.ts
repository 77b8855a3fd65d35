import { newId } from '../../src/server/db/portable.js';
import { runSurveyRound } from '../../src/server/jobs/surveys.js';
import {
  type ScheduleInvitationInput,
  scheduleInvitation,
} from '../../src/server/modules/surveys/surveys.service.js';
import type { TestApp } from './app.js';

export const DAY = 24 * 60 * 60_000;

export function invitationInput(
  t: TestApp,
  overrides: Partial<ScheduleInvitationInput> = {},
): ScheduleInvitationInput {
  return {
    regionId: t.demoRegionId,
    municipalityCode: '3427',
    surveyKey: 'wellbeing',
    wave: '3m',
    email: `ny.${newId().slice(0, 8)}@example.no`,
    locale: 'nb',
    sendAt: t.clock.now(),
    subjectRef: `newcomer:${newId()}`,
    ...overrides,
  };
}

export const schedule = (t: TestApp, overrides: Partial<ScheduleInvitationInput> = {}) =>
  scheduleInvitation(t.deps.db, t.clock, invitationInput(t, overrides));

/** Runs the survey job once (it queues email in the outbox). */
export async function runSurveys(t: TestApp) {
  const outcome = await runSurveyRound(t.deps);
  if (!outcome.acquired) throw new Error('the survey lease was held');
  return outcome.result;
}

/** The survey emails queued for an address, oldest first. */
export async function surveyMailsTo(t: TestApp, to: string) {
  return t.deps.db
    .selectFrom('outbox')
    .select(['subject', 'textBody', 'purpose', 'toAddress'])
    .where('toAddress', '=', to)
    .where('purpose', 'like', 'surveys.invitation:%')
    .orderBy('createdAt')
    .execute();
}

/** The survey path in an email: `/undersokelse/<token>` (with its language prefix). */
export function linkIn(text: string): string {
  const m = /https?:\/\/[^/\s]+(\/(?:nn\/|en\/)?undersokelse\/[A-Za-z0-9_-]{43})/.exec(text);
  if (!m?.[1]) throw new Error(`no survey link in: ${text}`);
  return m[1];
}

/** A posted survey form: reads the hidden form field from the page first, as a browser does. */
export async function answer(t: TestApp, path: string, answers: Record<string, string>) {
  const page = await t.app.inject({ method: 'GET', url: path });
  const form = /name="form" value="([^"]+)"/.exec(page.body)?.[1] ?? '';
  return t.app.inject({
    method: 'POST',
    url: path,
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
    payload: new URLSearchParams({ form, ...answers }).toString(),
  });
}

/** Anonymous responses put straight in the table, for report tests. */
export async function insertResponses(
  t: TestApp,
  count: number,
  row: {
    regionId?: string;
    municipalityCode?: string | null;
    wave?: string;
    campaignId?: string | null;
    period?: string;
    surveyKey?: string;
    answers?: Record<string, string | number>;
  } = {},
) {
  for (let i = 0; i < count; i++) {
    await t.deps.db
      .insertInto('surveyResponses')
      .values({
        id: newId(),
        surveyKey: row.surveyKey ?? 'wellbeing',
        definitionVersion: 1,
        regionId: row.regionId ?? t.demoRegionId,
        municipalityCode: row.municipalityCode === undefined ? '3427' : row.municipalityCode,
        wave: row.wave ?? '3m',
        campaignId: row.campaignId ?? null,
        period: row.period ?? '2026K4',
        answers: JSON.stringify(row.answers ?? { wellbeing: 4, plansToStay: 'yes' }),
      })
      .execute();
  }
}
