import { createHash, randomBytes } from 'node:crypto';
import { translator } from '../../../web/i18n/catalogue.js';
import { DEFAULT_LOCALE, formatDate, isLocale, type Locale } from '../../../web/i18n/locales.js';
import type { Db } from '../../db/database.js';
import { toDbTime } from '../../db/portable.js';
import type { Clock } from '../../deps.js';
import { isConsentRef } from '../notifications/consent.js';
import { queueEmail } from '../notifications/notifications.service.js';
import { surveyDefinition } from './definitions/index.js';
import * as repo from './surveys.repo.js';

const DAY = 24 * 60 * 60_000;

/** When the first email goes, one reminder a week later, and the link dies after 30 days. */
export const SURVEY_POLICY = {
  reminderAfterMs: 7 * DAY,
  expiresAfterMs: 30 * DAY,
  /** Invitations (with their email address) are deleted this long after they close. */
  keepClosedMs: 60 * DAY,
  batchSize: 100,
} as const;

/** A fresh link secret: 32 random bytes; only its hash is stored, the link only in the email. */
export function newSurveyToken(): { token: string; hash: string } {
  const token = randomBytes(32).toString('base64url');
  return { token, hash: hashSurveyToken(token) };
}

export const hashSurveyToken = (token: string): string =>
  createHash('sha256').update(token).digest('base64url');

const localePrefix = (l: Locale) => (l === DEFAULT_LOCALE ? '' : `/${l}`);
export const surveyPath = '/undersokelse';
export const surveyLink = (publicUrl: string, locale: Locale, token: string) =>
  `${publicUrl}${localePrefix(locale)}${surveyPath}/${token}`;

interface MailInput {
  invitation: repo.InvitationRow;
  token: string;
  expiresAt: Date;
  reminder: boolean;
  publicUrl: string;
}

async function queueInvitationEmail(db: Db, clock: Clock, input: MailInput) {
  const { invitation, token, reminder } = input;
  const definition = surveyDefinition(invitation.surveyKey);
  if (!definition) return;
  const locale: Locale = isLocale(invitation.locale) ? invitation.locale : DEFAULT_LOCALE;
  const t = translator(locale, 'surveys');
  const region = (await repo.regionNameOf(db, invitation.regionId))?.name ?? '';
  const baseSubject = definition.mail.subject[locale].replace('{{region}}', region);
  const subject = reminder
    ? String(t('mail.reminderSubject', { subject: baseSubject }))
    : baseSubject;
  const date = formatDate(locale, input.expiresAt, {
    day: 'numeric',
    month: 'long',
    year: 'numeric',
  });
  const text = [
    String(t('mail.greeting')),
    '',
    ...(reminder ? [String(t('mail.reminderIntro')), ''] : []),
    definition.mail.body[locale].replace('{{region}}', region),
    '',
    String(t('mail.link')),
    surveyLink(input.publicUrl, locale, token),
    '',
    String(t('mail.expires', { date })),
    String(t('mail.personal')),
    String(t('mail.voluntary')),
    '',
    String(t('mail.signature', { region })),
  ].join('\n');
  await queueEmail(db, clock, {
    to: invitation.email,
    subject,
    text,
    regionId: invitation.regionId,
    // The purpose names the invitation, so the outbox copy (which holds the link) is purged
    // and erased with it.
    purpose: `surveys.invitation:${invitation.id}`,
    locale,
    ...(isConsentRef(invitation.subjectRef) ? { consentRef: invitation.subjectRef } : {}),
  });
}

export interface SurveyDeliveryReport {
  sent: number;
  reminded: number;
}

/**
 * Queues the due invitations and reminders in the outbox (the outbox worker sends them).
 * Each invitation is stamped and queued in one transaction, so a crash never sends twice
 * nor stamps without queueing. Invitations for a survey that no longer exists are skipped.
 */
export async function sendDueInvitations(
  db: Db,
  clock: Clock,
  publicUrl: string,
): Promise<SurveyDeliveryReport> {
  const report = { sent: 0, reminded: 0 };
  const now = clock.now();
  const due = await repo.findDueInvitations(db, toDbTime(now), SURVEY_POLICY.batchSize);
  for (const invitation of due) {
    const { token, hash } = newSurveyToken();
    const expiresAt = new Date(now.getTime() + SURVEY_POLICY.expiresAfterMs);
    const done = await db.transaction().execute(async (trx) => {
      const won = await repo.markSent(trx, invitation.id, {
        sentAt: toDbTime(now),
        expiresAt: toDbTime(expiresAt),
        tokenHash: hash,
      });
      if (won) {
        await queueInvitationEmail(trx, clock, {
          invitation,
          token,
          expiresAt,
          reminder: false,
          publicUrl,
        });
      }
      return won;
    });
    if (done) report.sent++;
  }
  const reminders = await repo.findDueReminders(
    db,
    toDbTime(new Date(now.getTime() - SURVEY_POLICY.reminderAfterMs)),
    toDbTime(now),
    SURVEY_POLICY.batchSize,
  );
  for (const invitation of reminders) {
    // A second link of its own: the first one is only a hash here, and it keeps working too.
    const { token, hash } = newSurveyToken();
    const expiresAt = new Date(invitation.expiresAt!);
    const done = await db.transaction().execute(async (trx) => {
      const won = await repo.markReminded(trx, invitation.id, {
        remindedAt: toDbTime(now),
        reminderTokenHash: hash,
      });
      if (won) {
        await queueInvitationEmail(trx, clock, {
          invitation,
          token,
          expiresAt,
          reminder: true,
          publicUrl,
        });
      }
      return won;
    });
    if (done) report.reminded++;
  }
  return report;
}

/** Housekeeping: invitations closed (answered, expired, cancelled) 60 days ago are deleted. */
export async function purgeClosedInvitations(db: Db, clock: Clock): Promise<number> {
  const before = new Date(clock.now().getTime() - SURVEY_POLICY.keepClosedMs);
  return repo.deleteInvitationsClosedBefore(db, toDbTime(before));
}
