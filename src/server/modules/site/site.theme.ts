import { contrastingText, contrastRatio } from '../../../web/ui/region-theme.js';

/**
 * A region's site theme from its one brand colour: the colours the public site paints with
 * (the region band and hero, and Designsystemet's accent scale: links, the language switch,
 * tinted surfaces, borders, buttons), and the WCAG contrast of every text/background pair
 * the site uses. Derived shades are darkened until they pass; the brand colour itself is the
 * region's choice, so a brand colour whose own pair fails is refused (ADR 0011).
 */

export interface ContrastPair {
  /** Stable name of the pair, e.g. `hero-text-on-brand`. */
  pair: string;
  foreground: string;
  background: string;
  ratio: number;
  /** 4.5 for normal text, 3 for large text and interface graphics (WCAG 1.4.3, 1.4.11). */
  required: number;
}

export interface SiteTheme {
  /** CSS custom properties, with their `#rrggbb` values. */
  vars: Record<string, string>;
  pairs: ContrastPair[];
}

const WHITE = 'ffffff';
const BLACK = '000000';
/** Designsystemet's neutral backgrounds the accent text sits on. */
const NEUTRAL_TINTED = 'f3f3f4';
/** A municipality card under the pointer. */
const NEUTRAL_HOVER = 'd9dadb';

const channels = (hex: string) => [0, 2, 4].map((i) => Number.parseInt(hex.slice(i, i + 2), 16));

/** `a` moved towards `b` by `t` (0…1), in sRGB. */
function mix(a: string, b: string, t: number): string {
  const [x, y] = [channels(a), channels(b)];
  return x
    .map((c, i) => Math.round(c + (y[i]! - c) * t))
    .map((c) => c.toString(16).padStart(2, '0'))
    .join('');
}

/** The colour, darkened only as much as needed to reach `required` against every background. */
function darkenUntil(hex: string, backgrounds: string[], required: number): string {
  for (let t = 0; t <= 1; t += 0.02) {
    const c = mix(hex, BLACK, t);
    if (backgrounds.every((bg) => contrastRatio(c, bg) >= required)) return c;
  }
  return BLACK;
}

const round = (r: number) => Math.floor(r * 100) / 100;

/** The theme for a brand colour given as six lower-case hex digits. */
export function siteTheme(brand: string): SiteTheme {
  const onBrand = contrastingText(brand).slice(1);
  const backgroundTinted = mix(brand, WHITE, 0.93);
  const surfaceTinted = mix(brand, WHITE, 0.86);
  const surfaceHover = mix(brand, WHITE, 0.78);
  const surfaceActive = mix(brand, WHITE, 0.7);
  const textBackgrounds = [
    WHITE,
    NEUTRAL_TINTED,
    NEUTRAL_HOVER,
    backgroundTinted,
    surfaceTinted,
    surfaceHover,
  ];
  const textSubtle = darkenUntil(brand, textBackgrounds, 4.5);
  const textDefault = darkenUntil(textSubtle, textBackgrounds, 7);
  const borderDefault = darkenUntil(brand, [WHITE], 3);
  // Buttons: the brand colour with its contrasting text; hover and active move away from it.
  const away = onBrand === WHITE ? BLACK : WHITE;
  const vars: Record<string, string> = {
    '--flytthit-region': brand,
    '--flytthit-region-contrast': onBrand,
    '--ds-color-accent-background-tinted': backgroundTinted,
    '--ds-color-accent-surface-tinted': surfaceTinted,
    '--ds-color-accent-surface-hover': surfaceHover,
    '--ds-color-accent-surface-active': surfaceActive,
    '--ds-color-accent-border-subtle': mix(brand, WHITE, 0.55),
    '--ds-color-accent-border-default': borderDefault,
    '--ds-color-accent-border-strong': textSubtle,
    '--ds-color-accent-text-subtle': textSubtle,
    '--ds-color-accent-text-default': textDefault,
    '--ds-color-accent-base-default': brand,
    '--ds-color-accent-base-hover': mix(brand, away, 0.12),
    '--ds-color-accent-base-active': mix(brand, away, 0.24),
    '--ds-color-accent-base-contrast-default': onBrand,
    '--ds-color-accent-base-contrast-subtle': onBrand,
  };
  const pair = (name: string, fg: string, bg: string, required: number): ContrastPair => ({
    pair: name,
    foreground: `#${fg}`,
    background: `#${bg}`,
    ratio: round(contrastRatio(fg, bg)),
    required,
  });
  const pairs = [
    pair('hero-text-on-brand', onBrand, brand, 4.5),
    pair('button-text-on-brand', onBrand, brand, 4.5),
    pair('link-on-page', textSubtle, WHITE, 4.5),
    pair('link-on-tinted-page', textSubtle, NEUTRAL_TINTED, 4.5),
    pair('language-link-on-hover', textSubtle, surfaceHover, 4.5),
    pair('card-link-on-hover', textSubtle, NEUTRAL_HOVER, 4.5),
    pair('current-language-on-tint', textDefault, surfaceTinted, 4.5),
    pair('border-on-page', borderDefault, WHITE, 3),
  ];
  for (const k of Object.keys(vars)) vars[k] = `#${vars[k]}`;
  return { vars, pairs };
}

/** The pairs that fail; empty when the brand colour may be used. */
export function contrastProblems(brand: string): ContrastPair[] {
  return siteTheme(brand).pairs.filter((p) => p.ratio < p.required);
}

/** The stylesheet for a brand colour: unlayered, so it wins over Designsystemet's theme. */
export function siteThemeCss(brand: string): string {
  const body = Object.entries(siteTheme(brand).vars)
    .map(([k, v]) => `${k}:${v}`)
    .join(';');
  return `:root,[data-color-scheme="light"]{${body}}\n`;
}
