import type { LabourAccessIndicator } from '../../../contracts/business.js';
import type { Db } from '../../db/database.js';
import type { Clock } from '../../deps.js';
import { recordAudit } from '../audit/audit.service.js';
import { type Actor, auditActor } from '../referral/campaigns.service.js';
import { scheduleInvitation, summariseSurvey } from '../surveys/surveys.service.js';
import * as repo from './employers.repo.js';

/** The employer survey's wave is the year it is sent in (Europe/Oslo). */
export const waveOf = (now: Date): string =>
  new Intl.DateTimeFormat('en', { timeZone: 'Europe/Oslo', year: 'numeric' }).format(now);

/**
 * Sends the employer survey («How is your access to qualified labour?») to every employer
 * that has been contacted and has a contact email, through the survey engine. Once per
 * employer and wave: a second press schedules nobody again.
 */
export async function sendEmployerSurvey(
  db: Db,
  clock: Clock,
  actor: Actor,
  regionId: string,
  year: number | undefined,
) {
  const wave = year ? String(year) : waveOf(clock.now());
  return db.transaction().execute(async (trx) => {
    const recipients = await repo.findSurveyRecipients(trx, regionId);
    let scheduled = 0;
    let alreadySent = 0;
    let withoutEmail = 0;
    for (const r of recipients) {
      if (!r.contactEmail) {
        withoutEmail += 1;
        continue;
      }
      if (!(await repo.markSurveySent(trx, r.id, wave))) {
        alreadySent += 1;
        continue;
      }
      const { created } = await scheduleInvitation(trx, clock, {
        regionId,
        municipalityCode: r.municipalityCode,
        surveyKey: 'employer',
        wave,
        email: r.contactEmail,
        locale: 'nb',
        sendAt: clock.now(),
        subjectRef: `employer:${r.id}`,
      });
      if (created) scheduled += 1;
      else alreadySent += 1;
    }
    await recordAudit(trx, clock.now(), {
      action: 'business.employer_survey_sent',
      ...auditActor(actor),
      regionId,
      details: { wave, scheduled, alreadySent, withoutEmail },
    });
    return { wave, scheduled, alreadySent, withoutEmail };
  });
}

/**
 * The indicator «access to qualified labour»: the share of employers answering 4 or 5 on the
 * 1–5 scale in a year's wave. Read from the engine's suppressed summary, so it is null with
 * fewer than five answers, or when the engine hides the cells it would be computed from.
 */
export async function employerLabourAccessIndicator(
  db: Db,
  input: { regionId: string; year: number },
): Promise<LabourAccessIndicator> {
  const summary = await summariseSurvey(db, {
    regionId: input.regionId,
    surveyKey: 'employer',
    wave: String(input.year),
    groupBy: 'region',
  });
  const group = summary.groups.find((g) => g.key === input.regionId) ?? summary.groups[0];
  const n = group?.n ?? 0;
  const counts = group?.questions.find((q) => q.key === 'labourAccess')?.counts;
  if (!group || n < 5 || !counts) return { year: input.year, share: null, answers: n };
  const four = counts['4'];
  const five = counts['5'];
  const skipped = counts.none;
  if (four == null || five == null || skipped == null) {
    return { year: input.year, share: null, answers: n };
  }
  const answered = n - skipped;
  if (answered < 5) return { year: input.year, share: null, answers: n };
  return {
    year: input.year,
    share: Math.round(((four + five) / answered) * 1000) / 1000,
    answers: n,
  };
}
