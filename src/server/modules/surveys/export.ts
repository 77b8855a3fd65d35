import type { SurveySummary } from '../../../contracts/surveys.js';
import { translator } from '../../../web/i18n/catalogue.js';
import type { Locale } from '../../../web/i18n/locales.js';
import { neutraliseCsvCell } from '../statistics/statistics.csv-out.js';
import { surveyDefinition } from './definitions/index.js';

/**
 * Downloads of a summary, one row per group × question × answer. They are built from the
 * suppressed summary only, so a hidden figure is not in the file at all: it reads ":".
 */
export const SURVEY_COLUMNS = [
  'group_key',
  'group',
  'responses',
  'question',
  'answer',
  'count',
  'average',
] as const;

type Cell = string | number;

function rows(summary: SurveySummary, locale: Locale): Cell[][] {
  const t = translator(locale, 'surveys');
  const hidden = String(t('export.hidden'));
  const definition = surveyDefinition(summary.surveyKey);
  const out: Cell[][] = [];
  for (const g of summary.groups) {
    const label = g.key === null ? String(t('office.noGroup')) : g.label;
    const n: Cell = g.n ?? hidden;
    for (const q of g.questions) {
      const question = definition?.questions.find((x) => x.key === q.key)?.label[locale] ?? q.key;
      const average: Cell = q.mean ?? (g.n === null ? hidden : '');
      if (!q.counts) {
        out.push([g.key ?? '', label, n, question, '', hidden, average]);
        continue;
      }
      for (const [answer, count] of Object.entries(q.counts)) {
        out.push([g.key ?? '', label, n, question, answer, count ?? hidden, average]);
      }
    }
  }
  return out;
}

export function summaryCsv(summary: SurveySummary, locale: Locale): string {
  const note = String(translator(locale, 'surveys')('export.note'));
  const lines = [[...SURVEY_COLUMNS], ...rows(summary, locale)].map((l) =>
    l.map((cell) => neutraliseCsvCell(String(cell))).join(';'),
  );
  return `\uFEFF${lines.join('\r\n')}\r\n${neutraliseCsvCell(note)}\r\n`;
}

export async function summaryXlsx(summary: SurveySummary, locale: Locale): Promise<Buffer> {
  const { default: ExcelJS } = await import('exceljs');
  const book = new ExcelJS.Workbook();
  book.creator = 'Flytthit';
  const sheet = book.addWorksheet(summary.surveyKey.slice(0, 31));
  sheet.addRow([...SURVEY_COLUMNS]);
  sheet.getRow(1).font = { bold: true };
  // Text cells that look like formulas are written as text, as in the CSV.
  for (const row of rows(summary, locale)) {
    sheet.addRow(row.map((c) => (typeof c === 'string' ? neutraliseCsvCell(c) : c)));
  }
  const about = book.addWorksheet('info');
  about.addRow(['survey', summary.surveyKey]);
  about.addRow(['group_by', summary.groupBy]);
  about.addRow(['min_group_size', summary.minGroupSize]);
  about.addRow(['note', String(translator(locale, 'surveys')('export.note'))]);
  return Buffer.from(await book.xlsx.writeBuffer());
}
