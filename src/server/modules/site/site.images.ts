import type { SiteImageKind } from '../../../contracts/site.js';

/**
 * Checks on an uploaded profile image, by its bytes (never by the name or the type the browser
 * claims alone): the format from the magic bytes, the size, the pixel dimensions. Images are
 * stored as given (no resizing: no image library here builds without a network; ADR 0011), so
 * the limits keep what a visitor downloads small. A problem comes back as the reason.
 */

interface Rule {
  types: readonly string[];
  maxBytes: number;
  /** Smallest and largest width/height in pixels (raster images). */
  minSide: number;
  maxSide: number;
  square?: boolean;
}

export const IMAGE_RULES: Record<SiteImageKind, Rule> = {
  logo: { types: ['image/svg+xml', 'image/png'], maxBytes: 200 * 1024, minSide: 32, maxSide: 2000 },
  favicon: {
    types: ['image/png', 'image/svg+xml'],
    maxBytes: 100 * 1024,
    minSide: 16,
    maxSide: 512,
    square: true,
  },
  // 1200×630 is what the sharing services show best; 600×315 is their smallest large card.
  social: {
    types: ['image/png', 'image/jpeg'],
    maxBytes: 1024 * 1024,
    minSide: 200,
    maxSide: 4000,
  },
};

const PNG = Buffer.from([137, 80, 78, 71, 13, 10, 26, 10]);

/** The format the bytes are, whatever the upload claims. */
export function sniff(bytes: Buffer): 'image/png' | 'image/jpeg' | 'image/svg+xml' | undefined {
  if (bytes.subarray(0, 8).equals(PNG)) return 'image/png';
  if (bytes[0] === 0xff && bytes[1] === 0xd8 && bytes[2] === 0xff) return 'image/jpeg';
  const head = bytes
    .subarray(0, 1024)
    .toString('utf8')
    .replace(/^\uFEFF/, '');
  if (/^\s*(<\?xml[^>]*>\s*)?(<!--[\s\S]*?-->\s*)*<svg[\s>]/i.test(head)) return 'image/svg+xml';
  return undefined;
}

/** Width and height of a PNG (IHDR) or JPEG (first SOF marker); undefined when unreadable. */
export function dimensions(
  bytes: Buffer,
  type: string,
): { width: number; height: number } | undefined {
  if (type === 'image/png') {
    if (bytes.length < 24 || bytes.subarray(12, 16).toString('latin1') !== 'IHDR') return undefined;
    return { width: bytes.readUInt32BE(16), height: bytes.readUInt32BE(20) };
  }
  let i = 2;
  while (i + 9 < bytes.length) {
    if (bytes[i] !== 0xff) return undefined;
    const marker = bytes[i + 1]!;
    const length = bytes.readUInt16BE(i + 2);
    // SOF0–SOF15 except DHT (c4), JPG (c8) and DAC (cc).
    if (marker >= 0xc0 && marker <= 0xcf && ![0xc4, 0xc8, 0xcc].includes(marker)) {
      return { height: bytes.readUInt16BE(i + 5), width: bytes.readUInt16BE(i + 7) };
    }
    i += 2 + length;
  }
  return undefined;
}

/**
 * What an SVG must not hold to be shown on the site: anything that runs (scripts, event
 * handlers, javascript: links), reaches another host, embeds other documents, or expands
 * entities. Such a file is refused, not rewritten: the region's designer fixes the export.
 */
const SVG_FORBIDDEN: Array<[RegExp, string]> = [
  [/<!DOCTYPE|<!ENTITY/i, 'a DOCTYPE or entity'],
  [/<script[\s>]/i, 'a script'],
  [/<foreignObject[\s>]/i, 'a foreignObject'],
  [/\son[a-z]+\s*=/i, 'an event handler attribute'],
  [/javascript:/i, 'a javascript: link'],
  [/(?:href|src)\s*=\s*["']\s*(?!#|data:image\/(?:png|jpeg);)/i, 'a link to another file'],
  [/url\(\s*["']?\s*(?!#)/i, 'a url() to another file'],
  [/@import/i, 'an @import'],
  [/<(?:iframe|embed|object|audio|video)[\s>]/i, 'an embedded document'],
];

export function svgProblem(text: string): string | undefined {
  for (const [pattern, what] of SVG_FORBIDDEN) {
    if (pattern.test(text)) return `The SVG contains ${what}, which the site does not allow`;
  }
  if (!/<\/svg>\s*$/i.test(text)) return 'The SVG is incomplete';
  return undefined;
}

const kb = (n: number) => `${Math.round(n / 1024)} KB`;

/** The reason the image cannot be used as this kind, or undefined when it can. */
export function imageProblem(
  kind: SiteImageKind,
  bytes: Buffer,
  claimed: string,
): string | undefined {
  const rule = IMAGE_RULES[kind];
  if (bytes.length === 0) return 'The file is empty';
  if (bytes.length > rule.maxBytes) {
    return `The file is ${kb(bytes.length)}; at most ${kb(rule.maxBytes)} is allowed`;
  }
  const actual = sniff(bytes);
  if (!actual) return 'The file is not an image (PNG, JPEG or SVG)';
  if (actual !== claimed) return `The file is ${actual}, not ${claimed}`;
  if (!rule.types.includes(actual)) return `Use ${rule.types.join(' or ')} for this image`;
  if (actual === 'image/svg+xml') return svgProblem(bytes.toString('utf8'));
  const size = dimensions(bytes, actual);
  if (!size) return 'The image cannot be read';
  const { width, height } = size;
  if (Math.min(width, height) < rule.minSide) {
    return `The image is ${width}×${height} pixels; at least ${rule.minSide} on each side`;
  }
  if (Math.max(width, height) > rule.maxSide) {
    return `The image is ${width}×${height} pixels; at most ${rule.maxSide} on each side`;
  }
  if (rule.square && width !== height) return `The image is ${width}×${height}; it must be square`;
  return undefined;
}

export const extensionOf = (type: string) =>
  type === 'image/svg+xml' ? 'svg' : type === 'image/png' ? 'png' : 'jpg';
