/**
 * A region's theme colour as CSS custom properties. The strict CSP forbids style attributes,
 * so the colour travels in a tiny stylesheet of its own whose URL carries the colour.
 */

const HEX = /^#?([0-9a-f]{6})$/i;

/** The colour as six lower-case hex digits, or undefined when it is not a #rrggbb colour. */
export function normaliseThemeColor(color: string): string | undefined {
  const m = HEX.exec(color.trim());
  return m ? m[1]!.toLowerCase() : undefined;
}

function luminance(hex: string): number {
  const channel = (i: number) => {
    const c = Number.parseInt(hex.slice(i, i + 2), 16) / 255;
    return c <= 0.04045 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
  };
  return 0.2126 * channel(0) + 0.7152 * channel(2) + 0.0722 * channel(4);
}

/** WCAG contrast ratio between two #rrggbb colours (without the #). */
export function contrastRatio(a: string, b: string): number {
  const [hi, lo] = [luminance(a), luminance(b)].sort((x, y) => y - x) as [number, number];
  return (hi + 0.05) / (lo + 0.05);
}

/**
 * Text on the region colour: white or near-black, whichever contrasts more, so any colour
 * an administrator picks stays readable (WCAG 1.4.3).
 */
export function contrastingText(hex: string): string {
  return contrastRatio(hex, 'ffffff') >= contrastRatio(hex, '1e2b3c') ? '#ffffff' : '#1e2b3c';
}

/** The stylesheet body for one region colour. */
export function regionThemeCss(hex: string): string {
  return `:root{--flytthit-region:#${hex};--flytthit-region-contrast:${contrastingText(hex)}}\n`;
}
