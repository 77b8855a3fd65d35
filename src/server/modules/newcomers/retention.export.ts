import type { RetentionFigures, RetentionReport } from '../../../contracts/newcomers.js';
import { translator } from '../../../web/i18n/catalogue.js';
import type { Locale } from '../../../web/i18n/locales.js';
import { neutraliseCsvCell } from '../statistics/statistics.csv-out.js';

/** Column names of the exports: stable, so a spreadsheet built on them keeps working. */
export const RETENTION_COLUMNS = [
  'group',
  'code',
  'name',
  'registered_12_months_ago',
  'living_here_after_12_months',
  'share_12_months',
  'registered_24_months_ago',
  'living_here_after_24_months',
  'share_24_months',
] as const;

const share = (rate: number | null) => (rate === null ? '' : Math.round(rate * 1000) / 1000);

const figures = (f: RetentionFigures) => [
  f.cohort12,
  f.living12,
  share(f.rate12),
  f.cohort24,
  f.living24,
  share(f.rate24),
];

function rows(report: RetentionReport, locale: Locale): Array<Array<string | number>> {
  const t = translator(locale, 'newcomers');
  return [
    ['total', '', String(t('retention.total')), ...figures(report.total)],
    ...report.municipalities.map((m) => ['municipality', m.code, m.name, ...figures(m.figures)]),
    ...report.campaigns.map((c) => [
      'campaign',
      c.campaignId ?? '',
      c.name ?? String(t('retention.noCampaign')),
      ...figures(c.figures),
    ]),
  ];
}

/** CSV as the other downloads (semicolons, BOM, CRLF), formulas neutralised. */
export function retentionCsv(report: RetentionReport, locale: Locale): string {
  const lines = [[...RETENTION_COLUMNS], ...rows(report, locale)].map((l) =>
    l.map((cell) => neutraliseCsvCell(String(cell))).join(';'),
  );
  return `\uFEFF${lines.join('\r\n')}\r\n`;
}

export async function retentionXlsx(report: RetentionReport, locale: Locale): Promise<Buffer> {
  const { default: ExcelJS } = await import('exceljs');
  const book = new ExcelJS.Workbook();
  book.creator = 'Flytthit';
  const sheet = book.addWorksheet('retention');
  sheet.addRow([...RETENTION_COLUMNS]);
  sheet.getRow(1).font = { bold: true };
  // Text cells go in as values, never formulas; a leading = is neutralised as in the CSV.
  for (const row of rows(report, locale)) {
    sheet.addRow(row.map((c) => (typeof c === 'string' ? neutraliseText(c) : c)));
  }
  const about = book.addWorksheet('info');
  about.addRow(['as_of', report.asOf]);
  about.addRow([
    'counted',
    'Newcomers whose moving date is at least 12 (24) months before as_of; living = not moved away by then.',
  ]);
  return Buffer.from(await book.xlsx.writeBuffer());
}

const neutraliseText = (s: string) => (/^[=+\-@\t\r]/.test(s) ? `'${s}` : s);
