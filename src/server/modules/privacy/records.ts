import type { DataMap } from '../../../contracts/privacy.js';
import { translator } from '../../../web/i18n/catalogue.js';
import type { Locale } from '../../../web/i18n/locales.js';
import { ACTIVITIES, ACTIVITY_INFO, DATA_MAP, personalColumns } from './data-map.js';
import { renderPdf } from './pdf.js';
import { DEFAULT_MONTHS, type PurgeRule } from './retention.service.js';

/** The records of processing (GDPR Art. 30), generated from the data map. */
export function buildDataMap(): DataMap {
  const columns = personalColumns().map((c) => ({ ...c, retention: [...c.retention] }));
  const records = ACTIVITIES.map((activity) => {
    const mine = columns.filter((c) => c.activity === activity);
    const uniq = (xs: string[]) => [...new Set(xs)];
    return {
      activity,
      legalBasis: ACTIVITY_INFO[activity].legalBasis,
      subjects: [...ACTIVITY_INFO[activity].subjects],
      recipients: [...ACTIVITY_INFO[activity].recipients],
      categories: uniq(mine.map((c) => c.category)),
      retention: uniq(mine.flatMap((c) => c.retention)),
      tables: uniq(mine.map((c) => c.table)),
    };
  });
  const notPersonal = Object.entries(DATA_MAP).flatMap(([table, cols]) =>
    Object.entries(cols).flatMap(([column, c]) =>
      c.personal ? [] : [{ table, column, why: c.why }],
    ),
  );
  return { records, columns, notPersonal };
}

/** The records as text in one language, one row per activity: for the PDF and the sheet. */
export function recordRows(map: DataMap, locale: Locale, periods: Record<string, number>) {
  const t = translator(locale, 'privacy');
  const months = (rule: string) => periods[rule] ?? DEFAULT_MONTHS[rule as PurgeRule] ?? 0;
  return map.records.map((r) => ({
    activity: t(`activities.${r.activity}`),
    purpose: t(`purposes.${r.activity}`),
    legalBasis: r.legalBasis,
    subjects: r.subjects.map((s) => t(`subjects.${s}`)).join(', '),
    categories: r.categories.map((c) => t(`categories.${c}`)).join(', '),
    recipients: r.recipients.map((x) => t(`recipients.${x}`)).join(', ') || t('records.none'),
    retention: r.retention.map((x) => t(`rules.${x}`, { months: months(x) })).join('; '),
    tables: r.tables.join(', '),
  }));
}

const FIELDS = [
  'activity',
  'purpose',
  'legalBasis',
  'subjects',
  'categories',
  'recipients',
  'retention',
  'tables',
] as const;

export function recordsPdf(
  map: DataMap,
  locale: Locale,
  periods: Record<string, number>,
  controller: string,
  now: Date,
): Promise<Buffer> {
  const t = translator(locale, 'privacy');
  const title = t('records.title');
  return renderPdf(title, locale, (w) => {
    w.title(title);
    w.field(t('records.controller'), controller);
    w.line(t('records.generated', { date: now.toISOString().slice(0, 10) }), { muted: true });
    for (const row of recordRows(map, locale, periods)) {
      w.heading(row.activity);
      for (const f of FIELDS.slice(1)) w.field(t(`records.${f}`), row[f]);
      w.field(t('records.security'), t('records.securityText'));
      w.field(t('records.transfers'), t('records.transfersText'));
    }
  });
}

/** Text a spreadsheet would run as a formula gets a leading apostrophe. */
export const neutralise = (text: string): string => (/^[=+\-@\t\r]/.test(text) ? `'${text}` : text);

export async function recordsXlsx(
  map: DataMap,
  locale: Locale,
  periods: Record<string, number>,
  controller: string,
): Promise<Buffer> {
  const t = translator(locale, 'privacy');
  const { default: ExcelJS } = await import('exceljs');
  const book = new ExcelJS.Workbook();
  book.creator = 'Flytthit';
  const sheet = book.addWorksheet(t('records.activity'));
  sheet.addRow([t('records.controller'), neutralise(controller)]);
  sheet.addRow(FIELDS.map((f) => t(`records.${f}`)));
  sheet.getRow(2).font = { bold: true };
  for (const row of recordRows(map, locale, periods)) {
    sheet.addRow(FIELDS.map((f) => neutralise(row[f])));
  }
  const columns = book.addWorksheet('columns');
  columns.addRow(['table', 'column', 'activity', 'category', 'legal_basis', 'retention']);
  columns.getRow(1).font = { bold: true };
  for (const c of map.columns) {
    columns.addRow(
      [c.table, c.column, c.activity, c.category, c.legalBasis, c.retention.join(' ')].map(
        neutralise,
      ),
    );
  }
  return Buffer.from(await book.xlsx.writeBuffer());
}
