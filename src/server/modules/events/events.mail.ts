import { translator } from '../../../web/i18n/catalogue.js';
import { DEFAULT_LOCALE, formatDate, isLocale, type Locale } from '../../../web/i18n/locales.js';
import type { Db } from '../../db/database.js';
import type { Clock } from '../../deps.js';
import { queueEmail } from '../notifications/notifications.service.js';

/** The emails of the events module, in the reader's language, queued through the outbox. */

export interface MailEvent {
  id: string;
  regionId: string;
  title: string;
  place: string;
  organiserName: string;
  startsAt: Date;
  endsAt: Date;
}

export type EventMailKind =
  | 'confirmed'
  | 'waiting'
  | 'promoted'
  | 'reminder'
  | 'eventCancelled'
  | 'invitation';

const prefixOf = (locale: Locale) => (locale === DEFAULT_LOCALE ? '' : `/${locale}`);

export const eventPath = (locale: Locale, id: string) => `${prefixOf(locale)}/arrangementer/${id}`;

export const cancelPath = (locale: Locale, token: string) =>
  `${prefixOf(locale)}/arrangementer/avmelding/${token}`;

/** "torsdag 3. desember 2026 kl. 18:00–20:00", always in Norwegian time. */
export function formatWhen(locale: Locale, startsAt: Date, endsAt: Date): string {
  const day = formatDate(locale, startsAt, {
    weekday: 'long',
    day: 'numeric',
    month: 'long',
    year: 'numeric',
  });
  const time = (d: Date) => formatDate(locale, d, { hour: '2-digit', minute: '2-digit' });
  const sameDay =
    formatDate('nb', startsAt, { dateStyle: 'short' }) ===
    formatDate('nb', endsAt, { dateStyle: 'short' });
  const end = sameDay
    ? time(endsAt)
    : `${formatDate(locale, endsAt, { day: 'numeric', month: 'long' })} ${time(endsAt)}`;
  return `${day} ${locale === 'en' ? 'at' : 'kl.'} ${time(startsAt)}–${end}`;
}

export interface EventMailInput {
  kind: EventMailKind;
  to: string;
  locale: string;
  event: MailEvent;
  publicUrl: string;
  /** For mails about a registration: its id (consent and purge tag) and cancel token. */
  registrationId?: string;
  cancelToken?: string;
  /** For mails about another module's record (an invited newcomer): its consent reference. */
  consentRef?: string;
  values?: Record<string, string | number>;
}

export async function queueEventMail(db: Db, clock: Clock, input: EventMailInput): Promise<void> {
  const locale: Locale = isLocale(input.locale) ? input.locale : DEFAULT_LOCALE;
  const t = translator(locale, 'events');
  const values = {
    title: input.event.title,
    place: input.event.place,
    organiser: input.event.organiserName,
    when: formatWhen(locale, input.event.startsAt, input.event.endsAt),
    eventUrl: `${input.publicUrl}${eventPath(locale, input.event.id)}`,
    calendarUrl: `${input.publicUrl}${prefixOf(locale)}/arrangementer`,
    cancelUrl: input.cancelToken
      ? `${input.publicUrl}${cancelPath(locale, input.cancelToken)}`
      : '',
    ...input.values,
  };
  const subject = String(t(`mail.${input.kind}Subject`, values)).replace(/[\r\n]+/g, ' ');
  await queueEmail(db, clock, {
    to: input.to,
    subject,
    text: String(t(`mail.${input.kind}Body`, values)),
    regionId: input.event.regionId,
    purpose: input.registrationId
      ? `events.${input.kind}:${input.registrationId}`
      : `events.${input.kind}:${input.event.id}`,
    consentRef: input.registrationId
      ? `event-registration:${input.registrationId}`
      : input.consentRef,
    locale,
  });
}
