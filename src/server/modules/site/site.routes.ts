import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import fp from 'fastify-plugin';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { QuarterSchema } from '../../../contracts/statistics.js';
import { DEFAULT_LOCALE, LOCALES, type Locale } from '../../../web/i18n/locales.js';
import { stripLocale } from '../../../web/site/text.js';
import { ASSET_PREFIX, findAsset, siteAssets } from './site.assets.js';
import { findSiteImage, IMAGE_PREFIX } from './site.profile.service.js';
import { robotsTxt, sitemapEntries, sitemapXml } from './site.seo.js';
import { createSiteService, type PageTarget, type SitePageRequest } from './site.service.js';

const PAGE_CACHE = 'public, max-age=60, stale-while-revalidate=300';
const ASSET_CACHE = 'public, max-age=31536000, immutable';
const SEO_CACHE = 'public, max-age=3600';
const publicAccess = { access: 'public' } as const;
/** Pages that are the same for every anonymous visitor (see plugins/page-cache.ts). */
const pageAccess = { access: 'public', pageCache: true } as const;
const SlugParamsSchema = z.strictObject({ slug: z.string().max(100) });
// Not strict: a shared link may carry tracking parameters; only the quarter matters.
const StatisticsQuerySchema = z.object({ quarter: QuarterSchema.optional() });
const AssetParamsSchema = z.strictObject({ name: z.string().max(200) });

const targetOf = (request: FastifyRequest, locale: Locale): PageTarget => ({
  host: request.hostname,
  origin: `${request.protocol}://${request.host}`,
  locale,
});

/** True when the client's If-None-Match already names this ETag. */
function isFresh(request: FastifyRequest, etag: string): boolean {
  const header = request.headers['if-none-match'];
  if (!header) return false;
  return header.split(',').some((tag) => {
    const t = tag.trim().replace(/^W\//, '');
    return t === etag || t === '*';
  });
}

/**
 * The public site: front page, municipality pages and the accessibility statement in three
 * languages (bokmål at /, nynorsk at /nn/, English at /en/), its assets, and the HTML error
 * pages. Registered with fastify-plugin so the error renderer reaches the root instance.
 */
export const siteRoutes = fp(
  async (app: FastifyInstance) => {
    const r = app.withTypeProvider<ZodTypeProvider>();
    const site = createSiteService({
      db: app.deps.db,
      clock: app.deps.clock,
      defaultRegion: app.deps.config.defaultRegion,
    });
    siteAssets(); // a broken stylesheet source stops the start, not a visitor

    app.htmlErrorRenderer = (request, reply, error) => {
      reply.header('cache-control', 'no-store');
      return site.errorPage(
        targetOf(request, request.locale),
        error.status,
        stripLocale(request.url),
      );
    };

    const sendPage = async (
      request: FastifyRequest,
      reply: FastifyReply,
      locale: Locale,
      page: SitePageRequest,
    ) => {
      const rendered = await site.page(targetOf(request, locale), page);
      reply.header('etag', rendered.etag).header('cache-control', PAGE_CACHE);
      if (isFresh(request, rendered.etag)) return reply.code(304).send();
      return reply.type('text/html; charset=utf-8').send(rendered.html);
    };

    for (const locale of LOCALES) {
      const prefix = locale === DEFAULT_LOCALE ? '' : `/${locale}`;
      r.get(`${prefix}/`, { config: pageAccess }, (request, reply) =>
        sendPage(request, reply, locale, { kind: 'front' }),
      );
      r.get(
        `${prefix}/kommune/:slug`,
        { config: pageAccess, schema: { params: SlugParamsSchema } },
        (request, reply) =>
          sendPage(request, reply, locale, { kind: 'municipality', slug: request.params.slug }),
      );
      r.get(`${prefix}/tilgjengelighet`, { config: pageAccess }, (request, reply) =>
        sendPage(request, reply, locale, { kind: 'accessibility' }),
      );
      r.get(
        `${prefix}/statistikk`,
        { config: pageAccess, schema: { querystring: StatisticsQuerySchema } },
        (request, reply) =>
          sendPage(request, reply, locale, { kind: 'statistics', quarter: request.query.quarter }),
      );
      if (prefix) {
        r.get(prefix, { config: publicAccess }, (_request, reply) =>
          reply.redirect(`${prefix}/`, 301),
        );
      }
    }

    r.get('/robots.txt', { config: publicAccess }, (request, reply) =>
      reply
        .type('text/plain; charset=utf-8')
        .header('cache-control', SEO_CACHE)
        .send(robotsTxt(targetOf(request, DEFAULT_LOCALE).origin)),
    );

    r.get('/sitemap.xml', { config: publicAccess }, async (request, reply) => {
      const target = targetOf(request, DEFAULT_LOCALE);
      const region = await site.regionOf(target.host);
      if (!region) return reply.callNotFound();
      const entries = await sitemapEntries(app.deps.db, region, app.siteHooks.sitemapPaths);
      return reply
        .type('application/xml; charset=utf-8')
        .header('cache-control', SEO_CACHE)
        .send(sitemapXml(target.origin, entries));
    });

    // The region's profile images, by content hash: cached forever, like the other assets.
    r.get(
      `${IMAGE_PREFIX}:name`,
      { config: publicAccess, schema: { params: AssetParamsSchema } },
      async (request, reply) => {
        const image = await findSiteImage(app.deps.db, request.params.name);
        if (!image) return reply.callNotFound();
        const etag = `"${image.hash}"`;
        reply.header('etag', etag).header('cache-control', ASSET_CACHE);
        // An SVG opened on its own runs nothing and loads nothing.
        if (image.contentType === 'image/svg+xml') {
          reply.header('content-security-policy', "default-src 'none'; style-src 'unsafe-inline'");
        }
        if (isFresh(request, etag)) return reply.code(304).send();
        return reply.type(image.contentType).send(Buffer.from(image.bytes));
      },
    );

    r.get(
      `${ASSET_PREFIX}:name`,
      { config: publicAccess, schema: { params: AssetParamsSchema } },
      async (request, reply) => {
        const asset = findAsset(request.params.name);
        if (!asset) return reply.callNotFound();
        reply.header('etag', asset.etag).header('cache-control', ASSET_CACHE);
        if (asset.br || asset.gzip) reply.header('vary', 'accept-encoding');
        if (isFresh(request, asset.etag)) return reply.code(304).send();
        reply.type(asset.type);
        const accepts = request.headers['accept-encoding'] ?? '';
        if (asset.br && /\bbr\b/.test(accepts)) {
          return reply.header('content-encoding', 'br').send(asset.br);
        }
        if (asset.gzip && /\bgzip\b/.test(accepts)) {
          return reply.header('content-encoding', 'gzip').send(asset.gzip);
        }
        return reply.send(asset.body);
      },
    );
  },
  { name: 'site' },
);
