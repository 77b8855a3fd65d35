import { createHash } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { basename, dirname, extname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { brotliCompressSync, gzipSync } from 'node:zlib';
import { normaliseThemeColor, regionThemeCss } from '../../../web/ui/region-theme.js';
import { packageRoot } from '../../paths.js';

/**
 * The site's static assets, built once per process from the CSS sources: the site stylesheet
 * with every `@import` inlined (our theme, Designsystemet, Inter's @font-face rules) and every
 * `url()` rewritten to a content-hashed file served here. Hashed names may be cached forever.
 * No build step: the sources are read from the package (src/web/…) at first use.
 */
export const ASSET_PREFIX = '/assets/site/';

export interface Asset {
  body: Buffer;
  type: string;
  etag: string;
  /** Precompressed bodies, for text assets. */
  br?: Buffer;
  gzip?: Buffer;
}

export interface SiteAssetBundle {
  cssUrl: string;
  files: Map<string, Asset>;
}

const TYPES: Record<string, string> = {
  '.css': 'text/css; charset=utf-8',
  '.woff2': 'font/woff2',
  '.woff': 'font/woff',
  '.svg': 'image/svg+xml',
};

const hashOf = (body: Buffer | string) =>
  createHash('sha256').update(body).digest('hex').slice(0, 16);

function makeAsset(body: Buffer, ext: string): Asset {
  const type = TYPES[ext];
  if (!type) throw new Error(`No content type known for ${ext} assets`);
  const asset: Asset = { body, type, etag: `"${hashOf(body)}"` };
  if (ext === '.css' || ext === '.svg') {
    asset.br = brotliCompressSync(body);
    asset.gzip = gzipSync(body, { level: 9 });
  }
  return asset;
}

/** From src/ (tsx, tests) the sources sit beside this file's tree; from dist/ under src/. */
function sourceFile(relative: string): string {
  const near = fileURLToPath(new URL(`../../../web/${relative}`, import.meta.url));
  return existsSync(near) ? near : join(packageRoot, 'src', 'web', relative);
}

const IMPORT = /@import\s+(?:url\(\s*)?(['"])([^'"]+)\1\s*\)?\s*;/g;
const URL_REF = /url\(\s*(['"]?)([^'")]+)\1\s*\)/g;

function inlineCss(file: string, files: Map<string, Asset>, seen: Set<string>): string {
  if (seen.has(file)) return '';
  seen.add(file);
  const dir = dirname(file);
  const require = createRequire(file);
  const css = readFileSync(file, 'utf8').replace(/@charset\s+"[^"]*"\s*;/g, '');
  return css
    .replace(IMPORT, (_all, _q: string, spec: string) =>
      inlineCss(spec.startsWith('.') ? resolve(dir, spec) : require.resolve(spec), files, seen),
    )
    .replace(URL_REF, (all, _q: string, ref: string) => {
      if (ref.startsWith('data:') || ref.startsWith('#') || ref.startsWith(ASSET_PREFIX)) {
        return all;
      }
      // The CSP allows no other host, and a root path would not be ours to serve.
      if (/^([a-z]+:|\/)/i.test(ref)) throw new Error(`Unsupported url(${ref}) in ${file}`);
      const path = resolve(dir, ref.replace(/[?#].*$/, ''));
      const body = readFileSync(path);
      const ext = extname(path);
      const name = `${basename(path, ext)}.${hashOf(body).slice(0, 10)}${ext}`;
      files.set(name, makeAsset(body, ext));
      return `url(${ASSET_PREFIX}${name})`;
    });
}

let bundle: SiteAssetBundle | undefined;

/** The bundle, built on first use and kept for the life of the process. */
export function siteAssets(): SiteAssetBundle {
  if (bundle) return bundle;
  const files = new Map<string, Asset>();
  const css = Buffer.from(inlineCss(sourceFile('site/site.css'), files, new Set()));
  const name = `site.${hashOf(css)}.css`;
  files.set(name, makeAsset(css, '.css'));
  bundle = { cssUrl: `${ASSET_PREFIX}${name}`, files };
  return bundle;
}

/** The stylesheet URL carrying a region's colour, or undefined for a malformed colour. */
export function regionCssUrl(themeColor: string): string | undefined {
  const hex = normaliseThemeColor(themeColor);
  return hex ? `${ASSET_PREFIX}region-${hex}.css` : undefined;
}

/** An asset by its file name under ASSET_PREFIX, or undefined. */
export function findAsset(name: string): Asset | undefined {
  const region = /^region-([0-9a-f]{6})\.css$/.exec(name);
  if (region) return makeAsset(Buffer.from(regionThemeCss(region[1]!)), '.css');
  return siteAssets().files.get(name);
}
