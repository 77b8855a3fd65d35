import type { Series } from '../../../contracts/statistics.js';
import type { Locale } from '../../../web/i18n/locales.js';
import { figureLabel } from './statistics.present.js';
import { FIGURE_NAMES } from './statistics.tables.js';

/**
 * The series as a spreadsheet: figures as numbers (SSB's symbol as text where there is none),
 * then the definitions, the credit and the provenance on a second sheet. Text is written as
 * text, never as a formula, so a name cannot run in the reader's spreadsheet.
 */
export async function seriesXlsx(series: Series, locale: Locale): Promise<Buffer> {
  // exceljs is loaded when someone downloads, not at start: it costs ~18 MB of memory.
  const { default: ExcelJS } = await import('exceljs');
  const book = new ExcelJS.Workbook();
  book.creator = 'Flytthit';
  const sheet = book.addWorksheet(series.table);
  sheet.addRow(['period', 'area_code', 'area', ...FIGURE_NAMES.map((f) => figureLabel(locale, f))]);
  sheet.getRow(1).font = { bold: true };
  const add = (code: string, name: string, p: Series['regionSeries'][number]) =>
    sheet.addRow([
      p.period,
      code,
      name,
      ...FIGURE_NAMES.map((f) => p.figures[f] ?? p.symbols[f] ?? ''),
    ]);
  for (const p of series.regionSeries) add('', series.region.name, p);
  for (const a of [...series.municipalities, ...series.comparisons]) {
    for (const p of a.series) add(a.code, a.name, p);
  }
  sheet.addRow([]);
  sheet.addRow([series.credit]);

  const about = book.addWorksheet('info');
  for (const [key, text] of Object.entries(series.definitions)) about.addRow([key, text]);
  about.addRow([]);
  about.addRow(['credit', series.credit]);
  if (series.provenance) {
    for (const [key, value] of Object.entries(series.provenance)) about.addRow([key, value]);
  }
  return Buffer.from(await book.xlsx.writeBuffer());
}
