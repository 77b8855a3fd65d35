import { translator } from '../../i18n/catalogue.js';
import type { Locale } from '../../i18n/locales.js';
import type { content } from '../../i18n/nb/content.js';

type KeyOf<T, P extends string = ''> = {
  [K in keyof T & string]: T[K] extends string ? `${P}${K}` : KeyOf<T[K], `${P}${K}.`>;
}[keyof T & string];

export type ContentKey = KeyOf<typeof content>;
export type ContentTranslate = (
  key: ContentKey,
  values?: Record<string, string | number>,
) => string;

/** A typed translate function for the public pages and news. */
export function contentTranslator(locale: Locale): ContentTranslate {
  const t = translator(locale, 'content');
  return (key, values) => String(t(key, values));
}
