import { translator } from '../../i18n/catalogue.js';
import type { Locale } from '../../i18n/locales.js';
import type { surveys } from '../../i18n/nb/surveys.js';

type KeyOf<T, P extends string = ''> = {
  [K in keyof T & string]: T[K] extends string ? `${P}${K}` : KeyOf<T[K], `${P}${K}.`>;
}[keyof T & string];

export type SurveyKey = KeyOf<typeof surveys>;
export type SurveyTranslate = (key: SurveyKey, values?: Record<string, string | number>) => string;

/** A typed translate function for the survey pages and emails. */
export function surveyTranslator(locale: Locale): SurveyTranslate {
  const t = translator(locale, 'surveys');
  return (key, values) => String(t(key, values));
}
