import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import {
  JobAdParamsSchema,
  JobChartQuerySchema,
  JobMarketQuerySchema,
  JobMarketSchema,
  JobRegionParamsSchema,
  JobSearchQuerySchema,
  JobSearchResultSchema,
} from '../../../contracts/jobs.js';
import { DEFAULT_LOCALE, LOCALES, type Locale } from '../../../web/i18n/locales.js';
import { getRegionBySlug } from '../regions/regions.service.js';
import { renderMarketChart } from './map/market.chart.js';
import { marketCsv, marketXlsx } from './map/market.export.js';
import { getMarket } from './map/market.service.js';
import { createJobPages, type JobsTarget, type RenderedJobsPage } from './pages/pages.service.js';
import { searchAds } from './pages/search.service.js';

const PAGE_CACHE = 'public, max-age=60, stale-while-revalidate=300';
/** Pages the same for every anonymous visitor: replayed from memory (plugins/page-cache.ts). */
const pageAccess = { access: 'public', pageCache: true } as const;
const publicAccess = { access: 'public' } as const;
// Not strict: a shared link may carry tracking parameters; the page checks the fields it knows.
const AnyQuerySchema = z.record(z.string(), z.unknown());

const targetOf = (request: FastifyRequest, locale: Locale): JobsTarget => ({
  host: request.hostname,
  origin: `${request.protocol}://${request.host}`,
  locale,
});

function isFresh(request: FastifyRequest, etag: string): boolean {
  const header = request.headers['if-none-match'];
  return !!header?.split(',').some((t) => t.trim().replace(/^W\//, '') === etag);
}

/**
 * Jobs: the public job pages (search, ad, Atom feed, labour-market map) in three languages,
 * and their public JSON, charts and downloads. Ads and counts are NAV's public data.
 */
export async function jobsRoutes(app: FastifyInstance) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const { db, clock } = app.deps;
  const pages = createJobPages({ db, clock, defaultRegion: app.deps.config.defaultRegion });

  const send = (
    request: FastifyRequest,
    reply: FastifyReply,
    page: RenderedJobsPage,
    type = 'text/html; charset=utf-8',
  ) => {
    if (page.status !== 200) {
      return reply.code(page.status).header('cache-control', 'no-store').type(type).send(page.body);
    }
    reply.header('etag', page.etag).header('cache-control', PAGE_CACHE);
    if (isFresh(request, page.etag)) return reply.code(304).send();
    return reply.type(type).send(page.body);
  };

  for (const locale of LOCALES) {
    const prefix = locale === DEFAULT_LOCALE ? '' : `/${locale}`;
    r.get(
      `${prefix}/jobber`,
      { config: pageAccess, schema: { querystring: AnyQuerySchema } },
      async (request, reply) =>
        send(request, reply, await pages.search(targetOf(request, locale), request.query)),
    );
    r.get(`${prefix}/jobber/atom.xml`, { config: pageAccess }, async (request, reply) =>
      send(
        request,
        reply,
        await pages.atom(targetOf(request, locale)),
        'application/atom+xml; charset=utf-8',
      ),
    );
    r.get(
      `${prefix}/jobber/:id`,
      { config: pageAccess, schema: { params: JobAdParamsSchema } },
      async (request, reply) =>
        send(request, reply, await pages.ad(targetOf(request, locale), request.params.id)),
    );
    r.get(`${prefix}/arbeidsmarked`, { config: pageAccess }, async (request, reply) =>
      send(request, reply, await pages.market(targetOf(request, locale))),
    );
  }

  const base = '/api/public/regions/:slug/jobs';
  r.get(
    base,
    {
      config: publicAccess,
      schema: {
        tags: ['jobs'],
        params: JobRegionParamsSchema,
        querystring: JobSearchQuerySchema,
        response: { 200: JobSearchResultSchema },
      },
    },
    async (request) =>
      searchAds(db, clock, await getRegionBySlug(db, request.params.slug), request.query),
  );

  r.get(
    `${base}/market`,
    {
      config: publicAccess,
      schema: {
        tags: ['jobs'],
        params: JobRegionParamsSchema,
        querystring: JobMarketQuerySchema,
        response: { 200: JobMarketSchema },
      },
    },
    async (request) => {
      const region = await getRegionBySlug(db, request.params.slug);
      const { lang, days } = request.query;
      return getMarket(db, clock, region, lang ?? request.locale, days);
    },
  );

  const downloads = {
    csv: { type: 'text/csv; charset=utf-8', render: marketCsv },
    xlsx: {
      type: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
      render: marketXlsx,
    },
  } as const;
  for (const [format, download] of Object.entries(downloads)) {
    r.get(
      `${base}/market.${format}`,
      {
        config: publicAccess,
        schema: {
          tags: ['jobs'],
          params: JobRegionParamsSchema,
          querystring: JobMarketQuerySchema,
        },
      },
      async (request, reply) => {
        const region = await getRegionBySlug(db, request.params.slug);
        const locale = request.query.lang ?? request.locale;
        const market = await getMarket(db, clock, region, locale, request.query.days);
        const date = market.asOf.slice(0, 10);
        return reply
          .type(download.type)
          .header('cache-control', 'public, max-age=300')
          .header(
            'content-disposition',
            `attachment; filename="${region.slug}-jobs-${date}.${format}"`,
          )
          .send(await download.render(market, locale));
      },
    );
  }

  r.get(
    `${base}/chart.svg`,
    {
      config: publicAccess,
      schema: { tags: ['jobs'], params: JobRegionParamsSchema, querystring: JobChartQuerySchema },
    },
    async (request, reply) => {
      const region = await getRegionBySlug(db, request.params.slug);
      const { kind, lang, days } = request.query;
      const locale = lang ?? request.locale;
      const market = await getMarket(db, clock, region, locale, days);
      return reply
        .type('image/svg+xml; charset=utf-8')
        .header('cache-control', 'public, max-age=300')
        .send(renderMarketChart(locale, market, kind));
    },
  );
}
