import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import {
  AgeQuerySchema,
  AgeStatisticsSchema,
  ChartQuerySchema,
  ImportListSchema,
  ImportQuerySchema,
  ImportResultSchema,
  SeriesQuerySchema,
  SeriesSchema,
  StatisticsParamsSchema,
  SummaryQuerySchema,
  SummarySchema,
} from '../../../contracts/statistics.js';
import { getAgeStatistics } from './statistics.age.service.js';
import { renderSeriesChart } from './statistics.chart.js';
import { importTable, listImports } from './statistics.import.js';
import { parseStatFile, parseStatJson } from './statistics.parse.js';
import { presentSummary } from './statistics.present.js';
import { getNetMigrationMap, getSeries, seriesCsv } from './statistics.series.js';
import { getQuarterSummary } from './statistics.service.js';
import { seriesXlsx } from './statistics.xlsx.js';

/** A whole 01222 file as JSON-stat is a few MB; allow well beyond, but not without bound. */
const IMPORT_BODY_LIMIT = 64 * 1024 * 1024;

export async function statisticsRoutes(app: FastifyInstance) {
  const r = app.withTypeProvider<ZodTypeProvider>();

  // A region's published SSB figures are public facts: the site shows them.
  r.get(
    '/api/public/regions/:slug/statistics/summary',
    {
      config: { access: 'public' },
      schema: {
        tags: ['statistics'],
        params: StatisticsParamsSchema,
        querystring: SummaryQuerySchema,
        response: { 200: SummarySchema },
      },
    },
    async (request) =>
      presentSummary(
        await getQuarterSummary(
          app.deps.db,
          request.params.slug,
          request.query.quarter,
          request.query.lang ?? request.locale,
        ),
      ),
  );

  r.get(
    '/api/public/regions/:slug/statistics/series',
    {
      config: { access: 'public' },
      schema: {
        tags: ['statistics'],
        params: StatisticsParamsSchema,
        querystring: SeriesQuerySchema,
        response: { 200: SeriesSchema },
      },
    },
    async (request) =>
      getSeries(
        app.deps.db,
        request.params.slug,
        request.query,
        request.query.lang ?? request.locale,
      ),
  );

  // Population by age group and the change in each cohort (07459): not net migration, ADR 0007.
  r.get(
    '/api/public/regions/:slug/statistics/age',
    {
      config: { access: 'public' },
      schema: {
        tags: ['statistics'],
        params: StatisticsParamsSchema,
        querystring: AgeQuerySchema,
        response: { 200: AgeStatisticsSchema },
      },
    },
    async (request) =>
      getAgeStatistics(app.deps.db, request.params.slug, request.query.lang ?? request.locale),
  );

  const downloads = {
    csv: { type: 'text/csv; charset=utf-8', render: seriesCsv },
    xlsx: {
      type: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
      render: seriesXlsx,
    },
  } as const;
  for (const [format, download] of Object.entries(downloads)) {
    r.get(
      `/api/public/regions/:slug/statistics/series.${format}`,
      {
        config: { access: 'public' },
        schema: {
          tags: ['statistics'],
          params: StatisticsParamsSchema,
          querystring: SeriesQuerySchema,
        },
      },
      async (request, reply) => {
        const locale = request.query.lang ?? request.locale;
        const series = await getSeries(app.deps.db, request.params.slug, request.query, locale);
        const name = `${series.region.slug}-${series.table}-${series.granularity}.${format}`;
        return reply
          .type(download.type)
          .header('content-disposition', `attachment; filename="${name}"`)
          .send(await download.render(series, locale));
      },
    );
  }

  r.get(
    '/api/public/regions/:slug/statistics/chart.svg',
    {
      config: { access: 'public' },
      schema: {
        tags: ['statistics'],
        params: StatisticsParamsSchema,
        querystring: ChartQuerySchema,
      },
    },
    async (request, reply) => {
      const { kind, ...query } = request.query;
      const locale = query.lang ?? request.locale;
      const series = await getSeries(app.deps.db, request.params.slug, query, locale);
      return reply
        .type('image/svg+xml; charset=utf-8')
        .send(renderSeriesChart(locale, series, kind));
    },
  );

  r.get(
    '/api/public/regions/:slug/statistics/map.svg',
    {
      config: { access: 'public' },
      schema: {
        tags: ['statistics'],
        params: StatisticsParamsSchema,
        querystring: SummaryQuerySchema,
      },
    },
    async (request, reply) => {
      const { quarter, lang } = request.query;
      const svg = await getNetMigrationMap(
        app.deps.db,
        request.params.slug,
        quarter,
        lang ?? request.locale,
      );
      return reply.type('image/svg+xml; charset=utf-8').send(svg);
    },
  );

  r.get(
    '/api/statistics/imports',
    {
      config: { access: ['admin', 'programme_leader'] },
      schema: { tags: ['statistics'], response: { 200: ImportListSchema } },
    },
    async () => ({ imports: await listImports(app.deps.db) }),
  );

  r.post(
    '/api/statistics/imports',
    {
      config: { access: ['admin', 'programme_leader'] },
      bodyLimit: IMPORT_BODY_LIMIT,
      schema: {
        tags: ['statistics'],
        querystring: ImportQuerySchema,
        response: { 200: ImportResultSchema },
      },
    },
    async (request) => {
      const { table, filename } = request.query;
      // API writes are JSON (plugins/auth.ts): a CSV file comes wrapped as { "csv": "…" }.
      const body = request.body as { csv?: unknown } | null;
      const parsed =
        body && typeof body === 'object' && typeof body.csv === 'string'
          ? parseStatFile(body.csv, table)
          : parseStatJson(request.body, table);
      return importTable(app.deps.db, app.deps.clock, parsed, {
        kind: 'file',
        name: filename ?? 'upload',
      });
    },
  );
}
