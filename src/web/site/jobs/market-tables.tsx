import type { JobMarket } from '../../../contracts/jobs.js';
import { formatNumber, type Locale } from '../../i18n/locales.js';
import { DataTable, type Translate as StatisticsTranslate } from '../../ui/statistics-tables.js';
import type { JobsTranslate } from './text.js';

/**
 * The labour-market map's tables: the charts' text alternative, shared by the public page and
 * the office. Plain table markup (no Designsystemet script), so both can render it.
 */
export interface MarketTableProps {
  market: JobMarket;
  locale: Locale;
  t: JobsTranslate;
  /** Knows `statistics:page.tableScroll`, the scrolling box's hint. */
  st: StatisticsTranslate;
}

type Count = JobMarket['byOccupation'][number];

export function CountTable(
  props: MarketTableProps & { id: string; caption: string; first: string; rows: Count[] },
) {
  const { locale, t, rows } = props;
  const total = rows.reduce((n, r) => n + r.count, 0);
  return (
    <DataTable
      id={props.id}
      caption={props.caption}
      t={props.st}
      head={
        <tr>
          <th scope="col">{props.first}</th>
          <th scope="col" className="fh-num">
            {t('market.count')}
          </th>
        </tr>
      }
    >
      {rows.map((r) => (
        <tr key={r.code}>
          <th scope="row">{r.name}</th>
          <td className="fh-num">{formatNumber(locale, r.count)}</td>
        </tr>
      ))}
      <tr className="fh-table__total">
        <th scope="row">{t('market.totalColumn')}</th>
        <td className="fh-num">{formatNumber(locale, total)}</td>
      </tr>
    </DataTable>
  );
}

/** Daily totals, newest first (the chart reads oldest first). */
export function TrendTable(props: MarketTableProps & { id: string }) {
  const { locale, t, market } = props;
  return (
    <DataTable
      id={props.id}
      caption={t('market.trendCaption')}
      t={props.st}
      head={
        <tr>
          <th scope="col">{t('market.date')}</th>
          <th scope="col" className="fh-num">
            {t('market.totalColumn')}
          </th>
          <th scope="col" className="fh-num">
            {t('market.publicColumn')}
          </th>
          <th scope="col" className="fh-num">
            {t('market.privateColumn')}
          </th>
          <th scope="col" className="fh-num">
            {t('market.otherColumn')}
          </th>
        </tr>
      }
    >
      {[...market.daily].reverse().map((d) => (
        <tr key={d.date}>
          <th scope="row">{d.date}</th>
          <td className="fh-num">{formatNumber(locale, d.total)}</td>
          <td className="fh-num">{formatNumber(locale, d.public)}</td>
          <td className="fh-num">{formatNumber(locale, d.private)}</td>
          <td className="fh-num">{formatNumber(locale, d.other)}</td>
        </tr>
      ))}
    </DataTable>
  );
}
