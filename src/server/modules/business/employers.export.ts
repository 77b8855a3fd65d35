import type { Employer } from '../../../contracts/business.js';
import { neutralise } from '../privacy/records.js';
import { neutraliseCsvCell } from '../statistics/statistics.csv-out.js';

/** Column names of the downloads: stable, so a spreadsheet built on them keeps working. */
export const EMPLOYER_COLUMNS = [
  'org_number',
  'name',
  'municipality_code',
  'municipality',
  'nace_code',
  'nace_section',
  'nace_description',
  'employees',
  'nav_ads_12_months',
  'outreach_status',
  'contact_name',
  'contact_email',
  'contact_phone',
  'notes',
] as const;

function cells(e: Employer): Array<string | number> {
  return [
    e.orgNumber,
    e.name,
    e.municipalityCode,
    e.municipalityName,
    e.naceCode ?? '',
    e.naceSection ?? '',
    e.naceDescription ?? '',
    e.employees ?? '',
    e.navAds12Months,
    e.outreachStatus,
    e.contactName ?? '',
    e.contactEmail ?? '',
    e.contactPhone ?? '',
    e.outreachNotes ?? '',
  ];
}

/** Semicolons, BOM and CRLF as the other downloads; text that a spreadsheet would run is neutralised. */
export function employersCsv(employers: Employer[]): string {
  const lines = [[...EMPLOYER_COLUMNS], ...employers.map(cells)].map((l) =>
    l.map((c) => neutraliseCsvCell(String(c))).join(';'),
  );
  return `\uFEFF${lines.join('\r\n')}\r\n`;
}

export async function employersXlsx(employers: Employer[]): Promise<Buffer> {
  const { default: ExcelJS } = await import('exceljs');
  const book = new ExcelJS.Workbook();
  book.creator = 'Flytthit';
  const sheet = book.addWorksheet('employers');
  sheet.addRow([...EMPLOYER_COLUMNS]);
  sheet.getRow(1).font = { bold: true };
  for (const e of employers) {
    // Org numbers and phone numbers stay text (a leading + or 0 must survive).
    sheet.addRow(cells(e).map((c) => (typeof c === 'number' ? c : neutralise(c))));
  }
  return Buffer.from(await book.xlsx.writeBuffer());
}
