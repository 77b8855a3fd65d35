import ical, { ICalEventStatus } from 'ical-generator';
import type { Locale } from '../../../web/i18n/locales.js';
import { fromDbJson, fromDbTime } from '../../db/portable.js';
import { eventPath } from './events.mail.js';
import type { EventRow } from './events.repo.js';
import type { Texts } from './events.service.js';

/**
 * iCalendar (RFC 5545) for the region's calendar and for one event. Times are written as UTC
 * instants (`…Z`): every calendar program shows them in its own zone, so an evening in Tynset
 * is right in summer and winter time without shipping a VTIMEZONE.
 */
export function eventsCalendar(input: {
  name: string;
  publicUrl: string;
  locale: Locale;
  events: EventRow[];
  now: Date;
}): string {
  const calendar = ical({
    name: input.name,
    prodId: { company: 'Flytthit', product: 'events', language: input.locale.toUpperCase() },
    url: `${input.publicUrl}${input.locale === 'nb' ? '' : `/${input.locale}`}/arrangementer`,
    ttl: 60 * 60,
  });
  for (const e of input.events) {
    const title = fromDbJson<Texts>(e.title, { nb: '' });
    const description = fromDbJson<Texts>(e.description, { nb: '' });
    const url = `${input.publicUrl}${eventPath(input.locale, e.id)}`;
    calendar.createEvent({
      // Stable across feeds and languages, so a subscribed calendar updates rather than doubles.
      id: `${e.id}@flytthit`,
      start: fromDbTime(e.startsAt),
      end: fromDbTime(e.endsAt),
      stamp: fromDbTime(e.updatedAt),
      summary: title[input.locale] ?? title.nb,
      description: `${description[input.locale] ?? description.nb}\n\n${url}`.trim(),
      location: e.place,
      url,
      status: e.cancelledAt ? ICalEventStatus.CANCELLED : ICalEventStatus.CONFIRMED,
    });
  }
  return calendar.toString();
}
