import { z } from 'zod';
import type { GroupBy, SurveySummary } from '../../../contracts/surveys.js';
import { isLocale } from '../../../web/i18n/locales.js';
import type { Db } from '../../db/database.js';
import { fromDbJson, newId, toDbJson, toDbTime } from '../../db/portable.js';
import type { Clock } from '../../deps.js';
import { type FieldIssue, invalid } from '../../errors.js';
import { isConsentRef } from '../notifications/consent.js';
import { surveyDefinition } from './definitions/index.js';
import { buildSummary } from './summary.js';
import * as repo from './surveys.repo.js';

/**
 * The survey engine's interface for other modules: schedule, cancel and erase invitations,
 * and read suppressed summaries. Newcomers schedule check-ins; business the employer survey.
 */

export interface ScheduleInvitationInput {
  regionId: string;
  municipalityCode: string | null;
  surveyKey: 'wellbeing' | 'employer' | string;
  wave: string;
  email: string;
  locale: 'nb' | 'nn' | 'en';
  sendAt: Date;
  /** Whose invitation: `newcomer:<id>`, `employer:<id>` … (erasure and cancel go by it). */
  subjectRef: string;
  campaignId?: string | null;
}

export type { SurveySummary } from '../../../contracts/surveys.js';

const ScheduleSchema = z.object({
  regionId: z.string().min(1, 'Required'),
  municipalityCode: z
    .string()
    .regex(/^\d{4}$/, 'Four digits')
    .nullable(),
  surveyKey: z.string().refine((k) => surveyDefinition(k) !== undefined, 'No such survey'),
  wave: z.string().regex(/^[A-Za-z0-9_-]{1,20}$/, '1–20 letters, digits, - or _'),
  email: z.email('Not an email address').max(254),
  locale: z.string().refine(isLocale, 'nb, nn or en'),
  sendAt: z.date().refine((d) => !Number.isNaN(d.getTime()), 'Not a time'),
  subjectRef: z.string().refine(isConsentRef, 'kind:id (letters, digits, - or _)'),
  campaignId: z.string().min(1).nullable().optional(),
});

function check(input: ScheduleInvitationInput): void {
  const parsed = ScheduleSchema.safeParse(input);
  if (parsed.success) return;
  const issues: FieldIssue[] = parsed.error.issues.map((i) => ({
    field: i.path.join('.') || 'input',
    message: i.message,
  }));
  throw invalid(issues);
}

/**
 * Puts an invitation in the queue; the survey job sends it at `sendAt`. Once per
 * (subjectRef, surveyKey, wave): scheduling again returns the first one unchanged.
 * Call it in the transaction of the change that causes it.
 */
export async function scheduleInvitation(
  db: Db,
  clock: Clock,
  input: ScheduleInvitationInput,
): Promise<{ id: string; created: boolean }> {
  check(input);
  const id = newId();
  const found = await repo.insertInvitationOnce(db, {
    id,
    regionId: input.regionId,
    municipalityCode: input.municipalityCode,
    surveyKey: input.surveyKey,
    wave: input.wave,
    campaignId: input.campaignId ?? null,
    email: input.email.trim(),
    locale: input.locale,
    subjectRef: input.subjectRef,
    tokenHash: null,
    reminderTokenHash: null,
    sendAt: toDbTime(input.sendAt),
    sentAt: null,
    remindedAt: null,
    expiresAt: null,
    answeredAt: null,
    cancelledAt: null,
    createdAt: toDbTime(clock.now()),
  });
  return { id: found, created: found === id };
}

/**
 * Stops every unanswered invitation of a subject at once: not sent, not reminded, and a link
 * already sent answers like an expired one. Returns how many were stopped.
 */
export async function cancelInvitations(db: Db, clock: Clock, subjectRef: string): Promise<number> {
  return repo.cancelOpenInvitations(db, subjectRef, toDbTime(clock.now()));
}

/**
 * A wave whose day has changed (a corrected moving date): the invitation not sent yet goes
 * out at the new time, or is cancelled (`sendAt` null). Sent ones keep their history.
 * Returns whether an invitation was changed.
 */
export async function reschedulePendingInvitation(
  db: Db,
  clock: Clock,
  key: { subjectRef: string; surveyKey: string; wave: string },
  sendAt: Date | null,
): Promise<boolean> {
  const change = sendAt ? { sendAt: toDbTime(sendAt) } : { cancelledAt: toDbTime(clock.now()) };
  return (await repo.reschedulePending(db, key, change)) > 0;
}

/** Erasure: the subject's invitations are deleted (their anonymous answers stay, unlinked). */
export async function eraseInvitationsOf(db: Db, subjectRef: string): Promise<number> {
  return repo.deleteInvitationsOf(db, subjectRef);
}

export interface SummariseInput {
  regionId: string;
  surveyKey: string;
  wave?: string | undefined;
  groupBy: GroupBy;
  /** Quarters, e.g. 2026K1 (inclusive). */
  from?: string | undefined;
  to?: string | undefined;
  /** A host's municipalities; undefined: the whole region. */
  municipalityCodes?: string[] | undefined;
  /** Names for the groups (municipality and campaign names); keys are shown otherwise. */
  labels?: Record<string, string> | undefined;
}

/**
 * Answers by group. Every group under five is hidden (its count and its figures), and so is
 * enough of the rest that no hidden group can be found by subtracting the visible ones from
 * a total (see summary.ts).
 */
export async function summariseSurvey(db: Db, input: SummariseInput): Promise<SurveySummary> {
  const definition = surveyDefinition(input.surveyKey);
  if (!definition) throw invalid([{ field: 'surveyKey', message: 'No such survey' }]);
  const rows = await repo.findResponses(db, input);
  return buildSummary(
    definition,
    input.groupBy,
    rows.map((r) => ({
      group:
        input.groupBy === 'region'
          ? r.regionId
          : input.groupBy === 'municipality'
            ? r.municipalityCode
            : input.groupBy === 'campaign'
              ? r.campaignId
              : r.wave,
      answers: fromDbJson<Record<string, unknown>>(r.answers, {}),
    })),
    input.labels ?? {},
  );
}

/** The product's default: check-ins 3 and 12 months after moving in. */
export const DEFAULT_CHECK_IN_MONTHS = [3, 12] as const;

/** The waves a region's newcomers get, as months after moving in and wave names ('3m'). */
export async function getCheckInWaves(
  db: Db,
  regionId: string,
): Promise<{ months: number; wave: string }[]> {
  const months = await getCheckInMonths(db, regionId);
  return months.map((m) => ({ months: m, wave: `${m}m` }));
}

export async function getCheckInMonths(db: Db, regionId: string): Promise<number[]> {
  const row = await repo.findCheckInMonths(db, regionId);
  const stored = fromDbJson<unknown>(row?.checkInMonths, null);
  return Array.isArray(stored) && stored.every((m) => Number.isInteger(m))
    ? (stored as number[])
    : [...DEFAULT_CHECK_IN_MONTHS];
}

export async function isCheckInCustom(db: Db, regionId: string): Promise<boolean> {
  return (await repo.findCheckInMonths(db, regionId)) !== undefined;
}

export async function setCheckInMonths(
  db: Db,
  clock: Clock,
  input: { regionId: string; months: number[]; userId: string | null },
): Promise<number[]> {
  const months = [...input.months].sort((a, b) => a - b);
  await repo.upsertCheckInMonths(db, {
    regionId: input.regionId,
    checkInMonths: toDbJson(months),
    updatedAt: toDbTime(clock.now()),
    updatedBy: input.userId,
  });
  return months;
}
