import { translator } from '../i18n/catalogue.js';
import type { Locale } from '../i18n/locales.js';
import type { common } from '../i18n/nb/common.js';
import type { site } from '../i18n/nb/site.js';
import type { statistics } from '../i18n/nb/statistics.js';

/** Every dotted key of a catalogue object: `front.lead`, `municipality.kinds.merged`, … */
type KeyOf<T, P extends string = ''> = {
  [K in keyof T & string]: T[K] extends string ? `${P}${K}` : KeyOf<T[K], `${P}${K}.`>;
}[keyof T & string];

export type SiteKey =
  | KeyOf<typeof site>
  | `common:${KeyOf<typeof common>}`
  | `statistics:${KeyOf<typeof statistics>}`;
export type Translate = (key: SiteKey, values?: Record<string, string | number>) => string;

/** A typed translate function for the site's pages: `site` keys, or `common:` ones. */
export function siteTranslator(locale: Locale): Translate {
  const t = translator(locale, 'site');
  return (key, values) => String(t(key, values));
}

/** The path of a site page in a language: bokmål at the root, the others under /nn, /en. */
export function localePath(locale: Locale, path: string): string {
  if (locale === 'nb') return path;
  return path === '/' ? `/${locale}/` : `/${locale}${path}`;
}

/** The page's path without its language prefix (`/en/kommune/os` → `/kommune/os`). */
export function stripLocale(path: string): string {
  // One leading slash only: `//host/x` must not become a link to another host.
  const bare = (path.split('?')[0] ?? '/').replace(/^[/\\]+/, '/');
  const m = /^\/(?:nn|en|nb)(\/.*)?$/.exec(bare);
  if (!m) return bare;
  return m[1] ?? '/';
}
