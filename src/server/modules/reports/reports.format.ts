import type { IndicatorStatus, LocalText } from '../../../contracts/goals.js';
import { translator } from '../../../web/i18n/catalogue.js';
import { formatDate, formatNumber, type Locale } from '../../../web/i18n/locales.js';

/** Words and numbers as the report prints them, in the report's language. */

export const reportT = (locale: Locale) => translator(locale, 'reports');

/** nn and en may be left empty in the programme: bokmål stands in. */
export const localText = (text: LocalText, locale: Locale): string => text[locale] || text.nb;

export const day = (locale: Locale, iso: string): string =>
  formatDate(locale, new Date(`${iso}T12:00:00Z`), {
    day: 'numeric',
    month: 'long',
    year: 'numeric',
  });

export const num = (locale: Locale, n: number): string => formatNumber(locale, n);

/** An indicator's value in its unit: a share (0–1) as a per cent, the rest as whole numbers. */
export function indicatorValue(locale: Locale, unit: IndicatorStatus['unit'], n: number): string {
  if (unit === 'share')
    return formatNumber(locale, n, { style: 'percent', maximumFractionDigits: 0 });
  return formatNumber(locale, n, { maximumFractionDigits: 1 });
}
