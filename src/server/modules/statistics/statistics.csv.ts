import { parse } from 'csv-parse/sync';
import type { FieldIssue } from '../../errors.js';
import {
  fileError,
  type ParsedCell,
  type ParsedTable,
  REGION_CODE,
  STATUS_SYMBOLS,
} from './statistics.cells.js';
import { dimsKey, type TableDefinition } from './statistics.tables.js';

/*
 * SSB's CSV in its long form, one value per row: a column per dimension, then the value column
 * (headed by the table title, "01222: Befolkning …"):
 *   "region";"statistikkvariabel";"kvartal";"01222: Befolkning og kvartalsvise endringar, …"
 *   "3427 Tynset";"Fødde";"2020K1";8
 * Region cells are "code label" or a bare code; contents cells a code or one of SSB's labels.
 * The wide form puts one period per column ("2015K1", or "Folketalet … 2015K1").
 */

const REGION_HEADER = /^(region|region_code|kommune)$/i;
const CONTENTS_HEADER = /^(statistikkvariabel|contentscode|contents)$/i;
const TIME_HEADER = /^(tid|kvartal|quarter|år|year|time|period)$/i;
const NUMBER = /^-?\d+(?:[.,]\d+)?$/;
const MAX_ISSUES = 10;

function rowsOf(text: string): string[][] {
  const firstLine = text.slice(0, text.indexOf('\n') >>> 0);
  const delimiter = firstLine.includes(';') ? ';' : firstLine.includes('\t') ? '\t' : ',';
  try {
    return parse(text, { delimiter, skip_empty_lines: true, trim: true }) as string[][];
  } catch (error) {
    throw fileError(`The CSV file is malformed (truncated?): ${(error as Error).message}.`);
  }
}

function tableIdOfHeader(headers: string[]): string | null {
  for (const h of headers) {
    const m = /^(\d{5}):/.exec(h);
    if (m) return m[1]!;
  }
  return null;
}

function contentsLookup(table: TableDefinition<string>): Map<string, string> {
  const map = new Map<string, string>();
  for (const c of table.contents) {
    map.set(c.code.toLowerCase(), c.code);
    for (const label of c.labels) map.set(label.toLowerCase(), c.code);
  }
  return map;
}

function readCell(raw: string): { value: number | null; status: string | null } | null {
  const s = raw.trim();
  if (NUMBER.test(s)) return { value: Number(s.replace(',', '.')), status: null };
  if ((STATUS_SYMBOLS as readonly string[]).includes(s)) return { value: null, status: s };
  return null;
}

export function parseSsbCsv(text: string, table: TableDefinition<string>): ParsedTable {
  const rows = rowsOf(text);
  const header = rows[0];
  if (!header || rows.length < 2) throw fileError('The CSV file has no data rows.');
  const fileTable = tableIdOfHeader(header);
  if (fileTable && fileTable !== table.id) {
    throw fileError(`The file holds table ${fileTable}, not ${table.id}.`, [
      { field: 'table', message: `The file is table ${fileTable}` },
    ]);
  }
  const regionCol = header.findIndex((h) => REGION_HEADER.test(h));
  const contentsCol = header.findIndex((h) => CONTENTS_HEADER.test(h));
  const timeCol = header.findIndex((h) => TIME_HEADER.test(h));
  if (regionCol < 0 || contentsCol < 0) {
    throw fileError(
      `The CSV header needs a region and a statistikkvariabel/ContentsCode column; it has ${header.join(', ')}.`,
    );
  }
  const extraCols = (table.dimensions ?? []).map((d) => ({
    dim: d,
    col: header.findIndex((h) => d.csvHeaders.test(h)),
  }));
  const missing = extraCols.filter((e) => e.col < 0).map((e) => e.dim.id);
  if (missing.length > 0) {
    throw fileError(
      `Table ${table.id} needs a column for ${missing.join(', ')}; the header has ${header.join(', ')}.`,
    );
  }
  const dimCols = new Set([regionCol, contentsCol, timeCol, ...extraCols.map((e) => e.col)]);
  // Long form: one value column besides the dimensions. Wide form: a column per period.
  const valueCols: Array<{ col: number; period: string | null }> = [];
  header.forEach((h, col) => {
    if (dimCols.has(col)) return;
    const period = /(\d{4}(?:K[1-4])?)$/.exec(h)?.[1] ?? null;
    valueCols.push({ col, period: timeCol >= 0 ? null : period });
  });
  if (timeCol >= 0 && valueCols.length !== 1) {
    throw fileError(`The CSV file should have one value column; it has ${valueCols.length}.`);
  }
  if (timeCol < 0 && (valueCols.length === 0 || valueCols.some((v) => v.period === null))) {
    throw fileError('The CSV header has neither a time column nor a period in every value column.');
  }

  const lookup = contentsLookup(table);
  const issues: FieldIssue[] = [];
  const problem = (line: number, message: string) => {
    if (issues.length < MAX_ISSUES) issues.push({ field: `line ${line}`, message });
  };
  const cells: ParsedCell[] = [];
  const regionLabels = new Map<string, string>();
  const seen = new Set<string>();
  rows.slice(1).forEach((row, i) => {
    const line = i + 2;
    if (row.length !== header.length) {
      problem(line, `has ${row.length} fields, the header ${header.length} (truncated?)`);
      return;
    }
    const regionCell = row[regionCol]!;
    const [code = '', ...rest] = regionCell.split(/\s+/);
    if (!REGION_CODE.test(code)) {
      problem(line, `region "${regionCell}" has no code`);
      return;
    }
    regionLabels.set(code, rest.join(' ') || code);
    const contents = lookup.get(row[contentsCol]!.toLowerCase());
    if (!contents) {
      problem(line, `unknown contents code "${row[contentsCol]}" for table ${table.id}`);
      return;
    }
    const codes: Record<string, string> = {};
    for (const { dim, col } of extraCols) {
      const cell = row[col]!;
      // A label first ("105 år eller eldre" is 105+, not 105), else a leading code ("020 20 år").
      const first = cell.split(/\s+/)[0] ?? '';
      const code = dim.fromLabel(cell) ?? (dim.code.test(first) ? first : null);
      if (!code) {
        problem(line, `${dim.id} "${cell}" is not a code of table ${table.id}`);
        return;
      }
      codes[dim.id] = code;
    }
    const dims = extraCols.length > 0 ? dimsKey(table, codes) : undefined;
    for (const { col, period: headerPeriod } of valueCols) {
      const period = headerPeriod ?? row[timeCol]!;
      if (!table.periodPattern.test(period)) {
        problem(line, `period "${period}" is not of table ${table.id}'s form`);
        return;
      }
      const read = readCell(row[col]!);
      if (!read) {
        problem(line, `"${row[col]}" is not a number or an SSB symbol`);
        continue;
      }
      const key = `${code}|${contents}|${period}|${dims ?? ''}`;
      if (seen.has(key)) {
        problem(line, `repeats ${code} ${contents} ${period} ${dims ?? ''}`.trimEnd());
        continue;
      }
      seen.add(key);
      cells.push({ region: code, contents, period, ...read, ...(dims ? { dims } : {}) });
    }
  });
  if (issues.length > 0) {
    throw fileError(
      `The CSV file has ${issues.length >= MAX_ISSUES ? 'many' : issues.length} bad row${issues.length === 1 ? '' : 's'}: ${issues[0]!.field} ${issues[0]!.message}.`,
      issues,
    );
  }
  return {
    tableId: table.id,
    format: 'csv',
    label: header.find((h) => /^\d{5}:/.test(h)) ?? null,
    updated: null,
    regionLabels,
    cells,
  };
}
