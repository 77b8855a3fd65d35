import type { Funnel, FunnelFigures } from '../../../contracts/followup.js';
import { translator } from '../../../web/i18n/catalogue.js';
import type { Locale } from '../../../web/i18n/locales.js';
import { neutraliseCsvCell } from '../statistics/statistics.csv-out.js';

/** Column names of the exports: stable, so a spreadsheet built on them keeps working. */
export const FUNNEL_COLUMNS = [
  'municipality_code',
  'municipality',
  'tipped',
  'carded',
  'called',
  'reached',
  'interested',
  'moved_within_6_months',
  'moved_within_12_months',
  'reached_moved_12_months',
  'called_not_reached',
  'called_not_reached_moved_12_months',
] as const;

const numbers = (f: FunnelFigures) => [
  f.tipped,
  f.carded,
  f.called,
  f.reached,
  f.interested,
  f.movedWithin6Months,
  f.movedWithin12Months,
  f.reachedMoved,
  f.notReachedCalled,
  f.notReachedMoved,
];

/** The total first (no code), then each municipality in scope. */
function rows(funnel: Funnel, locale: Locale): Array<Array<string | number>> {
  const total = String(translator(locale, 'followup')('funnel.total'));
  return [
    ['', total, ...numbers(funnel.total)],
    ...funnel.municipalities.map((m) => [m.code, m.name, ...numbers(m.figures)]),
  ];
}

/** The funnel as CSV (semicolons, BOM, CRLF, as the statistics downloads), formulas neutralised. */
export function funnelCsv(funnel: Funnel, locale: Locale): string {
  const lines = [[...FUNNEL_COLUMNS], ...rows(funnel, locale)].map((l) =>
    l.map((cell) => neutraliseCsvCell(String(cell))).join(';'),
  );
  return `\uFEFF${lines.join('\r\n')}\r\n`;
}

/** The funnel, the cohort of moves by month, and what the figures mean, as a workbook. */
export async function funnelXlsx(funnel: Funnel, locale: Locale): Promise<Buffer> {
  // exceljs is loaded when someone downloads, not at start (as in the statistics module).
  const { default: ExcelJS } = await import('exceljs');
  const book = new ExcelJS.Workbook();
  book.creator = 'Flytthit';
  const sheet = book.addWorksheet('funnel');
  sheet.addRow([...FUNNEL_COLUMNS]);
  sheet.getRow(1).font = { bold: true };
  for (const row of rows(funnel, locale)) sheet.addRow(row);

  const cohort = book.addWorksheet('cohort');
  cohort.addRow(['month', 'moves', 'cumulative']);
  cohort.getRow(1).font = { bold: true };
  for (const c of funnel.cohort) cohort.addRow([c.month, c.moves, c.cumulative]);

  const about = book.addWorksheet('info');
  about.addRow(['campaign', funnel.campaignName]);
  about.addRow(['calling_day', funnel.callingDay ?? '']);
  about.addRow([
    'months',
    'Counted from the first calling day; a move before it counts in month 1.',
  ]);
  return Buffer.from(await book.xlsx.writeBuffer());
}
