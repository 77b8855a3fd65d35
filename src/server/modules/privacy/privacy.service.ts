import type { PersonLookup } from '../../../contracts/privacy.js';
import type { Locale } from '../../../web/i18n/locales.js';
import type { Db } from '../../db/database.js';
import type { Clock } from '../../deps.js';
import { AppError } from '../../errors.js';
import { recordAudit } from '../audit/audit.service.js';
import { eraseBusinessPersonData } from '../business/business.privacy.js';
import { eraseNewcomerStories } from '../content/stories.privacy.js';
import { eraseEventRegistrations } from '../events/events.privacy.js';
import { eraseNewcomers } from '../newcomers/newcomers.privacy.js';
import { suppress } from '../referral/suppressions.service.js';
import { eraseSurveyInvitations } from '../surveys/surveys.privacy.js';
import { renderAccessPdf } from './access.pdf.js';
import { type AccessExport, buildAccessExport } from './access-export.js';
import { auditedBy, type PrivacyActor } from './actor.js';
import { erasePersonRecords } from './erase-people.js';
import { keysOf, lookupMethod } from './lookup.js';
import { collectPersonData, foundAnything, type PersonData } from './person-data.js';
import * as repo from './privacy.repo.js';
import { answerRequest } from './requests.service.js';

/**
 * Access (Art. 15) and erasure (Art. 17, with the objection of Art. 21) for one person, found
 * by exact keys within the actor's regions. Someone not found, or not in the actor's
 * regions, gets the same answer; nothing about similar people is said. Every call is audited
 * with the lookup method and counts, never the values.
 */
const NOT_FOUND = 'No one matching was found among the people you may see.';

function countsOf(d: PersonData): Record<string, number> {
  return {
    prospects: d.prospects.length,
    tipsAbout: d.tipsAbout.length,
    calls: d.calls.length,
    followUpTasks: d.tasks.length,
    tipsGiven: d.tipsGiven.length,
    emails: d.emails.length,
    staffAccounts: d.users.length,
    newcomers: d.newcomers.length,
    surveyInvitations: d.surveyInvitations.length,
    eventRegistrations: d.eventRegistrations.length,
    entrepreneurInquiries: d.business.entrepreneurs.length,
    employerContacts: d.business.employerContacts.length,
  };
}

/** Audited after the transaction (SQLite has one connection): then the 404. */
async function notFound(db: Db, now: Date, actor: PrivacyActor, action: string, by: string) {
  await recordAudit(db, now, {
    action,
    outcome: 'failure',
    ...auditedBy(actor),
    regionId: actor.regionId,
    details: { method: by, found: false },
  });
  return new AppError('not_found', NOT_FOUND);
}

export async function exportPerson(
  db: Db,
  clock: Clock,
  actor: PrivacyActor,
  input: { lookup: PersonLookup; requestId?: string | undefined },
): Promise<AccessExport> {
  const keys = keysOf(input.lookup);
  const by = lookupMethod(input.lookup);
  const now = clock.now();
  const result = await db.transaction().execute(async (trx) => {
    const data = await collectPersonData(trx, actor.scope, keys);
    if (!foundAnything(data)) return null;
    const counts = countsOf(data);
    const requestId = await answerRequest(trx, now, actor, 'access', input.requestId, counts);
    await recordAudit(trx, now, {
      action: 'privacy.access_export',
      ...auditedBy(actor),
      target: { type: 'privacy_request', id: requestId },
      regionId: actor.regionId,
      details: { method: by, ...counts, people: data.prospects.length || 1 },
    });
    return buildAccessExport(data, by, now);
  });
  if (!result) throw await notFound(db, now, actor, 'privacy.access_export', by);
  return result;
}

export async function exportPersonPdf(
  db: Db,
  clock: Clock,
  actor: PrivacyActor,
  input: { lookup: PersonLookup; requestId?: string | undefined },
  locale: Locale,
): Promise<Buffer> {
  return renderAccessPdf(await exportPerson(db, clock, actor, input), locale);
}

/**
 * Erases a person everywhere in one transaction: their prospects (tips' person data, calls'
 * details, claims, tasks, postcards by cascade), their details as a tipper, and email to
 * them. With `suppress`, the hashes of their phone and name + address stay in suppressions,
 * so a new tip about them is dropped. Staff accounts are left to user administration.
 */
export async function erasePerson(
  db: Db,
  clock: Clock,
  actor: PrivacyActor,
  input: { lookup: PersonLookup; suppress: boolean; requestId?: string | undefined },
): Promise<Record<string, number>> {
  const keys = keysOf(input.lookup);
  const by = lookupMethod(input.lookup);
  const now = clock.now();
  const result = await db.transaction().execute(async (trx) => {
    const data = await collectPersonData(trx, actor.scope, keys);
    if (!foundAnything(data)) return null;
    const hashes = input.suppress ? data.hashes : [];
    await suppress(trx, hashes, now);
    const prospectIds = data.prospects.map((p) => p.id);
    await erasePersonRecords(trx, prospectIds, now);
    await repo.eraseTipperDetails(
      trx,
      data.tipsGiven.map((t) => t.id),
      now.toISOString(),
    );
    await repo.deleteOutbox(
      trx,
      data.emails.map((e) => e.id),
    );
    await eraseNewcomerStories(
      trx,
      data.newcomers.map((n) => n.id),
    );
    await eraseNewcomers(
      trx,
      data.newcomers.map((n) => n.id),
    );
    await eraseSurveyInvitations(
      trx,
      data.surveyInvitations.map((i) => i.id),
    );
    await eraseEventRegistrations(
      trx,
      data.eventRegistrations.map((r) => r.id),
      now,
    );
    await eraseBusinessPersonData(trx, clock, data.business);
    const counts = { ...countsOf(data), staffAccounts: 0, suppressions: hashes.length };
    const requestId = await answerRequest(trx, now, actor, 'erasure', input.requestId, counts);
    await recordAudit(trx, now, {
      action: 'privacy.erasure',
      ...auditedBy(actor),
      target: { type: 'privacy_request', id: requestId },
      regionId: actor.regionId,
      details: { method: by, ...counts, staffAccountsKept: data.users.length },
    });
    return counts;
  });
  if (!result) throw await notFound(db, now, actor, 'privacy.erasure', by);
  return result;
}
