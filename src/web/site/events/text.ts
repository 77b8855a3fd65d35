import { translator } from '../../i18n/catalogue.js';
import type { Locale } from '../../i18n/locales.js';
import type { events } from '../../i18n/nb/events.js';

type KeyOf<T, P extends string = ''> = {
  [K in keyof T & string]: T[K] extends string ? `${P}${K}` : KeyOf<T[K], `${P}${K}.`>;
}[keyof T & string];

export type EventsKey = KeyOf<typeof events>;
export type EventsTranslate = (key: EventsKey, values?: Record<string, string | number>) => string;

/** A typed translate function for the calendar, the event pages and their emails. */
export function eventsTranslator(locale: Locale): EventsTranslate {
  const t = translator(locale, 'events');
  return (key, values) => String(t(key, values));
}
