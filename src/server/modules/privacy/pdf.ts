import { join } from 'node:path';
import type { Locale } from '../../../web/i18n/locales.js';
import { dataDir } from '../../paths.js';

/** A plain A4 document for people to read: the access export and the records of processing. */
const FONT = join(dataDir, 'fonts', 'DejaVuSans.ttf');
const FONT_BOLD = join(dataDir, 'fonts', 'DejaVuSans-Bold.ttf');

export interface PdfWriter {
  title(text: string): void;
  heading(text: string): void;
  line(text: string, options?: { muted?: boolean }): void;
  field(label: string, value: string): void;
  gap(): void;
}

export async function renderPdf(
  title: string,
  locale: Locale,
  draw: (w: PdfWriter) => void,
): Promise<Buffer> {
  // pdfkit is loaded when someone downloads, not when the server starts.
  const { default: PDFDocument } = await import('pdfkit');
  const doc = new PDFDocument({
    size: 'A4',
    margin: 56,
    lang: locale === 'en' ? 'en' : locale === 'nn' ? 'nn-NO' : 'nb-NO',
    displayTitle: true,
    info: { Title: title, Creator: 'Flytthit' },
  });
  doc.registerFont('body', FONT);
  doc.registerFont('bold', FONT_BOLD);
  const chunks: Buffer[] = [];
  doc.on('data', (c: Buffer) => chunks.push(c));
  const done = new Promise<void>((resolve) => doc.on('end', () => resolve()));
  const width = doc.page.width - 112;
  draw({
    title: (text) => {
      doc.font('bold').fontSize(18).text(text, { width });
      doc.moveDown(0.5);
    },
    heading: (text) => {
      doc.moveDown(0.6);
      doc.font('bold').fontSize(13).text(text, { width });
      doc.moveDown(0.2);
    },
    line: (text, options) => {
      doc
        .font('body')
        .fontSize(10)
        .fillColor(options?.muted ? '#555555' : '#000000')
        .text(text, { width });
      doc.fillColor('#000000');
    },
    field: (label, value) => {
      doc.font('bold').fontSize(10).text(`${label}: `, { width, continued: true });
      doc.font('body').text(value);
    },
    gap: () => doc.moveDown(0.5),
  });
  doc.end();
  await done;
  return Buffer.concat(chunks);
}
