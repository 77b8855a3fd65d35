import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { DEFAULT_LOCALE, LOCALES, type Locale } from '../../../web/i18n/locales.js';
import { IMAGE_PREFIX } from './content.image-urls.js';
import { findContentImageFile } from './content.images.js';
import {
  type ContentTarget,
  createContentPages,
  type RenderedContentPage,
} from './content.public.js';

const PAGE_CACHE = 'public, max-age=60, stale-while-revalidate=300';
/** The same for every anonymous visitor: replayed from memory (plugins/page-cache.ts). */
const pageAccess = { access: 'public', pageCache: true } as const;
const SlugParamsSchema = z.strictObject({ slug: z.string().max(100) });
const NameParamsSchema = z.strictObject({ name: z.string().max(100) });
const ASSET_CACHE = 'public, max-age=31536000, immutable';
/**
 * The news list shows newcomer stories, and a withdrawn consent must take them down at once: no
 * replay from memory, and browsers ask again every time (the ETag keeps that cheap).
 */
const STORIES_CACHE = 'no-cache';

const targetOf = (request: FastifyRequest, locale: Locale): ContentTarget => ({
  host: request.hostname,
  origin: `${request.protocol}://${request.host}`,
  locale,
});

function isFresh(request: FastifyRequest, etag: string): boolean {
  const header = request.headers['if-none-match'];
  return !!header?.split(',').some((t) => t.trim().replace(/^W\//, '') === etag);
}

/** The public pages (/side/:slug) and news (/nyheter, /nyheter/:slug) in three languages. */
export async function publicContentRoutes(app: FastifyInstance) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const pages = createContentPages({
    db: app.deps.db,
    clock: app.deps.clock,
    defaultRegion: app.deps.config.defaultRegion,
  });

  const send = (
    request: FastifyRequest,
    reply: FastifyReply,
    page: RenderedContentPage,
    cacheControl = PAGE_CACHE,
  ) => {
    reply.header('etag', page.etag).header('cache-control', cacheControl);
    if (isFresh(request, page.etag)) return reply.code(304).send();
    return reply.type('text/html; charset=utf-8').send(page.html);
  };

  // An image copy never changes under its name: cached for a year.
  r.get(
    `${IMAGE_PREFIX}:name`,
    { config: { access: 'public' }, schema: { params: NameParamsSchema } },
    async (request, reply) => {
      const file = await findContentImageFile(app.deps.db, request.params.name);
      if (!file) return reply.callNotFound();
      const etag = `"${request.params.name}"`;
      reply.header('etag', etag).header('cache-control', ASSET_CACHE);
      if (isFresh(request, etag)) return reply.code(304).send();
      return reply.type(file.contentType).send(Buffer.from(file.bytes));
    },
  );

  for (const locale of LOCALES) {
    const prefix = locale === DEFAULT_LOCALE ? '' : `/${locale}`;
    r.get(
      `${prefix}/side/:slug`,
      { config: pageAccess, schema: { params: SlugParamsSchema } },
      async (request, reply) =>
        send(request, reply, await pages.page(targetOf(request, locale), request.params.slug)),
    );
    const newsList = { access: 'public', sitemap: true, countVisits: true } as const;
    r.get(`${prefix}/nyheter`, { config: newsList }, async (request, reply) =>
      send(request, reply, await pages.news(targetOf(request, locale)), STORIES_CACHE),
    );
    r.get(
      `${prefix}/nyheter/:slug`,
      { config: pageAccess, schema: { params: SlugParamsSchema } },
      async (request, reply) =>
        send(request, reply, await pages.newsItem(targetOf(request, locale), request.params.slug)),
    );
  }
}
