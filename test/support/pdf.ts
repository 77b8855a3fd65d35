import { inflateSync } from 'node:zlib';

/** Just enough PDF reading for tests: page sizes and the text a person would see. */

function streams(pdf: Buffer): string[] {
  const text = pdf.toString('latin1');
  const out: string[] = [];
  const marker = /stream\r?\n/g;
  for (let m = marker.exec(text); m; m = marker.exec(text)) {
    const start = m.index + m[0].length;
    const end = text.indexOf('endstream', start);
    try {
      out.push(inflateSync(pdf.subarray(start, end)).toString('latin1'));
    } catch {
      // not a Flate stream (a font file, an image): nothing to read
    }
  }
  return out;
}

/** Every page's MediaBox as [x0, y0, x1, y1] in points. */
export function pageBoxes(pdf: Buffer): number[][] {
  const text = pdf.toString('latin1');
  return [...text.matchAll(/\/MediaBox \[([^\]]+)\]/g)].map((m) =>
    m[1]!.trim().split(/\s+/).map(Number),
  );
}

/** The glyph → text maps of the embedded fonts (ToUnicode CMaps written by pdfkit). */
function cmaps(all: string[]): Array<Map<number, string>> {
  const unhex = (h: string) =>
    h
      .trim()
      .split(/\s+/)
      .map((u) => String.fromCodePoint(Number.parseInt(u, 16)))
      .join('');
  return all
    .filter((s) => s.includes('begincmap'))
    .map((s) => {
      const map = new Map<number, string>();
      for (const m of s.matchAll(/<([0-9a-f]+)>\s*<([0-9a-f]+)>\s*\[([^\]]*)\]/gi)) {
        const first = Number.parseInt(m[1]!, 16);
        let i = 0;
        for (const u of m[3]!.matchAll(/<([0-9a-f ]+)>/gi)) map.set(first + i++, unhex(u[1]!));
      }
      return map;
    });
}

/**
 * The text of every TJ operator, decoded with each embedded font's map in turn: the right font
 * gives the real text, the others noise, so `includes` on the result finds what is printed.
 */
export function pdfText(pdf: Buffer): string {
  const all = streams(pdf);
  const maps = cmaps(all);
  const runs = all.flatMap((s) => [...s.matchAll(/\[([^\]]*)\]\s*TJ/g)].map((m) => m[1]!));
  const out: string[] = [];
  for (const run of runs) {
    const glyphs = [...run.matchAll(/<([0-9a-f]+)>/gi)].flatMap((m) =>
      m[1]!.match(/.{4}/g)!.map((g) => Number.parseInt(g, 16)),
    );
    for (const map of maps) out.push(glyphs.map((g) => map.get(g) ?? '\uFFFD').join(''));
  }
  return out.join('\n');
}
