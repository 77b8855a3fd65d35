import type { Db } from '../../db/database.js';
import type { Clock } from '../../deps.js';
import type { Scope } from '../../plugins/access.js';
import { recordAudit } from '../audit/audit.service.js';
import { registerConsentWithdrawal } from '../notifications/consent.js';
import type { PersonKeys } from '../privacy/lookup.js';
import { cancelInvitations, eraseInvitationsOf } from '../surveys/surveys.service.js';
import * as employers from './employers.repo.js';
import {
  collectEntrepreneurData,
  eraseEntrepreneurData,
  purgeClosedInquiries,
} from './startups.service.js';

/**
 * The business module's part in access exports, erasure and retention: entrepreneurs who
 * asked «Start Her» for help, and employers' contact persons («Vis fram jobbene!»), found by
 * exact email or E.164 phone within the actor's scope.
 */
export async function findBusinessPersonData(db: Db, scope: Scope, keys: PersonKeys) {
  const by = { email: keys.email, phoneE164: keys.phoneE164 };
  const entrepreneurs =
    by.email || by.phoneE164 ? await collectEntrepreneurData(db, scope, by) : [];
  const contacts = keys.email
    ? await employers.findContactsByEmail(db, scope, keys.email)
    : keys.phoneE164
      ? await employers.findContactsByPhone(db, scope, keys.phoneE164)
      : [];
  return {
    entrepreneurs,
    employerContacts: contacts.map((c) => ({
      id: c.id,
      employer: c.name,
      name: c.contactName,
      email: c.contactEmail,
      phone: c.contactPhone,
      notes: c.outreachNotes,
      updatedAt: c.contactUpdatedAt,
    })),
  };
}
export type BusinessPersonData = Awaited<ReturnType<typeof findBusinessPersonData>>;

/** Erases what was found: inquiries blanked (counts stay), contacts removed, surveys stopped. */
export async function eraseBusinessPersonData(
  db: Db,
  clock: Clock,
  data: BusinessPersonData,
): Promise<void> {
  const now = clock.now();
  await eraseEntrepreneurData(
    db,
    data.entrepreneurs.map((e) => e.id),
    now,
  );
  await employers.clearContacts(
    db,
    data.employerContacts.map((c) => c.id),
    now.toISOString(),
  );
  for (const c of data.employerContacts) await eraseInvitationsOf(db, `employer:${c.id}`);
}

/** Contact persons are kept at most this long after their last change. */
export const EMPLOYER_CONTACT_RETENTION_MONTHS = 36;

/** Retention for the housekeeping job: closed inquiries after 24 months, stale contacts after 36. */
export async function purgeBusinessPersonalData(db: Db, clock: Clock) {
  const inquiries = await purgeClosedInquiries(db, clock);
  const cutoff = new Date(clock.now());
  cutoff.setUTCMonth(cutoff.getUTCMonth() - EMPLOYER_CONTACT_RETENTION_MONTHS);
  const stale = await employers.findStaleContacts(db, cutoff.toISOString());
  const contacts = await employers.clearContacts(db, stale, clock.now().toISOString());
  if (contacts > 0) {
    await recordAudit(db, clock.now(), {
      action: 'business.employer_contacts_purged',
      actor: { userId: null, label: 'retention' },
      details: { contacts },
    });
  }
  return { inquiries, employerContacts: contacts };
}

/**
 * The employer survey's email carries a withdrawal link for `employer:<id>`: using it
 * removes the contact person at once and stops their open survey invitations. Twice changes
 * nothing.
 */
export function registerEmployerContactConsent(): void {
  registerConsentWithdrawal({
    prefix: 'employer',
    async withdraw(db, clock, id) {
      await db.transaction().execute(async (trx) => {
        const cleared = await employers.clearContacts(trx, [id], clock.now().toISOString());
        await cancelInvitations(trx, clock, `employer:${id}`);
        if (cleared > 0) {
          await recordAudit(trx, clock.now(), {
            action: 'business.employer_contact_consent_withdrawn',
            actor: { userId: null, label: 'consent link' },
            target: { type: 'employer', id },
          });
        }
      });
    },
  });
}
