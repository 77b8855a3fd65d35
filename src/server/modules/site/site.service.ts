import { createHash } from 'node:crypto';
import type { Region } from '../../../contracts/regions.js';
import type { Locale } from '../../../web/i18n/locales.js';
import { renderSitePage } from '../../../web/site/render.js';
import type { SiteAssets, SitePage } from '../../../web/site/types.js';
import type { Db } from '../../db/database.js';
import type { Clock } from '../../deps.js';
import { notFound } from '../../errors.js';
import { publicEvents } from '../events/public.service.js';
import { activeJobCounts } from '../jobs/pages/search.service.js';
import { findSiteRegion } from '../regions/regions.service.js';
import { TtlCache } from './site.cache.js';
import { municipalityAbout } from './site.municipality.js';
import { siteAssetsOf, stylesheetsOf } from './site.page-assets.js';
import { statisticsView } from './site.statistics.js';

/** The pages of the public site, as routes ask for them. */
export type SitePageRequest =
  | { kind: 'front' }
  | { kind: 'municipality'; slug: string }
  | { kind: 'accessibility' }
  | { kind: 'statistics'; quarter?: string | undefined };

/** Who asked: the host picks the region, the origin makes absolute links. */
export interface PageTarget {
  host: string;
  origin: string;
  locale: Locale;
}

export interface RenderedPage {
  html: string;
  etag: string;
}

export interface SiteOptions {
  db: Db;
  clock: Clock;
  defaultRegion: string | undefined;
  /** How long a rendered page and a region are reused; short, as other processes may differ. */
  ttlMs?: number;
}

export const PAGE_TTL_MS = 5_000;

/** The path of a page without its language prefix. */
export function pathOf(page: SitePageRequest): string {
  switch (page.kind) {
    case 'front':
      return '/';
    case 'municipality':
      return `/kommune/${page.slug}`;
    case 'accessibility':
      return '/tilgjengelighet';
    case 'statistics':
      return '/statistikk';
  }
}

const etagOf = (html: string) =>
  `"${createHash('sha256').update(html).digest('base64url').slice(0, 22)}"`;

const assetsFor = stylesheetsOf;

export { siteAssetsOf };

/**
 * The public site: page data from the regions service, rendered to HTML and kept in memory
 * for a few seconds per (host, language, page), so the front page costs a map look-up.
 * Reads only: a GET never writes.
 */
export function createSiteService(options: SiteOptions) {
  const ttl = options.ttlMs ?? PAGE_TTL_MS;
  const regions = new TtlCache<Region | undefined>(options.clock, ttl, 200);
  const pages = new TtlCache<RenderedPage>(options.clock, ttl, 1_000);

  const regionFor = (host: string) =>
    regions.get(host, () => findSiteRegion(options.db, host, options.defaultRegion));
  const profiles = new TtlCache<SiteAssets>(options.clock, ttl, 200);
  const profileAssets = (region: Region) =>
    profiles.get(`${region.id}|${region.themeColor}`, () => siteAssetsOf(options.db, region));

  async function render(target: PageTarget, request: SitePageRequest): Promise<RenderedPage> {
    const region = await regionFor(target.host);
    if (!region) throw notFound('The region');
    let page: SitePage;
    if (request.kind === 'municipality') {
      const municipality = region.municipalities.find((m) => m.slug === request.slug);
      if (!municipality) throw notFound('The municipality');
      page = {
        kind: 'municipality',
        municipality,
        about: await municipalityAbout(options.db, region, municipality, target.locale),
      };
    } else if (request.kind === 'statistics') {
      page = {
        kind: 'statistics',
        statistics: await statisticsView(options.db, region.slug, request.quarter, target.locale),
      };
    } else {
      page = { kind: request.kind };
    }
    const withJobs = request.kind === 'front' || request.kind === 'municipality';
    const html = renderSitePage({
      locale: target.locale,
      path: pathOf(request),
      origin: target.origin,
      region,
      assets: await profileAssets(region),
      page,
      jobs: withJobs ? await activeJobCounts(options.db, options.clock, region.id) : undefined,
      events:
        page.kind === 'front' || page.kind === 'municipality'
          ? await publicEvents(options.db, region, target.locale, {
              municipalityCodes: page.kind === 'municipality' ? [page.municipality.code] : null,
              now: options.clock.now(),
              limit: 3,
            })
          : undefined,
    });
    return { html, etag: etagOf(html) };
  }

  return {
    /** The region a host's site shows (cached for a few seconds), or undefined. */
    regionOf: regionFor,

    /** A page, from the cache when it is fresh; throws not_found for an unknown page. */
    page(target: PageTarget, request: SitePageRequest): Promise<RenderedPage> {
      // The quarter chosen on the statistics page is part of what is shown, so of the key.
      const quarter = request.kind === 'statistics' ? (request.quarter ?? '') : '';
      const key = `${target.origin}|${target.locale}|${pathOf(request)}|${quarter}`;
      return pages.get(key, () => render(target, request));
    },

    /** An error page; renders without the region when even that cannot be read. */
    async errorPage(target: PageTarget, status: number, path: string): Promise<string> {
      let region: Region | null = null;
      let assets = assetsFor(null);
      try {
        region = (await regionFor(target.host)) ?? null;
        assets = assetsFor(region);
        if (region) assets = await profileAssets(region);
      } catch {
        // The database may be why we are here: show the page without the region's name.
      }
      return renderSitePage({
        locale: target.locale,
        path,
        origin: target.origin,
        region,
        assets,
        page: { kind: 'error', status },
      });
    },
  };
}

export type SiteService = ReturnType<typeof createSiteService>;
