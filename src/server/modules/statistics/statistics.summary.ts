import { translator } from '../../../web/i18n/catalogue.js';
import { formatDate, formatNumber, formatQuarter, type Locale } from '../../../web/i18n/locales.js';
import type { FigureSet, Ranked } from './statistics.figures.js';
import { nextQuarter, periodStart } from './statistics.tables.js';

const day = (iso: string) => new Date(`${iso}T12:00:00Z`);

function joinNames(locale: Locale, names: string[]): string {
  const and = translator(locale, 'statistics')('summary.and');
  return names.length <= 1
    ? (names[0] ?? '')
    : `${names.slice(0, -1).join(', ')} ${and} ${names[names.length - 1]}`;
}

/**
 * The paragraph the programme publishes each quarter, in the words of the original
 * ("On 1 April 2009 the municipalities of Fjellregionen had 39 more inhabitants than at New
 * Year. In total 237 people moved to the region …"). Sentences whose figures SSB has not
 * published are left out rather than filled in.
 */
export function composeSummary(
  locale: Locale,
  regionName: string,
  quarter: string,
  region: FigureSet,
  largest: Ranked[],
): string {
  const t = translator(locale, 'statistics');
  const n = (v: number) => formatNumber(locale, v);
  const signed = (v: number) => formatNumber(locale, v, { signDisplay: 'exceptZero' });
  const dateOpts = { day: 'numeric', month: 'long', year: 'numeric' } as const;
  const sentences: string[] = [];

  const { popStart, popEnd, movedIn, netMigration } = region;
  if (popEnd.value !== null && popStart.value !== null) {
    // The change in head count, as the original quoted it (SSB's growth is the same difference).
    const change = popEnd.value - popStart.value;
    const key = change > 0 ? 'more' : change < 0 ? 'fewer' : 'same';
    sentences.push(
      t(`summary.population_${key}`, {
        date: formatDate(locale, day(periodStart(nextQuarter(quarter))), dateOpts),
        region: regionName,
        population: n(popEnd.value),
        change: n(Math.abs(change)),
        start: quarter.endsWith('K1')
          ? t('summary.newYear')
          : formatDate(locale, day(periodStart(quarter)), dateOpts),
      }),
    );
  }
  if (movedIn.value !== null && netMigration.value !== null) {
    const net = netMigration.value;
    const tail = net > 0 ? 'summary.netIn' : net < 0 ? 'summary.netOut' : 'summary.netZero';
    sentences.push(
      t('summary.movedIn', {
        count: movedIn.value,
        movedIn: n(movedIn.value),
        quarter: formatQuarter(locale, quarter),
      }) + t(tail, { net: n(Math.abs(net)) }),
    );
  }
  const best = largest[0];
  if (best) {
    const names = joinNames(
      locale,
      largest.map((r) => r.name),
    );
    sentences.push(
      t(best.netMigration > 0 ? 'summary.largest' : 'summary.largestNone', {
        names,
        net: signed(best.netMigration),
      }),
    );
  }
  if (sentences.length < 3) {
    sentences.push(t('summary.incomplete', { quarter: formatQuarter(locale, quarter) }));
  }
  return sentences.join(' ');
}
