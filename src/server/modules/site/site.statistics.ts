import type { Locale } from '../../../web/i18n/locales.js';
import type { StatisticsView } from '../../../web/site/types.js';
import type { Db } from '../../db/database.js';
import { AppError } from '../../errors.js';
import { getAgeStatistics } from '../statistics/statistics.age.service.js';
import { presentSummary } from '../statistics/statistics.present.js';
import { getSeries } from '../statistics/statistics.series.js';
import { getQuarterSummary } from '../statistics/statistics.service.js';

/**
 * What the statistics page shows: the region's quarterly series and one quarter's summary
 * (the latest unless one was chosen). Null when nothing has been imported for the region, so
 * the page can say so instead of showing empty charts.
 */
export async function statisticsView(
  db: Db,
  slug: string,
  quarter: string | undefined,
  locale: Locale,
): Promise<StatisticsView | null> {
  const series = await getSeries(db, slug, { granularity: 'quarter' }, locale);
  const quarters = series.regionSeries.map((p) => p.period);
  const latest = quarters[quarters.length - 1];
  if (!latest) return null;
  const chosen = quarter ?? latest;
  let summary: StatisticsView['summary'] = null;
  if (quarters.includes(chosen)) {
    try {
      summary = presentSummary(await getQuarterSummary(db, slug, chosen, locale));
    } catch (error) {
      // A quarter where SSB published only symbols has no summary; the page says so.
      if (!(error instanceof AppError && error.code === 'not_found')) throw error;
    }
  }
  const age = await getAgeStatistics(db, slug, locale);
  return {
    quarters,
    quarter: chosen,
    summary,
    series,
    age: age.regionYears.length > 0 ? age : null,
  };
}
