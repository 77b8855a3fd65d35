import { useCallback } from 'react';
import { useTranslation } from 'react-i18next';
import type { newcomers } from '../../i18n/nb/newcomers.js';

type KeyOf<T, P extends string = ''> = {
  [K in keyof T & string]: T[K] extends string ? `${P}${K}` : KeyOf<T[K], `${P}${K}.`>;
}[keyof T & string];

export type NewcomersKey = KeyOf<typeof newcomers>;
export type NewcomersTranslate = (
  key: NewcomersKey,
  values?: Record<string, string | number>,
) => string;

/** The newcomer screens' texts: the `newcomers` namespace. */
export function useNewcomersT(): NewcomersTranslate {
  const { t } = useTranslation('newcomers');
  return useCallback(
    (key: NewcomersKey, values?: Record<string, string | number>) => String(t(key, values ?? {})),
    [t],
  );
}

/** A calendar day (YYYY-MM-DD) in the reader's language. */
export function formatDay(tag: string, day: string): string {
  return new Intl.DateTimeFormat(tag, { dateStyle: 'medium', timeZone: 'UTC' }).format(
    new Date(`${day.slice(0, 10)}T00:00:00Z`),
  );
}
