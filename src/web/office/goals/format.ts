import type { GoalsEvaluation } from './api.js';

export type IndicatorStatus = GoalsEvaluation['subGoals'][number]['indicators'][number];
export type LocalText = { nb: string; nn: string; en: string };

/** A text in the reader's language; nn and en fall back to bokmål when not written. */
export const local = (text: LocalText, locale: string): string =>
  (locale === 'nn' ? text.nn : locale === 'en' ? text.en : '') || text.nb;

/** A value as its unit reads: shares as per cent, means with one decimal, counts whole. */
export function formatValue(tag: string, unit: IndicatorStatus['unit'], value: number): string {
  if (unit === 'share') {
    return new Intl.NumberFormat(tag, { style: 'percent', maximumFractionDigits: 0 }).format(value);
  }
  const digits = unit === 'mean5' ? 1 : 0;
  return new Intl.NumberFormat(tag, {
    minimumFractionDigits: digits,
    maximumFractionDigits: digits,
  }).format(value);
}

/** Where the numbers behind an indicator are shown in full. */
export function drillDownPath(ind: IndicatorStatus): string {
  const s = ind.source;
  switch (s.kind) {
    case 'statistics':
      return '/statistics';
    case 'campaign':
      return s.campaignId ? `/follow-up/${encodeURIComponent(s.campaignId)}/funnel` : '/follow-up';
    case 'survey':
      return '/surveys';
    case 'count':
      return s.measure === 'mediaMentions' ? '/goals/media' : '/business/start-her';
    case 'siteVisits':
      return '/site';
  }
}
