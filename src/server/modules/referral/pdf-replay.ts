/**
 * Record once, replay many: the parts of a postcard that are the same on every card (the
 * front, the message, the privacy notice) are drawn by pdfkit on the first card only; later
 * cards get the very same content-stream operators, with the fonts, images and graphic
 * states they refer to added to the page's resources. Text layout is most of pdfkit's cost,
 * so this is what keeps 10,000 cards well inside a minute.
 *
 * It relies on two pdfkit internals, pinned by the tests that read the PDF back: a page's
 * `write(chunk)` appends to its content stream, and `resources.data` holds its resource
 * dictionaries (Font, XObject, ExtGState).
 */
interface PageInternals {
  write(chunk: string | Uint8Array): unknown;
  resources: { data: Record<string, Record<string, unknown> | undefined> };
}

const KINDS = ['Font', 'XObject', 'ExtGState'] as const;

export function replayable(doc: PDFKit.PDFDocument, draw: () => void): () => void {
  let recorded: { ops: Uint8Array; resources: Record<string, Record<string, unknown>> } | null =
    null;
  return () => {
    const page = doc.page as unknown as PageInternals;
    if (recorded) {
      for (const [kind, entries] of Object.entries(recorded.resources)) {
        page.resources.data[kind] = { ...page.resources.data[kind], ...entries };
      }
      page.write(recorded.ops);
      return;
    }
    const before = Object.fromEntries(KINDS.map((k) => [k, { ...page.resources.data[k] }]));
    const ops: string[] = [];
    const original = page.write;
    page.write = (chunk) => {
      if (typeof chunk !== 'string') throw new Error('replayable: binary page content');
      ops.push(chunk);
      return original.call(page, chunk);
    };
    try {
      draw();
    } finally {
      page.write = original;
    }
    const resources: Record<string, Record<string, unknown>> = {};
    for (const kind of KINDS) {
      const added = Object.entries(page.resources.data[kind] ?? {}).filter(
        ([name]) => !(name in (before[kind] ?? {})),
      );
      if (added.length) resources[kind] = Object.fromEntries(added);
    }
    // Each op is a line of the content stream, as pdfkit writes them (binary strings).
    recorded = { ops: Buffer.from(`${ops.join('\n')}\n`, 'latin1'), resources };
  };
}
