import { useCallback } from 'react';
import { useTranslation } from 'react-i18next';
import type { events } from '../../i18n/nb/events.js';

type KeyOf<T, P extends string = ''> = {
  [K in keyof T & string]: T[K] extends string ? `${P}${K}` : KeyOf<T[K], `${P}${K}.`>;
}[keyof T & string];

export type EventsKey = KeyOf<typeof events>;
export type EventsTranslate = (key: EventsKey, values?: Record<string, string | number>) => string;

/** The events screens' texts: the `events` namespace. */
export function useEventsT(): EventsTranslate {
  const { t } = useTranslation('events');
  return useCallback(
    (key: EventsKey, values?: Record<string, string | number>) => String(t(key, values ?? {})),
    [t],
  );
}
