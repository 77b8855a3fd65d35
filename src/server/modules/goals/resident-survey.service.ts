import { createHash } from 'node:crypto';
import type { ResidentInvite } from '../../../contracts/goals.js';
import type { Db } from '../../db/database.js';
import type { Clock } from '../../deps.js';
import { type FieldIssue, invalid } from '../../errors.js';
import { recordAudit } from '../audit/audit.service.js';
import { registerConsentWithdrawal } from '../notifications/consent.js';
import { type Actor, auditActor } from '../referral/campaigns.service.js';
import { cancelInvitations, scheduleInvitation } from '../surveys/surveys.service.js';

/**
 * The resident survey goes out through the survey engine like the employer survey: each
 * address gets a one-time link, the answers are stored apart from it (anonymous), and results
 * show only groups of five or more. Addresses come from the programme leader (a resident
 * panel, a newsletter list they may use): an open link anyone could answer many times would
 * make the figures meaningless, so there is none (ADR 0013).
 */

const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;
const waveOf = (now: Date): string =>
  new Intl.DateTimeFormat('en', { timeZone: 'Europe/Oslo', year: 'numeric' }).format(now);

/** Stable per region and address: the same address twice in a wave is invited once. */
const subjectOf = (regionId: string, email: string) =>
  `resident:${createHash('sha256')
    .update(`${regionId}:${email.toLowerCase()}`)
    .digest('base64url')
    .slice(0, 32)}`;

export async function sendResidentSurvey(
  db: Db,
  clock: Clock,
  actor: Actor,
  regionId: string,
  input: ResidentInvite,
) {
  const emails = input.emails.map((e) => e.trim()).filter((e) => e !== '');
  const issues: FieldIssue[] = [];
  emails.forEach((e, i) => {
    if (!EMAIL.test(e))
      issues.push({ field: `emails.${i}`, message: `Not an email address: ${e}` });
  });
  if (!emails.length) issues.push({ field: 'emails', message: 'At least one email address' });
  if (issues.length) throw invalid(issues);
  const wave = input.year ? String(input.year) : waveOf(clock.now());
  return db.transaction().execute(async (trx) => {
    let scheduled = 0;
    let alreadySent = 0;
    for (const email of new Set(emails.map((e) => e.toLowerCase()))) {
      const { created } = await scheduleInvitation(trx, clock, {
        regionId,
        municipalityCode: input.municipalityCode,
        surveyKey: 'resident',
        wave,
        email,
        locale: 'nb',
        sendAt: clock.now(),
        subjectRef: subjectOf(regionId, email),
      });
      if (created) scheduled += 1;
      else alreadySent += 1;
    }
    await recordAudit(trx, clock.now(), {
      action: 'goals.resident_survey_sent',
      ...auditActor(actor),
      regionId,
      details: { wave, scheduled, alreadySent },
    });
    return { wave, scheduled, alreadySent };
  });
}

/** The unsubscribe link in the invitation stops that address's open invitations. */
export function registerResidentConsent(): void {
  registerConsentWithdrawal({
    prefix: 'resident',
    async withdraw(db, clock, id) {
      await cancelInvitations(db, clock, `resident:${id}`);
    },
  });
}
