import type { JobMarket } from '../../../../contracts/jobs.js';
import type { Locale } from '../../../../web/i18n/locales.js';
import { neutraliseCsvCell } from '../../statistics/statistics.csv-out.js';

/** Column names of the exports: stable, so a spreadsheet built on them keeps working. */
export const MARKET_COLUMNS = ['dimension', 'code', 'name', 'count'] as const;
export const DAILY_COLUMNS = ['date', 'total', 'public', 'private', 'other'] as const;

/** Every current count as one long table: occupation groups, sectors, municipalities. */
function rows(market: JobMarket): Array<Array<string | number>> {
  return [
    ['total', '', market.region.name, market.total],
    ...market.byOccupation.map((r) => ['occupation_group', r.code, r.name, r.count]),
    ...market.bySector.map((r) => ['sector', r.code, r.name, r.count]),
    ...market.byMunicipality.map((r) => ['municipality', r.code, r.name, r.count]),
  ];
}

const dailyRows = (market: JobMarket) =>
  market.daily.map((d) => [d.date, d.total, d.public, d.private, d.other]);

/**
 * The figures as CSV (semicolons, BOM, CRLF, as the other downloads), formulas neutralised:
 * the current counts, a blank line, then the daily counts, then the credit.
 */
export function marketCsv(market: JobMarket, _locale: Locale): string {
  const lines = [
    [...MARKET_COLUMNS],
    ...rows(market),
    [],
    [...DAILY_COLUMNS],
    ...dailyRows(market),
    [],
    [market.credit],
  ].map((l) => l.map((cell) => neutraliseCsvCell(String(cell))).join(';'));
  return `\uFEFF${lines.join('\r\n')}\r\n`;
}

/** The same as a workbook: counts, daily counts, and where they come from. */
export async function marketXlsx(market: JobMarket, _locale: Locale): Promise<Buffer> {
  // exceljs is loaded when someone downloads, not at start (as in the statistics module).
  const { default: ExcelJS } = await import('exceljs');
  const book = new ExcelJS.Workbook();
  book.creator = 'Flytthit';
  // Strings go in as values, never formulas: exceljs writes a formula only from { formula }.
  const sheet = book.addWorksheet('vacancies');
  sheet.addRow([...MARKET_COLUMNS]);
  sheet.getRow(1).font = { bold: true };
  for (const row of rows(market)) sheet.addRow(row);
  const daily = book.addWorksheet('daily');
  daily.addRow([...DAILY_COLUMNS]);
  daily.getRow(1).font = { bold: true };
  for (const row of dailyRows(market)) daily.addRow(row);
  const about = book.addWorksheet('info');
  about.addRow(['region', market.region.name]);
  about.addRow(['as_of', market.asOf]);
  about.addRow(['credit', market.credit]);
  return Buffer.from(await book.xlsx.writeBuffer());
}
