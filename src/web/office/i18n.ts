import i18next from 'i18next';
import { useCallback } from 'react';
import { initReactI18next, useTranslation } from 'react-i18next';
import { resources } from '../i18n/catalogue.js';
import { DEFAULT_LOCALE, intlTag, isLocale, LOCALES, type Locale } from '../i18n/locales.js';
import type { common } from '../i18n/nb/common.js';
import type { office } from '../i18n/nb/office.js';
import type { statistics } from '../i18n/nb/statistics.js';

/** Dotted keys of a catalogue, so a misspelt key fails the typecheck. */
type Paths<T, P extends string = ''> = {
  [K in keyof T & string]: T[K] extends string ? `${P}${K}` : Paths<T[K], `${P}${K}.`>;
}[keyof T & string];

export type OfficeKey =
  | Paths<typeof office>
  | `common:${Paths<typeof common>}`
  | `statistics:${Paths<typeof statistics>}`;

export const i18n = i18next.createInstance();

export function initI18n(locale: Locale): void {
  void i18n.use(initReactI18next).init({
    resources,
    lng: locale,
    fallbackLng: DEFAULT_LOCALE,
    supportedLngs: [...LOCALES],
    defaultNS: 'office',
    ns: ['office', 'common', 'statistics'],
    interpolation: { escapeValue: false },
    initAsync: false,
    showSupportNotice: false,
  } as Parameters<typeof i18n.init>[0]);
  document.documentElement.lang = locale;
}

/** The language last chosen on this browser (the `lang` cookie the server reads too). */
export function cookieLocale(): Locale {
  const match = /(?:^|;\s*)lang=([^;]+)/.exec(document.cookie);
  const value = match?.[1];
  return isLocale(value) ? value : DEFAULT_LOCALE;
}

export function applyLocale(locale: Locale): void {
  // biome-ignore lint/suspicious/noDocumentCookie: the server reads this cookie too (plugins/i18n)
  document.cookie = `lang=${locale}; path=/; max-age=31536000; samesite=lax`;
  document.documentElement.lang = locale;
  void i18n.changeLanguage(locale);
}

export type Translate = (key: OfficeKey, values?: Record<string, string | number>) => string;

/** The office's translate function, typed against the bokmål catalogue. */
export function useT(): { t: Translate; locale: Locale; tag: string } {
  const { t, i18n: instance } = useTranslation('office');
  const locale = isLocale(instance.language) ? instance.language : DEFAULT_LOCALE;
  const translate = useCallback<Translate>(
    (key, values) => String(t(key as string, values ?? {})),
    [t],
  );
  return { t: translate, locale, tag: intlTag[locale] };
}
