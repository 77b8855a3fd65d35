import { translator } from '../../i18n/catalogue.js';
import type { Locale } from '../../i18n/locales.js';
import type { business } from '../../i18n/nb/business.js';

type KeyOf<T, P extends string = ''> = {
  [K in keyof T & string]: T[K] extends string ? `${P}${K}` : KeyOf<T[K], `${P}${K}.`>;
}[keyof T & string];

export type BusinessKey = KeyOf<typeof business>;
export type BusinessTranslate = (
  key: BusinessKey,
  values?: Record<string, string | number>,
) => string;

/** A typed translate function for «Start Her» pages and the business module's emails. */
export function businessTranslator(locale: Locale): BusinessTranslate {
  const t = translator(locale, 'business');
  return (key, values) => String(t(key, values));
}
