/** Where content images are served, and which widths exist of each (no database needed). */
export const IMAGE_PREFIX = '/assets/content/';
export const IMAGE_WIDTHS = [320, 640, 960, 1280, 1920] as const;

/** The widths made for an image whose widest copy is `maxWidth` pixels. */
export const widthsUpTo = (maxWidth: number) => [
  ...IMAGE_WIDTHS.filter((w) => w < maxWidth),
  maxWidth,
];

export const imageUrl = (id: string, width: number) => `${IMAGE_PREFIX}${id}-${width}.webp`;

export function srcsetOf(id: string, maxWidth: number): string {
  return widthsUpTo(maxWidth)
    .map((w) => `${imageUrl(id, w)} ${w}w`)
    .join(', ');
}

/** The address of a content image's copy in a Markdown text: its id and widest width. */
export function parseImageUrl(src: string): { id: string; maxWidth: number } | undefined {
  const m = /^\/assets\/content\/([0-9a-f-]{36})-(\d{2,4})\.webp$/.exec(src);
  return m ? { id: m[1]!, maxWidth: Number(m[2]) } : undefined;
}
