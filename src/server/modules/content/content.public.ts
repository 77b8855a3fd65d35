import { createHash } from 'node:crypto';
import type { Region } from '../../../contracts/regions.js';
import { LOCALES, type Locale } from '../../../web/i18n/locales.js';
import {
  ContentArticle,
  NewsList,
  renderContentDocument,
} from '../../../web/site/content/render.js';
import { contentTranslator } from '../../../web/site/content/text.js';
import type { ContentPageInput, ContentView } from '../../../web/site/content/types.js';
import type { Db } from '../../db/database.js';
import type { Clock } from '../../deps.js';
import { notFound } from '../../errors.js';
import { findSiteRegion } from '../regions/regions.service.js';
import { TtlCache } from '../site/site.cache.js';
import { siteAssetsOf } from '../site/site.page-assets.js';
import { addSitemapSource } from '../site/site.seo.js';
import { renderMarkdown, summaryOf } from './content.markdown.js';
import * as repo from './content.repo.js';
import { publishedStories } from './stories.service.js';

export interface ContentTarget {
  host: string;
  origin: string;
  locale: Locale;
}

export interface RenderedContentPage {
  html: string;
  etag: string;
}

/** Which language to show when the visitor's is missing: bokmål first, then the others. */
const FALLBACK: Record<Locale, Locale[]> = {
  nb: ['nb', 'nn', 'en'],
  nn: ['nn', 'nb', 'en'],
  en: ['en', 'nb', 'nn'],
};

/** The text of a published row in the visitor's language, or the first that exists. */
export function pickText(row: repo.PublishedRow, locale: Locale) {
  for (const l of FALLBACK[locale]) {
    const title = l === 'nb' ? row.titleNb : l === 'nn' ? row.titleNn : row.titleEn;
    const body = l === 'nb' ? row.bodyNb : l === 'nn' ? row.bodyNn : row.bodyEn;
    if (title !== null) return { lang: l, title, body: body ?? '' };
  }
  return undefined;
}

const etagOf = (html: string) =>
  `"${createHash('sha256').update(html).digest('base64url').slice(0, 22)}"`;

// Published pages and news belong in the sitemap, each in all three languages.
addSitemapSource('content', async (db: Db, region: Region) => {
  const pages = await repo.publishedItems(db, region.id, 'page');
  const news = await repo.publishedItems(db, region.id, 'news');
  return [
    ...pages.map((p) => ({ path: `/side/${p.slug}`, lastmod: p.publishedAt ?? undefined })),
    ...news.map((p) => ({ path: `/nyheter/${p.slug}`, lastmod: p.publishedAt ?? undefined })),
  ];
});

/** The public pages: /side/:slug, /nyheter and /nyheter/:slug, in the three languages. */
export function createContentPages(options: {
  db: Db;
  clock: Clock;
  defaultRegion: string | undefined;
}) {
  const { db, clock } = options;
  const regions = new TtlCache<Region | undefined>(clock, 5_000, 200);

  async function inputOf(target: ContentTarget, path: string): Promise<ContentPageInput> {
    const region = await regions.get(target.host, () =>
      findSiteRegion(db, target.host, options.defaultRegion),
    );
    if (!region) throw notFound('The region');
    return {
      locale: target.locale,
      path,
      origin: target.origin,
      region,
      assets: await siteAssetsOf(db, region),
    };
  }

  async function item(target: ContentTarget, kind: 'page' | 'news', slug: string) {
    const path = kind === 'page' ? `/side/${slug}` : `/nyheter/${slug}`;
    const input = await inputOf(target, path);
    const [row] = await repo.publishedItems(db, input.region.id, kind, slug);
    const text = row && pickText(row, target.locale);
    // Unknown, a draft, or unpublished: the site's 404 page in the visitor's language.
    if (!row || !text) throw notFound('The page');
    const view: ContentView = {
      title: text.title,
      html: renderMarkdown(text.body),
      summary: summaryOf(text.body, 160),
      lang: text.lang,
      publishedAt: row.firstPublishedAt,
    };
    const html = renderContentDocument(input, {
      title: view.title,
      description: view.summary,
      body: (t) => ContentArticle({ input, t, view, news: kind === 'news' }),
    });
    return { html, etag: etagOf(html) };
  }

  return {
    page: (target: ContentTarget, slug: string): Promise<RenderedContentPage> =>
      item(target, 'page', slug),
    newsItem: (target: ContentTarget, slug: string): Promise<RenderedContentPage> =>
      item(target, 'news', slug),

    async news(target: ContentTarget): Promise<RenderedContentPage> {
      const input = await inputOf(target, '/nyheter');
      const rows = await repo.publishedItems(db, input.region.id, 'news');
      const items = rows.flatMap((row) => {
        const text = pickText(row, target.locale);
        return text
          ? [
              {
                slug: row.slug,
                title: text.title,
                summary: summaryOf(text.body),
                lang: text.lang,
                publishedAt: row.firstPublishedAt,
              },
            ]
          : [];
      });
      const stories = (await publishedStories(db, input.region.id)).map((s) => ({
        title: s.title,
        html: renderMarkdown(s.body),
        lang: LOCALES.find((l) => l === s.locale) ?? 'nb',
      }));
      const html = renderContentDocument(input, {
        title: contentTranslator(target.locale)('site.newsTitle'),
        description: contentTranslator(target.locale)('site.newsLead'),
        body: (t) => NewsList({ input, t, items, stories }),
      });
      return { html, etag: etagOf(html) };
    },
  };
}

/**
 * A municipality's own text on its page /kommune/:slug: the published content page with the
 * slug `kommune-<municipality slug>`, edited like any other page (drafts, revisions, three
 * languages). Undefined when there is none; `lang` says which language it fell back to.
 */
export async function municipalityText(
  db: Db,
  regionId: string,
  municipalitySlug: string,
  locale: Locale,
): Promise<{ title: string; html: string; lang: Locale } | undefined> {
  const [row] = await repo.publishedItems(db, regionId, 'page', `kommune-${municipalitySlug}`);
  const text = row && pickText(row, locale);
  if (!text) return undefined;
  return { title: text.title, html: renderMarkdown(text.body), lang: text.lang };
}
