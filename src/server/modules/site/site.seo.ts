import type { Region } from '../../../contracts/regions.js';
import { LOCALES } from '../../../web/i18n/locales.js';
import { localePath, stripLocale } from '../../../web/site/text.js';
import type { Db } from '../../db/database.js';

/**
 * What search engines read: sitemap.xml (every public page in nb, nn and en, each with its
 * hreflang alternates) and robots.txt. The sitemap's pages come from three places: the public
 * page routes without parameters (found as routes are registered: `pageCache` or `sitemap`
 * in their config), the region's municipality pages, and sources other modules add with
 * `addSitemapSource` (job ads, events, content pages …).
 */

declare module 'fastify' {
  interface FastifyContextConfig {
    /** A public page without parameters that belongs in the sitemap (pageCache pages do). */
    sitemap?: boolean;
  }
}

export interface SitemapEntry {
  /** The page's path without a language prefix, e.g. `/kommune/tynset`. */
  path: string;
  /** YYYY-MM-DD or a full ISO time, when known. */
  lastmod?: string;
}

export type SitemapSource = (db: Db, region: Region) => Promise<SitemapEntry[]>;

const sources = new Map<string, SitemapSource>();

/** A module adds its public pages to the sitemap (once per name; a later one replaces it). */
export function addSitemapSource(name: string, source: SitemapSource): void {
  sources.set(name, source);
}

/** The language-free path of a route that belongs in the sitemap, or undefined. */
export function sitemapPathOf(route: {
  method: string | string[];
  url: string;
  config?: { access?: unknown; pageCache?: boolean; sitemap?: boolean };
}): string | undefined {
  const methods = [route.method].flat();
  if (!methods.includes('GET') || route.config?.access !== 'public') return undefined;
  if (!route.config.pageCache && !route.config.sitemap) return undefined;
  // Parameters are not pages of their own; a file (a feed, a calendar) is not a page.
  if (/[:*]/.test(route.url) || /\.[a-z0-9]+$/i.test(route.url)) return undefined;
  return stripLocale(route.url);
}

/** Every page of the region's site, each once, in a stable order. */
export async function sitemapEntries(
  db: Db,
  region: Region,
  staticPaths: Iterable<string>,
): Promise<SitemapEntry[]> {
  const byPath = new Map<string, SitemapEntry>();
  for (const path of staticPaths) byPath.set(path, { path });
  for (const m of region.municipalities)
    byPath.set(`/kommune/${m.slug}`, { path: `/kommune/${m.slug}` });
  for (const source of sources.values()) {
    for (const entry of await source(db, region)) byPath.set(entry.path, entry);
  }
  return [...byPath.values()].sort((a, b) => a.path.localeCompare(b.path));
}

const escapeXml = (s: string) =>
  s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

/** The sitemap document: one <url> per page and language, each listing all the languages. */
export function sitemapXml(origin: string, entries: SitemapEntry[]): string {
  const lines = [
    '<?xml version="1.0" encoding="UTF-8"?>',
    '<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9" xmlns:xhtml="http://www.w3.org/1999/xhtml">',
  ];
  for (const entry of entries) {
    const alternates = [
      ...LOCALES.map((l) => [l, localePath(l, entry.path)] as const),
      ['x-default', localePath('nb', entry.path)] as const,
    ].map(
      ([l, p]) => `<xhtml:link rel="alternate" hreflang="${l}" href="${escapeXml(origin + p)}"/>`,
    );
    for (const locale of LOCALES) {
      lines.push(
        '<url>',
        `<loc>${escapeXml(origin + localePath(locale, entry.path))}</loc>`,
        ...(entry.lastmod ? [`<lastmod>${escapeXml(entry.lastmod)}</lastmod>`] : []),
        ...alternates,
        '</url>',
      );
    }
  }
  lines.push('</urlset>', '');
  return lines.join('\n');
}

/** Paths no search engine should follow: the office, the API, personal links. */
export const ROBOTS_DISALLOW = [
  '/office/',
  '/api/',
  '/auth/',
  '/samtykke/',
  '/undersokelse/',
  '/reservasjon',
  '/r/',
  '/ring/',
  '/arrangementer/avmelding/',
  '/tips/',
];

export function robotsTxt(origin: string): string {
  const disallow = ROBOTS_DISALLOW.flatMap((p) =>
    p === '/office/' || p === '/api/' || p === '/auth/'
      ? [p]
      : LOCALES.map((l) => (l === 'nb' ? p : `/${l}${p}`)),
  );
  return [
    'User-agent: *',
    'Allow: /',
    ...disallow.map((p) => `Disallow: ${p}`),
    '',
    `Sitemap: ${origin}/sitemap.xml`,
    '',
  ].join('\n');
}
