import { translator } from '../../i18n/catalogue.js';
import type { Locale } from '../../i18n/locales.js';
import type { newcomers } from '../../i18n/nb/newcomers.js';

type KeyOf<T, P extends string = ''> = {
  [K in keyof T & string]: T[K] extends string ? `${P}${K}` : KeyOf<T[K], `${P}${K}.`>;
}[keyof T & string];

export type NewcomersKey = KeyOf<typeof newcomers>;
export type NewcomersTranslate = (
  key: NewcomersKey,
  values?: Record<string, string | number>,
) => string;

/** A typed translate function for the newcomer pages and emails. */
export function newcomersTranslator(locale: Locale): NewcomersTranslate {
  const t = translator(locale, 'newcomers');
  return (key, values) => String(t(key, values));
}
