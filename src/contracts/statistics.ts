import { z } from 'zod';
import { LOCALES } from '../web/i18n/locales.js';
import { RegionSlugSchema } from './regions.js';

export const QuarterSchema = z.string().regex(/^\d{4}K[1-4]$/, 'A quarter looks like 2015K1');

export const FIGURE_KEYS = [
  'popStart',
  'births',
  'deaths',
  'naturalIncrease',
  'immigration',
  'emigration',
  'domesticIn',
  'domesticOut',
  'netMigration',
  'growth',
  'popEnd',
  'movedIn',
] as const;
export const FigureKeySchema = z.enum(FIGURE_KEYS);

const figureShape = Object.fromEntries(FIGURE_KEYS.map((k) => [k, z.number().nullable()])) as {
  [K in (typeof FIGURE_KEYS)[number]]: z.ZodNullable<z.ZodNumber>;
};

/** Every figure as a number, or null where SSB published none. */
export const FiguresSchema = z.object(figureShape);
/** For each null figure, SSB's symbol (".", "..", ":", "-"), or "none" when nothing was imported. */
export const SymbolsSchema = z.partialRecord(FigureKeySchema, z.string());

export const EarlierNumberSchema = z.object({
  code: z.string(),
  name: z.string(),
  changedOn: z.string(),
  kind: z.string(),
});

export const MunicipalityFiguresSchema = z.object({
  code: z.string(),
  name: z.string(),
  figures: FiguresSchema,
  symbols: SymbolsSchema,
  /** Earlier numbers whose figures are counted here (renumbered or merged). */
  earlierNumbers: z.array(EarlierNumberSchema),
  /** Earlier municipalities that were split: quarters before the split are not available. */
  splitFrom: z.array(EarlierNumberSchema),
});

export const ProvenanceSchema = z.object({
  tableId: z.string(),
  source: z.string(),
  ssbUpdated: z.string().nullable(),
  fetchedAt: z.string(),
  importedAt: z.string(),
  cellCount: z.number(),
});

export const SummarySchema = z.object({
  region: z.object({ slug: z.string(), name: z.string() }),
  table: z.string(),
  quarter: QuarterSchema,
  lang: z.enum(LOCALES),
  text: z.string(),
  figures: FiguresSchema,
  symbols: SymbolsSchema,
  municipalities: z.array(MunicipalityFiguresSchema),
  largestNetInMigration: z.array(
    z.object({ code: z.string(), name: z.string(), netMigration: z.number() }),
  ),
  definitions: z.record(z.string(), z.string()),
  credit: z.string(),
  provenance: ProvenanceSchema.nullable(),
});
export type Summary = z.infer<typeof SummarySchema>;

export const StatisticsParamsSchema = z.strictObject({ slug: RegionSlugSchema });

export const SummaryQuerySchema = z.strictObject({
  quarter: QuarterSchema.optional(),
  lang: z.enum(LOCALES).optional(),
});

export const GranularitySchema = z.enum(['quarter', 'year', 'rolling']);

export const SeriesQuerySchema = z.strictObject({
  granularity: GranularitySchema.default('quarter'),
  from: QuarterSchema.optional(),
  to: QuarterSchema.optional(),
  lang: z.enum(LOCALES).optional(),
});

export const ChartQuerySchema = SeriesQuerySchema.extend({
  kind: z.enum(['population', 'components']).default('population'),
});

export const SeriesPointSchema = z.object({
  /** 2015K1 for a quarter, 2015 for a calendar year, 2015K1 for the four quarters ending then. */
  period: z.string(),
  figures: FiguresSchema,
  symbols: SymbolsSchema,
});

const AreaSeriesSchema = z.object({
  code: z.string(),
  name: z.string(),
  series: z.array(SeriesPointSchema),
});

export const SeriesSchema = z.object({
  region: z.object({ slug: z.string(), name: z.string() }),
  table: z.string(),
  granularity: GranularitySchema,
  regionSeries: z.array(SeriesPointSchema),
  municipalities: z.array(AreaSeriesSchema),
  /** The members' counties and the country, under their current codes, when imported. */
  comparisons: z.array(AreaSeriesSchema),
  definitions: z.record(z.string(), z.string()),
  credit: z.string(),
  provenance: ProvenanceSchema.nullable(),
});
export type Series = z.infer<typeof SeriesSchema>;

export const ImportQuerySchema = z.strictObject({
  table: z.string().regex(/^\d{5}$/, 'An SSB table id has five digits'),
  filename: z.string().max(200).optional(),
});

export const ImportResultSchema = z.object({
  status: z.enum(['imported', 'unchanged']),
  importId: z.string(),
  tableId: z.string(),
  format: z.string(),
  ssbUpdated: z.string().nullable(),
  cells: z.number(),
  changed: z.number(),
  firstPeriod: z.string().nullable(),
  lastPeriod: z.string().nullable(),
  regions: z.number(),
  unknownRegions: z.array(z.string()),
});

export const ImportListSchema = z.object({
  imports: z.array(
    ProvenanceSchema.extend({
      id: z.string(),
      format: z.string(),
      label: z.string().nullable(),
      changedCount: z.number(),
    }),
  ),
});

/** Age groups of the age view (SSB table 07459); 20–39 are the "younger adults" of the sub-goal. */
export const AGE_GROUP_KEYS = ['0-19', '20-39', '40-66', '67+'] as const;
export const AgeGroupKeySchema = z.enum(AGE_GROUP_KEYS);
export const YOUNGER_ADULTS = '20-39' as const;

const ageShape = Object.fromEntries(AGE_GROUP_KEYS.map((k) => [k, z.number().nullable()])) as {
  [K in (typeof AGE_GROUP_KEYS)[number]]: z.ZodNullable<z.ZodNumber>;
};
export const AgeValuesSchema = z.object(ageShape);
/** For each null value, SSB's symbol, or "none" when nothing was imported. */
export const AgeSymbolsSchema = z.partialRecord(AgeGroupKeySchema, z.string());

export const AgeYearSchema = z.object({
  /** The year; population is counted on 1 January of it. */
  year: z.string(),
  population: AgeValuesSchema,
  populationSymbols: AgeSymbolsSchema,
  /**
   * Change in the cohort: people in the group on 1 January of the year minus the same birth
   * years a year earlier (one year younger). Net migration minus deaths; not net migration.
   * All null in the first year shown.
   */
  cohortChange: AgeValuesSchema,
  cohortChangeSymbols: AgeSymbolsSchema,
});

const AgeAreaSchema = z.object({
  code: z.string(),
  name: z.string(),
  years: z.array(AgeYearSchema),
});

export const AgeStatisticsSchema = z.object({
  region: z.object({ slug: z.string(), name: z.string() }),
  table: z.string(),
  groups: z.array(
    z.object({ key: AgeGroupKeySchema, from: z.number(), to: z.number().nullable() }),
  ),
  youngerAdults: AgeGroupKeySchema,
  regionYears: z.array(AgeYearSchema),
  municipalities: z.array(AgeAreaSchema),
  definitions: z.record(z.string(), z.string()),
  credit: z.string(),
  provenance: ProvenanceSchema.nullable(),
});
export type AgeStatistics = z.infer<typeof AgeStatisticsSchema>;
export type AgeYear = z.infer<typeof AgeYearSchema>;

export const AgeQuerySchema = z.strictObject({ lang: z.enum(LOCALES).optional() });
