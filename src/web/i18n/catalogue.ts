import i18next, { type TFunction } from 'i18next';
import { common as enCommon } from './en/common.js';
import { DEFAULT_LOCALE, LOCALES, type Locale } from './locales.js';
import { common as nbCommon } from './nb/common.js';
import { common as nnCommon } from './nn/common.js';

/**
 * Every namespace in every language. A namespace is one file per language under
 * nb/, nn/ and en/; the nn and en files are typed against nb, so a missing key fails the
 * typecheck. South Sámi (sma) will be a fourth folder with the same shape.
 */
export const resources = {
  nb: { common: nbCommon },
  nn: { common: nnCommon },
  en: { common: enCommon },
} satisfies Record<Locale, Record<string, unknown>>;

export type Namespace = keyof (typeof resources)['nb'];

const instance = i18next.createInstance();
void instance.init({
  resources,
  lng: DEFAULT_LOCALE,
  fallbackLng: DEFAULT_LOCALE,
  supportedLngs: [...LOCALES],
  defaultNS: 'common',
  ns: Object.keys(resources.nb),
  interpolation: { escapeValue: false },
  initAsync: false,
  showSupportNotice: false,
} as Parameters<typeof instance.init>[0]);

/** A translate function fixed to one language (server side). */
export function translator(locale: Locale, ns: Namespace = 'common'): TFunction {
  return instance.getFixedT(locale, ns);
}
