import type { Region } from '../../../contracts/regions.js';
import type { Locale } from '../../i18n/locales.js';
import type { SiteAssets } from '../types.js';

/** What every content page is rendered from. */
export interface ContentPageInput {
  locale: Locale;
  /** The page's path without its language prefix, e.g. `/side/om-oss`. */
  path: string;
  /** `https://host`, for canonical and alternate links. */
  origin: string;
  region: Region;
  assets: SiteAssets;
}

/** A page or news item as a visitor sees it: the text in the language shown. */
export interface ContentView {
  title: string;
  /** Safe HTML, made from the editor's Markdown on the server (content.markdown.ts). */
  html: string;
  summary: string;
  /** The language of the text; differs from the page's when it is a fallback. */
  lang: Locale;
  publishedAt: string | null;
}

export interface NewsListItem {
  slug: string;
  title: string;
  summary: string;
  lang: Locale;
  publishedAt: string | null;
}

export interface StoryListItem {
  title: string;
  html: string;
  lang: Locale;
}
