import { translator } from '../../i18n/catalogue.js';
import type { Locale } from '../../i18n/locales.js';
import type { referral } from '../../i18n/nb/referral.js';

type KeyOf<T, P extends string = ''> = {
  [K in keyof T & string]: T[K] extends string ? `${P}${K}` : KeyOf<T[K], `${P}${K}.`>;
}[keyof T & string];

export type ReferralKey = KeyOf<typeof referral>;
export type ReferralTranslate = (
  key: ReferralKey,
  values?: Record<string, string | number>,
) => string;

/** A typed translate function for the referral pages and the postcard. */
export function referralTranslator(locale: Locale): ReferralTranslate {
  const t = translator(locale, 'referral');
  return (key, values) => String(t(key, values));
}
