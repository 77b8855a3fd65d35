import { translator } from '../../../web/i18n/catalogue.js';
import type { Locale } from '../../../web/i18n/locales.js';
import type { Db } from '../../db/database.js';
import type { NewcomerTable } from '../../db/schema.js';
import type { Clock } from '../../deps.js';
import { recordAudit } from '../audit/audit.service.js';
import { queueEmail } from '../notifications/notifications.service.js';
import { getRegionById } from '../regions/regions.service.js';
import {
  cancelInvitations,
  eraseInvitationsOf,
  getCheckInWaves,
  reschedulePendingInvitation,
  scheduleInvitation,
} from '../surveys/surveys.service.js';
import * as repo from './newcomers.repo.js';

/**
 * What the programme sends a newcomer, and only with their consent: a welcome email (consent
 * to contact) and the well-being check-ins (consent to check-ins), each message carrying a
 * one-click withdrawal link (`consentRef`). Withdrawal stops both at once.
 */

export const consentRefOf = (id: string) => `newcomer:${id}`;

type Newcomer = Pick<
  NewcomerTable,
  | 'id'
  | 'regionId'
  | 'municipalityCode'
  | 'movingDate'
  | 'locale'
  | 'linkCode'
  | 'heardViaCampaignId'
  | 'consentContact'
  | 'consentCheckIns'
>;

const localePrefix = (locale: string) => (locale === 'nb' ? '' : `/${locale}`);

/** The newcomer's own page to tell us they have moved away. */
export const movedAwayUrl = (publicUrl: string, n: Pick<Newcomer, 'locale' | 'linkCode'>) =>
  `${publicUrl}${localePrefix(n.locale)}/ny-i-kommunen/flyttet/${n.linkCode}`;

/** The welcome email, queued in the registration's transaction (sent only if it commits). */
export async function queueWelcome(
  db: Db,
  clock: Clock,
  n: Newcomer,
  email: string | null,
  publicUrl: string,
): Promise<boolean> {
  if (!email || n.consentContact !== 1) return false;
  const locale = n.locale as Locale;
  const t = translator(locale, 'newcomers');
  const region = await getRegionById(db, n.regionId);
  const municipality =
    region.municipalities.find((m) => m.code === n.municipalityCode)?.name ?? region.name;
  await queueEmail(db, clock, {
    to: email,
    subject: String(t('email.welcomeSubject', { municipality })),
    text: String(
      t('email.welcomeBody', {
        municipality,
        region: region.name,
        movedAwayUrl: movedAwayUrl(publicUrl, n),
      }),
    ),
    regionId: n.regionId,
    purpose: `newcomers.welcome:${n.id}`,
    consentRef: consentRefOf(n.id),
    locale,
  });
  return true;
}

const OSLO_MORNING_UTC = 'T08:00:00.000Z';
const STALE_MS = 30 * 86_400_000;

function addMonths(day: string, months: number): Date {
  const d = new Date(`${day}${OSLO_MORNING_UTC}`);
  d.setUTCMonth(d.getUTCMonth() + months);
  return d;
}

/**
 * Schedules the region's check-in waves (3 and 12 months by default) after the moving date.
 * A wave whose day is more than a month past is skipped; one just past goes out now.
 */
export async function scheduleCheckIns(
  db: Db,
  clock: Clock,
  n: Newcomer,
  email: string | null,
): Promise<number> {
  if (!email || n.consentCheckIns !== 1) return 0;
  const now = clock.now();
  let scheduled = 0;
  for (const { months, wave } of await getCheckInWaves(db, n.regionId)) {
    const due = addMonths(n.movingDate, months);
    if (due.getTime() < now.getTime() - STALE_MS) continue;
    await scheduleInvitation(db, clock, {
      regionId: n.regionId,
      municipalityCode: n.municipalityCode,
      surveyKey: 'wellbeing',
      wave,
      email,
      locale: n.locale as Locale,
      sendAt: due.getTime() < now.getTime() ? now : due,
      subjectRef: consentRefOf(n.id),
      campaignId: n.heardViaCampaignId,
    });
    scheduled += 1;
  }
  return scheduled;
}

/**
 * The moving date was corrected: each check-in not sent yet follows it (a wave now more than
 * a month past is cancelled, one just past goes out now); those already sent stay as they
 * were. Waves that were never scheduled (skipped as stale before) are scheduled if due now.
 */
export async function rescheduleCheckIns(
  db: Db,
  clock: Clock,
  n: Newcomer,
  email: string | null,
): Promise<void> {
  const now = clock.now();
  for (const { months, wave } of await getCheckInWaves(db, n.regionId)) {
    const due = addMonths(n.movingDate, months);
    const stale = due.getTime() < now.getTime() - STALE_MS;
    await reschedulePendingInvitation(
      db,
      clock,
      { subjectRef: consentRefOf(n.id), surveyKey: 'wellbeing', wave },
      stale ? null : due.getTime() < now.getTime() ? now : due,
    );
  }
  await scheduleCheckIns(db, clock, n, email);
}

/** Stops the check-ins not sent yet. */
export const cancelCheckIns = (db: Db, clock: Clock, id: string) =>
  cancelInvitations(db, clock, consentRefOf(id));

/** Erasure: the newcomer's invitations go (their anonymous answers stay, unlinked). */
export const eraseCheckIns = (db: Db, id: string) => eraseInvitationsOf(db, consentRefOf(id));

/**
 * Withdraws both consents at once (from the link in an email, or by a host): no more email
 * and no more check-ins. Idempotent; an unknown id changes nothing.
 */
export async function withdrawNewcomerConsent(
  db: Db,
  clock: Clock,
  id: string,
  by: { userId: string | null; label: string } = { userId: null, label: 'newcomer' },
): Promise<boolean> {
  return db.transaction().execute(async (trx) => {
    const row = await repo.findNewcomerById(trx, id);
    if (!row) return false;
    const now = clock.now();
    if (row.consentContact === 1 || row.consentCheckIns === 1) {
      await repo.updateNewcomer(trx, id, {
        consentContact: 0,
        consentCheckIns: 0,
        consentWithdrawnAt: now.toISOString(),
        updatedAt: now.toISOString(),
      });
    }
    const cancelled = await cancelInvitations(trx, clock, consentRefOf(id));
    await recordAudit(trx, now, {
      action: 'newcomers.consent_withdrawn',
      actor: by,
      target: { type: 'newcomer', id },
      regionId: row.regionId,
      municipalityCode: row.municipalityCode,
      details: { checkInsCancelled: cancelled },
    });
    return true;
  });
}
