import { translator } from '../../i18n/catalogue.js';
import type { Locale } from '../../i18n/locales.js';
import type { jobs } from '../../i18n/nb/jobs.js';

type KeyOf<T, P extends string = ''> = {
  [K in keyof T & string]: T[K] extends string ? `${P}${K}` : KeyOf<T[K], `${P}${K}.`>;
}[keyof T & string];

export type JobsKey = KeyOf<typeof jobs>;
export type JobsTranslate = (key: JobsKey, values?: Record<string, string | number>) => string;

/** A typed translate function for the job pages and the labour-market map. */
export function jobsTranslator(locale: Locale): JobsTranslate {
  const t = translator(locale, 'jobs');
  return (key, values) => String(t(key, values));
}
