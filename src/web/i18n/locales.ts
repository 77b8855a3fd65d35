export const LOCALES = ['nb', 'nn', 'en'] as const;
export type Locale = (typeof LOCALES)[number];
export const DEFAULT_LOCALE: Locale = 'nb';

export const isLocale = (v: unknown): v is Locale =>
  typeof v === 'string' && (LOCALES as readonly string[]).includes(v);

/** BCP 47 tag for Intl and the html `lang` attribute. */
export const intlTag: Record<Locale, string> = { nb: 'nb-NO', nn: 'nn-NO', en: 'en-GB' };

/** The language's own name, for the language switch. */
export const localeName: Record<Locale, string> = { nb: 'Bokmål', nn: 'Nynorsk', en: 'English' };

/** Widens a catalogue so the other languages must have the same keys, with any text. */
export type Messages<T> = { [K in keyof T]: T[K] extends string ? string : Messages<T[K]> };

export const formatNumber = (locale: Locale, n: number, options?: Intl.NumberFormatOptions) =>
  new Intl.NumberFormat(intlTag[locale], options).format(n);

export const formatDate = (locale: Locale, d: Date, options?: Intl.DateTimeFormatOptions) =>
  new Intl.DateTimeFormat(intlTag[locale], { timeZone: 'Europe/Oslo', ...options }).format(d);

/** SSB writes quarters as 2009K1; people read "1. kvartal 2009" / "Q1 2009". */
export function formatQuarter(locale: Locale, code: string): string {
  const m = /^(\d{4})K([1-4])$/.exec(code);
  if (!m) return code;
  const [, year, q] = m;
  return locale === 'en' ? `Q${q} ${year}` : `${q}. kvartal ${year}`;
}
