import type { Series } from '../../../contracts/statistics.js';
import type { Locale } from '../../../web/i18n/locales.js';
import type { Db } from '../../db/database.js';
import { neutraliseCsvCell } from './statistics.csv-out.js';
import { combineQuarters, type FigureSet } from './statistics.figures.js';
import { listImports } from './statistics.import.js';
import { renderNetMigrationMap } from './statistics.map.js';
import {
  credit,
  definitions,
  figureLabel,
  presentFigures,
  presentProvenance,
} from './statistics.present.js';
import {
  availableQuarters,
  comparisonAreas,
  comparisonFigures,
  figuresFor,
  getQuarterSummary,
  regionContext,
} from './statistics.service.js';
import { FIGURE_NAMES, previousQuarter, TABLE_01222 } from './statistics.tables.js';

export type Granularity = Series['granularity'];

export interface SeriesOptions {
  granularity: Granularity;
  from?: string | undefined;
  to?: string | undefined;
}

/**
 * Group quarters into the periods asked for. A calendar year needs all four quarters; a rolling
 * year ends at each quarter that has the three before it. Incomplete years are left out, not
 * shown as if they were whole.
 */
function periodsOf(quarters: string[], granularity: Granularity): Array<[string, string[]]> {
  if (granularity === 'quarter') return quarters.map((q) => [q, [q]]);
  const have = new Set(quarters);
  const out: Array<[string, string[]]> = [];
  if (granularity === 'year') {
    const years = [...new Set(quarters.map((q) => q.slice(0, 4)))];
    for (const y of years) {
      const qs = [1, 2, 3, 4].map((k) => `${y}K${k}`);
      if (qs.every((q) => have.has(q))) out.push([y, qs]);
    }
    return out;
  }
  for (const q of quarters) {
    const qs = [q];
    while (qs.length < 4) qs.unshift(previousQuarter(qs[0]!));
    if (qs.every((x) => have.has(x))) out.push([q, qs]);
  }
  return out;
}

/** Region and member figures over time, with definitions and provenance. */
export async function getSeries(
  db: Db,
  slug: string,
  options: SeriesOptions,
  locale: Locale,
): Promise<Series> {
  const ctx = await regionContext(db, slug);
  const all = await availableQuarters(db, ctx);
  const quarters = all.filter(
    (q) => (!options.from || q >= options.from) && (!options.to || q <= options.to),
  );
  const byQuarter = await figuresFor(db, ctx, quarters);
  const groups = periodsOf(quarters, options.granularity);
  const point = (period: string, sets: FigureSet[]) => ({
    period,
    ...presentFigures(sets.length === 1 ? sets[0]! : combineQuarters(sets)),
  });
  const areas = comparisonAreas(ctx, locale);
  const compared = await comparisonFigures(db, areas, quarters);
  const comparisons = areas
    .map((a) => ({
      ...a,
      series: groups.map(([p, qs]) =>
        point(
          p,
          qs.map((q) => compared.get(a.code)!.get(q)!),
        ),
      ),
    }))
    // Only areas whose figures were imported: an empty series would only be noise.
    .filter((a) => a.series.some((p) => Object.values(p.figures).some((v) => v !== null)));
  const [provenance] = await listImports(db, TABLE_01222.id, 1);
  return {
    region: { slug: ctx.region.slug, name: ctx.region.name },
    table: TABLE_01222.id,
    granularity: options.granularity,
    regionSeries: groups.map(([p, qs]) =>
      point(
        p,
        qs.map((q) => byQuarter.get(q)!.region),
      ),
    ),
    municipalities: ctx.region.municipalities.map((m, i) => ({
      code: m.code,
      name: m.name,
      series: groups.map(([p, qs]) =>
        point(
          p,
          qs.map((q) => byQuarter.get(q)!.members[i]!.figures),
        ),
      ),
    })),
    comparisons,
    definitions: definitions(locale),
    credit: credit(locale),
    provenance: presentProvenance(provenance ?? null),
  };
}

/** The series as CSV (semicolon, as Norwegian spreadsheets expect), ending with the credit. */
export function seriesCsv(series: Series, locale: Locale): string {
  const header = [
    'period',
    'area_code',
    'area',
    ...FIGURE_NAMES.map((f) => figureLabel(locale, f)),
  ];
  const lines = [header];
  const row = (code: string, name: string, p: Series['regionSeries'][number]) => [
    p.period,
    code,
    name,
    ...FIGURE_NAMES.map((f) =>
      p.figures[f] === null ? (p.symbols[f] ?? '') : String(p.figures[f]),
    ),
  ];
  for (const p of series.regionSeries) lines.push(row('', series.region.name, p));
  for (const m of series.municipalities)
    for (const p of m.series) lines.push(row(m.code, m.name, p));
  lines.push([series.credit]);
  return `\uFEFF${lines.map((l) => l.map(neutraliseCsvCell).join(';')).join('\r\n')}\r\n`;
}

/** The net-migration map of a quarter (the latest by default) as server-drawn SVG. */
export async function getNetMigrationMap(
  db: Db,
  slug: string,
  quarter: string | undefined,
  locale: Locale,
): Promise<string> {
  const s = await getQuarterSummary(db, slug, quarter, locale);
  return renderNetMigrationMap(
    locale,
    s.region.name,
    s.quarter,
    s.municipalities.map((m) => ({
      code: m.code,
      name: m.name,
      value: m.figures.netMigration.value,
    })),
  );
}
