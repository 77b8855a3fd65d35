import { z } from 'zod';
import { MunicipalityCodeSchema, RegionSlugSchema } from './regions.js';

/**
 * Public job pages and the labour-market map: NAV's vacancies in the region, searched and
 * counted. Everything here is published by NAV or counted from it: no personal data.
 */

export const JOB_SECTORS = ['public', 'private'] as const;
export const JOB_EXTENTS = ['full_time', 'part_time'] as const;
/** 'open': the deadline has not passed (or there is none); '7d'/'30d': closes within that. */
export const JOB_DEADLINES = ['open', '7d', '30d'] as const;
export const JOB_SORTS = ['newest', 'deadline'] as const;
export const JOB_PAGE_SIZE = 20;
export const JOB_MAX_PAGE = 500;

/** An empty form field means "any": a GET form sends every field, filled or not. */
const optional = <T extends z.ZodType>(schema: T) =>
  z.preprocess((v) => (v === '' ? undefined : v), schema.optional());

/**
 * The search as a query string (the public page's GET form and the JSON API). Not strict: a
 * shared link may carry tracking parameters. Each bad value is named by its field.
 */
export const JobSearchQuerySchema = z.object({
  q: optional(z.string().trim().max(200, 'At most 200 characters')),
  municipality: optional(MunicipalityCodeSchema),
  occupation: optional(z.string().regex(/^\d{1,2}$/, 'A STYRK-08 group: one or two digits')),
  sector: optional(z.enum(JOB_SECTORS, 'public or private')),
  extent: optional(z.enum(JOB_EXTENTS, 'full_time or part_time')),
  deadline: optional(z.enum(JOB_DEADLINES, 'open, 7d or 30d')),
  sort: optional(z.enum(JOB_SORTS, 'newest or deadline')),
  page: optional(
    z.coerce
      .number('A page number')
      .int('A whole page number')
      .min(1, 'From 1')
      .max(JOB_MAX_PAGE, `At most ${JOB_MAX_PAGE}`),
  ),
});
export type JobSearchQuery = z.infer<typeof JobSearchQuerySchema>;
export type JobSearchField = keyof JobSearchQuery;

export const JobRegionParamsSchema = z.strictObject({ slug: RegionSlugSchema });
// Any id is looked up: one that NAV never had is simply not found (the 404 page), not a 400.
export const JobAdParamsSchema = z.strictObject({ id: z.string().min(1).max(100) });

export const JobAdSummarySchema = z.object({
  id: z.string(),
  title: z.string(),
  employerName: z.string(),
  municipalityCode: z.string(),
  municipalityName: z.string(),
  workCity: z.string(),
  styrkCode: z.string().nullable(),
  occupationGroup: z.string().nullable(),
  sector: z.string().nullable(),
  extent: z.string().nullable(),
  applicationDueText: z.string().nullable(),
  applicationDueDate: z.string().nullable(),
  publishedAt: z.string(),
  navLink: z.string(),
});
export type JobAdSummary = z.infer<typeof JobAdSummarySchema>;

export const JobSearchResultSchema = z.object({
  total: z.number().int(),
  page: z.number().int(),
  pageSize: z.number().int(),
  pages: z.number().int(),
  ads: z.array(JobAdSummarySchema),
});
export type JobSearchResult = z.infer<typeof JobSearchResultSchema>;

const CountSchema = z.object({ code: z.string(), name: z.string(), count: z.number().int() });

/** The labour-market map's figures: active vacancies now, and daily counts over time. */
export const JobMarketSchema = z.object({
  region: z.object({ slug: z.string(), name: z.string() }),
  asOf: z.string(),
  total: z.number().int(),
  byOccupation: z.array(CountSchema),
  bySector: z.array(CountSchema),
  byMunicipality: z.array(CountSchema),
  daily: z.array(
    z.object({
      date: z.string(),
      total: z.number().int(),
      public: z.number().int(),
      private: z.number().int(),
      other: z.number().int(),
    }),
  ),
  credit: z.string(),
});
export type JobMarket = z.infer<typeof JobMarketSchema>;

export const JobMarketQuerySchema = z.object({
  lang: optional(z.enum(['nb', 'nn', 'en'], 'nb, nn or en')),
  /** Days of daily counts, newest last. */
  days: optional(z.coerce.number('A number of days').int().min(7).max(1825)),
});

export const JOB_CHARTS = ['occupation', 'sector', 'municipality', 'trend'] as const;
export const JobChartQuerySchema = JobMarketQuerySchema.extend({
  kind: z.enum(JOB_CHARTS, 'occupation, sector, municipality or trend'),
});
