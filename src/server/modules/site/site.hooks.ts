import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import fp from 'fastify-plugin';
import { stripLocale } from '../../../web/site/text.js';
import { findSiteRegion } from '../regions/regions.service.js';
import { TtlCache } from './site.cache.js';
import { sitemapPathOf } from './site.seo.js';
import { isVisitor, VisitCounter } from './site.visits.js';

declare module 'fastify' {
  interface FastifyContextConfig {
    /** Count views of this public page (pageCache pages are counted without it). */
    countVisits?: boolean;
  }
  interface FastifyInstance {
    siteHooks: {
      /** Language-free paths of the public pages without parameters, for the sitemap. */
      sitemapPaths: Set<string>;
      /** Writes the views counted in this process so far. */
      flushVisits(): Promise<void>;
    };
  }
}

const FLUSH_EVERY_MS = 5_000;

/**
 * The site's hooks on every route, registered before any module's routes so that it sees all
 * of them: collects the sitemap's pages as routes are added, and counts page views. Counting
 * runs on `onResponse`, which also runs for pages the page cache answers from memory.
 */
export const siteHooksPlugin = fp(
  async (app: FastifyInstance) => {
    const { db, clock, config } = app.deps;
    const sitemapPaths = new Set<string>();
    const counter = new VisitCounter();
    const regions = new TtlCache<string | undefined>(clock, 60_000, 200);
    const regionOf = (host: string) =>
      regions.get(host, async () => (await findSiteRegion(db, host, config.defaultRegion))?.id);

    let flushing: Promise<void> = Promise.resolve();
    const flushVisits = () => {
      // One flush at a time; the next waits for the one running.
      flushing = flushing
        .then(() => counter.flush(db, regionOf))
        .then(
          () => undefined,
          (error: unknown) => app.log.warn({ err: error }, 'site visit counts not written'),
        );
      return flushing;
    };
    app.decorate('siteHooks', { sitemapPaths, flushVisits });

    app.addHook('onRoute', (route) => {
      const path = sitemapPathOf(route);
      if (path) sitemapPaths.add(path);
    });

    app.addHook('onResponse', (request: FastifyRequest, reply: FastifyReply, done) => {
      const routeConfig = request.routeOptions.config;
      if (
        request.method === 'GET' &&
        reply.statusCode === 200 &&
        (routeConfig.pageCache || routeConfig.countVisits) &&
        isVisitor(request.headers['user-agent'], headerOf(request, 'sec-purpose', 'purpose'))
      ) {
        const url = request.url.split('?')[0] ?? '/';
        const locale = /^\/(nn|en)(\/|$)/.exec(url)?.[1] ?? 'nb';
        const day = clock.now().toISOString().slice(0, 10);
        if (!counter.count(request.hostname, day, stripLocale(url), locale)) void flushVisits();
      }
      done();
    });

    const timer = setInterval(() => void flushVisits(), FLUSH_EVERY_MS);
    timer.unref();
    app.addHook('onClose', async () => {
      clearInterval(timer);
      await flushVisits();
    });
  },
  { name: 'site-hooks' },
);

function headerOf(request: FastifyRequest, ...names: string[]): string | undefined {
  for (const name of names) {
    const v = request.headers[name];
    if (typeof v === 'string') return v;
  }
  return undefined;
}
