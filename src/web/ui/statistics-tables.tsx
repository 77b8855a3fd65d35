import type { ReactNode } from 'react';
import type { Series, Summary } from '../../contracts/statistics.js';
import { formatNumber, formatQuarter, type Locale } from '../i18n/locales.js';
import type { statistics } from '../i18n/nb/statistics.js';
import { netMigrationPer1000 } from './statistics-rates.js';

type KeyOf<T, P extends string = ''> = {
  [K in keyof T & string]: T[K] extends string ? `${P}${K}` : KeyOf<T[K], `${P}${K}.`>;
}[keyof T & string];

/**
 * Shared by the public site and the office: each passes its own translate function, which
 * knows the `statistics:` namespace.
 */
export type Translate = (key: `statistics:${KeyOf<typeof statistics>}`) => string;

type FigureName = keyof Summary['figures'];
type Point = { figures: Summary['figures']; symbols: Summary['symbols'] };

/** A figure as the reader sees it: a number, or SSB's symbol (never a made-up zero). */
export function cellText(locale: Locale, point: Point, name: FigureName): string {
  const value = point.figures[name];
  if (value !== null) return formatNumber(locale, value);
  const symbol = point.symbols[name];
  // "none": nothing imported for that cell; SSB's own "not available" symbol says it honestly.
  return !symbol || symbol === 'none' ? '..' : symbol;
}

interface TableProps {
  id: string;
  caption: string;
  t: Translate;
  head: ReactNode;
  children: ReactNode;
}

/**
 * A data table that scrolls sideways inside its own box at 320 px, so the page never does.
 * The box is focusable and named, so keyboard users can scroll it too.
 */
export function DataTable({ id, caption, t, head, children }: TableProps) {
  return (
    <section
      className="fh-table-scroll"
      aria-labelledby={`${id}-caption`}
      aria-describedby={`${id}-hint`}
      // biome-ignore lint/a11y/noNoninteractiveTabindex: a scrolling region must take focus to be scrolled by keyboard
      tabIndex={0}
    >
      <span id={`${id}-hint`} className="fh-visually-hidden">
        {t('statistics:page.tableScroll')}
      </span>
      <table className="ds-table fh-table" data-size="sm" id={id}>
        <caption id={`${id}-caption`}>{caption}</caption>
        <thead>{head}</thead>
        <tbody>{children}</tbody>
      </table>
    </section>
  );
}

/** A header row: the first column's name, then one column per figure. */
function FigureHeadRow(props: { first: string; t: Translate; fields: readonly FigureName[] }) {
  return (
    <tr>
      <th scope="col">{props.first}</th>
      {props.fields.map((f) => (
        <th scope="col" key={f} className="fh-num">
          {props.t(`statistics:figures.${f}`)}
        </th>
      ))}
    </tr>
  );
}

/** A body row: the row's name, then its figures as the reader sees them. */
function FigureRow(props: {
  name: string;
  locale: Locale;
  point: Point;
  fields: readonly FigureName[];
  className?: string;
}) {
  return (
    <tr className={props.className}>
      <th scope="row">{props.name}</th>
      {props.fields.map((f) => (
        <td key={f} className="fh-num">
          {cellText(props.locale, props.point, f)}
        </td>
      ))}
    </tr>
  );
}

interface SeriesTableProps {
  id: string;
  caption: string;
  t: Translate;
  locale: Locale;
  series: Series;
  fields: readonly FigureName[];
}

/** One row per period of the region's series, one column per figure. */
export function SeriesTable({ id, caption, t, locale, series, fields }: SeriesTableProps) {
  const periodName = (p: string) => (series.granularity === 'year' ? p : formatQuarter(locale, p));
  return (
    <DataTable
      id={id}
      caption={caption}
      t={t}
      head={<FigureHeadRow first={t('statistics:period')} t={t} fields={fields} />}
    >
      {series.regionSeries.map((p) => (
        <FigureRow
          key={p.period}
          name={periodName(p.period)}
          locale={locale}
          point={p}
          fields={fields}
        />
      ))}
    </DataTable>
  );
}

const MAP_FIELDS = [
  'netMigration',
  'immigration',
  'domesticIn',
  'emigration',
  'domesticOut',
] as const satisfies readonly FigureName[];

/** The map's figures: one row per member municipality, then the region's total. */
export function MunicipalityTable(props: {
  id: string;
  caption: string;
  t: Translate;
  locale: Locale;
  summary: Summary;
}) {
  const { id, caption, t, locale, summary } = props;
  return (
    <DataTable
      id={id}
      caption={caption}
      t={t}
      head={<FigureHeadRow first={t('statistics:municipality')} t={t} fields={MAP_FIELDS} />}
    >
      {summary.municipalities.map((m) => (
        <FigureRow key={m.code} name={m.name} locale={locale} point={m} fields={MAP_FIELDS} />
      ))}
      <FigureRow
        className="fh-table__total"
        name={summary.region.name}
        locale={locale}
        point={summary}
        fields={MAP_FIELDS}
      />
    </DataTable>
  );
}

type SeriesPoint = Series['regionSeries'][number];

export interface ComparisonRow {
  code: string;
  name: string;
  /** The area's figures for the quarter; null when the area has none for it. */
  point: SeriesPoint | null;
}

/**
 * The region and each comparison area (county, country) for one period, region first. Empty
 * when no comparison area is imported: then there is nothing to compare with, and the page says
 * so instead of showing a table of the region alone.
 */
export function comparisonRows(series: Series, period: string): ComparisonRow[] {
  if (series.comparisons.length === 0) return [];
  const at = (points: SeriesPoint[]) => points.find((p) => p.period === period) ?? null;
  return [
    { code: '', name: series.region.name, point: at(series.regionSeries) },
    ...series.comparisons.map((a) => ({ code: a.code, name: a.name, point: at(a.series) })),
  ];
}

const COMPARISON_FIELDS = [
  'popEnd',
  'growth',
  'netMigration',
] as const satisfies readonly FigureName[];

/** Net migration per 1,000 at the start, to one decimal; ".." when it cannot be computed. */
export function ratePer1000Text(locale: Locale, point: SeriesPoint | null): string {
  const rate = point
    ? netMigrationPer1000(point.figures.netMigration, point.figures.popStart)
    : null;
  return rate === null
    ? '..'
    : formatNumber(locale, rate, { minimumFractionDigits: 1, maximumFractionDigits: 1 });
}

/** The region against its county (or counties) and the country, for one quarter. */
export function ComparisonTable(props: {
  id: string;
  caption: string;
  t: Translate;
  locale: Locale;
  rows: ComparisonRow[];
}) {
  const { id, caption, t, locale, rows } = props;
  return (
    <DataTable
      id={id}
      caption={caption}
      t={t}
      head={
        <tr>
          <th scope="col">{t('statistics:comparison.area')}</th>
          {COMPARISON_FIELDS.map((f) => (
            <th scope="col" key={f} className="fh-num">
              {t(`statistics:figures.${f}`)}
            </th>
          ))}
          <th scope="col" className="fh-num">
            {t('statistics:comparison.netPer1000')}
          </th>
        </tr>
      }
    >
      {rows.map((r) => (
        <tr key={r.code || 'region'}>
          <th scope="row">{r.name}</th>
          {COMPARISON_FIELDS.map((f) => (
            <td key={f} className="fh-num">
              {r.point ? cellText(locale, r.point, f) : '..'}
            </td>
          ))}
          <td className="fh-num">{ratePer1000Text(locale, r.point)}</td>
        </tr>
      ))}
    </DataTable>
  );
}
