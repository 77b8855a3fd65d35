import { join } from 'node:path';
import type PDFDocumentCtor from 'pdfkit';
import { type CallOutcome, CallOutcomeSchema } from '../../../contracts/calling.js';
import { translator } from '../../../web/i18n/catalogue.js';
import { formatDate, type Locale } from '../../../web/i18n/locales.js';
import { dataDir } from '../../paths.js';

/**
 * The paper fallback: an A4 call sheet per municipality, for when the network fails on the
 * calling day. One block per person: name, household, phone, who tipped them, a tick box per
 * outcome, a call-back time and a notes line, to be entered afterwards.
 */
const MM = 72 / 25.4;
const PAGE = { width: 210 * MM, height: 297 * MM };
const MARGIN = 15 * MM;
const WIDTH = PAGE.width - 2 * MARGIN;
const BOTTOM = PAGE.height - MARGIN - 6 * MM;
const BOX = 3.6 * MM;

const FONT = join(dataDir, 'fonts', 'DejaVuSans.ttf');
const FONT_BOLD = join(dataDir, 'fonts', 'DejaVuSans-Bold.ttf');

export interface SheetDesign {
  locale: Locale;
  regionName: string;
  campaignName: string;
  municipalityName: string;
  printedAt: Date;
  isDemo: boolean;
}

export interface SheetEntry {
  name: string;
  household: string | null;
  phone: string | null;
  tippedBy: string[];
  tipCount: number;
}

let pdfkit: Promise<typeof PDFDocumentCtor> | undefined;
const loadPdfkit = () => {
  pdfkit ??= import('pdfkit').then((m) => m.default);
  return pdfkit;
};

/** A Norwegian mobile or landline number as people write it; anything else as stored. */
export function displayPhone(e164: string | null): string | null {
  if (!e164) return null;
  const m = /^\+47(\d{8})$/.exec(e164);
  if (!m) return e164;
  const d = m[1]!;
  return /^[49]/.test(d)
    ? `${d.slice(0, 3)} ${d.slice(3, 5)} ${d.slice(5)}`
    : `${d.slice(0, 2)} ${d.slice(2, 4)} ${d.slice(4, 6)} ${d.slice(6)}`;
}

export async function renderCallSheet(design: SheetDesign, entries: SheetEntry[]): Promise<Buffer> {
  const PDFDocument = await loadPdfkit();
  const t = translator(design.locale, 'calling');
  const title = `${t('sheet.title')} – ${design.municipalityName}`;
  const doc = new PDFDocument({
    size: [PAGE.width, PAGE.height],
    margin: MARGIN,
    autoFirstPage: false,
    compress: true,
    info: { Title: `${title} – ${design.campaignName}`, Author: design.regionName },
  });
  doc.registerFont('body', FONT);
  doc.registerFont('bold', FONT_BOLD);
  const chunks: Buffer[] = [];
  doc.on('data', (c: Buffer) => chunks.push(c));
  const done = new Promise<Buffer>((resolve, reject) => {
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);
  });

  let page = 0;
  let y = MARGIN;
  function newPage() {
    doc.addPage();
    page += 1;
    doc.fillColor('#000000').font('body').fontSize(8);
    // The footer sits in the bottom margin: without this pdfkit would start another page.
    const margins = doc.page.margins;
    doc.page.margins = { ...margins, bottom: 0 };
    doc.text(
      `${design.campaignName} · ${title} · ${t('sheet.page', { page })}`,
      MARGIN,
      PAGE.height - MARGIN,
      { width: WIDTH, align: 'center', lineBreak: false },
    );
    doc.page.margins = margins;
    y = MARGIN;
  }

  newPage();
  doc.font('bold').fontSize(16).text(title, MARGIN, y, { width: WIDTH });
  doc.font('body').fontSize(10).text(`${design.regionName} · ${design.campaignName}`);
  const printed = formatDate(design.locale, design.printedAt, {
    dateStyle: 'long',
    timeStyle: 'short',
  });
  doc.text(t('sheet.printed', { date: printed }));
  doc.fontSize(8).text(t('sheet.confidential'), { width: WIDTH });
  if (design.isDemo) doc.font('bold').fontSize(10).fillColor('#b00020').text(t('sheet.demo'));
  doc.fillColor('#000000');
  y = doc.y + 4 * MM;

  if (entries.length === 0) {
    doc.font('body').fontSize(11).text(t('sheet.empty'), MARGIN, y, { width: WIDTH });
  }
  const labels = CallOutcomeSchema.options.map((o: CallOutcome) => t(`outcomes.${o}`));
  for (const entry of entries) {
    if (y + 44 * MM > BOTTOM) newPage();
    y = entryBlock(doc, t, labels, entry, y);
  }
  doc.end();
  return done;
}

type Translate = ReturnType<typeof translator>;

/** One person's block; returns where the next one starts. */
function entryBlock(
  doc: PDFKit.PDFDocument,
  t: Translate,
  labels: string[],
  entry: SheetEntry,
  top: number,
): number {
  doc
    .font('bold')
    .fontSize(12)
    .text(entry.name, MARGIN, top, { width: WIDTH * 0.6 });
  const phone = displayPhone(entry.phone) ?? t('sheet.noPhone');
  doc
    .font('bold')
    .fontSize(12)
    .text(phone, MARGIN + WIDTH * 0.6, top, { width: WIDTH * 0.4, align: 'right' });
  doc.font('body').fontSize(9);
  let y = Math.max(doc.y, top + 5 * MM);
  const facts = [
    entry.household,
    entry.tippedBy.length ? t('sheet.tippedBy', { names: entry.tippedBy.join(', ') }) : null,
    t('sheet.tips', { count: entry.tipCount }),
  ].filter(Boolean);
  doc.text(facts.join(' · '), MARGIN, y, { width: WIDTH });
  y = doc.y + 2 * MM;

  // The outcomes as tick boxes, wrapping to a second row when they do not fit.
  let x = MARGIN;
  doc.fontSize(9);
  for (const label of labels) {
    const w = BOX + 1.5 * MM + doc.widthOfString(label) + 5 * MM;
    if (x + w > MARGIN + WIDTH) {
      x = MARGIN;
      y += BOX + 2.5 * MM;
    }
    doc.rect(x, y, BOX, BOX).lineWidth(0.7).stroke();
    doc.text(label, x + BOX + 1.5 * MM, y + 0.3 * MM, { lineBreak: false });
    x += w;
  }
  y += BOX + 4 * MM;
  const line = (label: string, at: number, width: number) => {
    doc.text(label, MARGIN, at, { lineBreak: false });
    const start = MARGIN + doc.widthOfString(label) + 2 * MM;
    doc
      .moveTo(start, at + 3.2 * MM)
      .lineTo(MARGIN + width, at + 3.2 * MM)
      .lineWidth(0.4)
      .stroke();
  };
  line(t('sheet.callBack'), y, WIDTH * 0.6);
  y += 6 * MM;
  line(t('sheet.notes'), y, WIDTH);
  y += 6 * MM;
  doc
    .moveTo(MARGIN, y)
    .lineTo(MARGIN + WIDTH, y)
    .lineWidth(0.3)
    .strokeColor('#888888')
    .stroke()
    .strokeColor('#000000');
  return y + 3 * MM;
}
