import type { Locale } from '../../../web/i18n/locales.js';
import type { CouncilReportData } from './reports.data.js';
import { day, localText, reportT } from './reports.format.js';
import { MARGIN, ReportLayout } from './reports.pdf-kit.js';
import {
  campaignsSection,
  goalsSection,
  indicatorsSection,
  migrationSection,
  surveysSection,
} from './reports.pdf-sections.js';

const LANG: Record<Locale, string> = { nb: 'nb-NO', nn: 'nn-NO', en: 'en-GB' };

export interface RenderedPdf {
  bytes: Buffer;
  pages: number;
}

/**
 * The council report as an A4 PDF: a title page, then goal status, indicators, migration
 * figures with the quarterly summaries, campaign funnels and surveys; every chart is followed
 * by its table, so the figures are there for those who cannot read a chart.
 */
export async function renderCouncilPdf(report: CouncilReportData): Promise<RenderedPdf> {
  // pdfkit is loaded when a report is made, not when the server starts.
  const { default: PDFDocument } = await import('pdfkit');
  const t = reportT(report.locale);
  const title = `${t('pdf.title')} – ${report.region.name}`;
  const doc = new PDFDocument({
    size: 'A4',
    margin: MARGIN,
    bufferPages: true,
    lang: LANG[report.locale],
    displayTitle: true,
    info: { Title: title, Author: report.region.name, Creator: 'Flytthit' },
  });
  const chunks: Buffer[] = [];
  doc.on('data', (c: Buffer) => chunks.push(c));
  const done = new Promise<void>((resolve, reject) => {
    doc.on('end', () => resolve());
    doc.on('error', reject);
  });
  const layout = new ReportLayout(doc);
  titlePage(layout, report);
  layout.newPage();
  goalsSection(layout, report);
  indicatorsSection(layout, report);
  migrationSection(layout, report);
  campaignsSection(layout, report);
  surveysSection(layout, report);
  const pages = footers(doc, report.locale);
  doc.end();
  await done;
  return { bytes: Buffer.concat(chunks), pages };
}

function titlePage(layout: ReportLayout, report: CouncilReportData): void {
  const { doc } = layout;
  const t = reportT(report.locale);
  doc.y = 200;
  doc.font('bold').fontSize(26).fillColor('#1f4e79').text(t('pdf.title'), MARGIN, doc.y, {
    width: layout.width,
  });
  doc.moveDown(0.4);
  doc.font('bold').fontSize(20).fillColor('#1a1a1a').text(report.region.name, {
    width: layout.width,
  });
  doc.moveDown(0.6);
  doc
    .font('body')
    .fontSize(13)
    .text(
      t('pdf.period', { from: day(report.locale, report.from), to: day(report.locale, report.to) }),
      { width: layout.width },
    );
  doc.moveDown(2);
  const mainGoal = report.goals.programme.mainGoal;
  if (mainGoal) {
    layout.heading(t('pdf.mainGoal'), 3);
    layout.paragraph(localText(mainGoal, report.locale));
  }
  if (report.goals.programme.phases.length > 0) {
    layout.heading(t('pdf.phases'), 3);
    for (const p of report.goals.programme.phases) {
      layout.paragraph(`${p.name}: ${p.from.slice(0, 4)}–${p.to ? p.to.slice(0, 4) : ''}`);
    }
  }
  layout.paragraph(
    t('pdf.generated', { date: day(report.locale, report.generatedAt.slice(0, 10)) }),
    { muted: true, size: 9 },
  );
}

/** "Page n of m" on every page but the title page, written once all pages exist. */
function footers(doc: PDFKit.PDFDocument, locale: Locale): number {
  const t = reportT(locale);
  const range = doc.bufferedPageRange();
  for (let i = range.start + 1; i < range.start + range.count; i += 1) {
    doc.switchToPage(i);
    // Writing inside the bottom margin would otherwise start a new page.
    const bottom = doc.page.margins.bottom;
    doc.page.margins.bottom = 0;
    doc
      .font('body')
      .fontSize(8)
      .fillColor('#555555')
      .text(
        t('pdf.page', { page: i + 1, pages: range.count }),
        MARGIN,
        doc.page.height - MARGIN / 2 - 4,
        { width: doc.page.width - 2 * MARGIN, align: 'right', lineBreak: false },
      );
    doc.page.margins.bottom = bottom;
  }
  doc.flushPages();
  return range.count;
}
