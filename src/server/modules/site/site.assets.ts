import { createHash } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { basename, dirname, extname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { brotliCompressSync, crc32, deflateSync, gzipSync } from 'node:zlib';
import { normaliseThemeColor } from '../../../web/ui/region-theme.js';
import { packageRoot } from '../../paths.js';
import { siteThemeCss } from './site.theme.js';

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
  '.png': 'image/png',
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

const themes = new Map<string, { name: string; asset: Asset }>();

/** A brand colour's theme sheet, generated once per colour (few regions, few colours). */
function themeOf(hex: string) {
  let theme = themes.get(hex);
  if (!theme) {
    const body = Buffer.from(siteThemeCss(hex));
    // The hash in the name: a changed theme generator reaches browsers despite `immutable`.
    theme = {
      name: `region-${hex}.${hashOf(body).slice(0, 8)}.css`,
      asset: makeAsset(body, '.css'),
    };
    if (themes.size > 1_000) themes.clear();
    themes.set(hex, theme);
  }
  return theme;
}

/** The stylesheet URL carrying a region's colour, or undefined for a malformed colour. */
export function regionCssUrl(themeColor: string): string | undefined {
  const hex = normaliseThemeColor(themeColor);
  return hex ? `${ASSET_PREFIX}${themeOf(hex).name}` : undefined;
}

/** An asset by its file name under ASSET_PREFIX, or undefined. */
export function findAsset(name: string): Asset | undefined {
  // Older pages name the sheet without its hash: still answered, with today's theme.
  const region = /^region-([0-9a-f]{6})(?:\.[0-9a-f]{8})?\.css$/.exec(name);
  if (region) return themeOf(region[1]!).asset;
  const social = /^social-([0-9a-f]{6})\.png$/.exec(name);
  if (social) return socialOf(social[1]!);
  return siteAssets().files.get(name);
}

const socials = new Map<string, Asset>();

/**
 * The default social preview image when a region has uploaded none: 1200×630 in its brand
 * colour (sharing services want PNG or JPEG, and no image library is needed for one colour).
 */
function socialOf(hex: string): Asset {
  let asset = socials.get(hex);
  if (!asset) {
    asset = makeAsset(solidPng(hex, 1200, 630), '.png');
    if (socials.size > 1_000) socials.clear();
    socials.set(hex, asset);
  }
  return asset;
}

/** The default social image's URL for a region colour, or undefined for a malformed one. */
export function defaultSocialImageUrl(themeColor: string): string | undefined {
  const hex = normaliseThemeColor(themeColor);
  return hex ? `${ASSET_PREFIX}social-${hex}.png` : undefined;
}

function pngChunk(type: string, data: Buffer): Buffer {
  const head = Buffer.alloc(8);
  head.writeUInt32BE(data.length, 0);
  head.write(type, 4, 'latin1');
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(Buffer.concat([head.subarray(4), data])), 0);
  return Buffer.concat([head, data, crc]);
}

/** A PNG of one colour: 8-bit RGB, every row filter 0. */
export function solidPng(hex: string, width: number, height: number): Buffer {
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(width, 0);
  ihdr.writeUInt32BE(height, 4);
  ihdr.set([8, 2, 0, 0, 0], 8);
  const row = Buffer.alloc(1 + width * 3);
  const rgb = [0, 2, 4].map((i) => Number.parseInt(hex.slice(i, i + 2), 16));
  for (let x = 0; x < width; x++) row.set(rgb, 1 + x * 3);
  const raw = Buffer.concat(Array.from({ length: height }, () => row));
  return Buffer.concat([
    Buffer.from([137, 80, 78, 71, 13, 10, 26, 10]),
    pngChunk('IHDR', ihdr),
    pngChunk('IDAT', deflateSync(raw, { level: 9 })),
    pngChunk('IEND', Buffer.alloc(0)),
  ]);
}
