import { parse } from 'csv-parse/sync';
import { AppError } from '../../errors.js';
import type { CodeChangeRow } from './regions.repo.js';

/**
 * KLASS 131 code changes from a file: the API's `changes` JSON
 * (`{"codeChanges":[{oldCode, oldName, newCode, newName, changeOccurred}]}`), KLASS's CSV of
 * the same fields, or the CSV shipped in data/municipalities (old_code … kind).
 */
export type ChangeKind = 'renumbered' | 'merged' | 'split';
const KINDS: readonly string[] = ['renumbered', 'merged', 'split'];

export interface RawChange {
  oldCode: string;
  oldName: string;
  newCode: string;
  newName: string;
  changedOn: string;
  /** Given by the shipped CSV; classified from the rows otherwise. */
  kind?: string | undefined;
}

export interface ParsedChanges {
  rows: CodeChangeRow[];
  /** Rows that are no code change: a new code, a ceased one, or a new name only. */
  skipped: number;
}

function bad(message: string, field = 'file'): AppError {
  return new AppError('validation', message, { details: [{ field, message }] });
}

const text = (v: unknown) => (typeof v === 'string' ? v.trim() : '');

function fromJson(data: unknown): RawChange[] {
  const list = (data as { codeChanges?: unknown } | null)?.codeChanges;
  if (!Array.isArray(list)) {
    throw bad('Not a KLASS changes file: expected {"codeChanges": [ … ]}.');
  }
  return list.map((item: unknown, i) => {
    if (typeof item !== 'object' || item === null) throw bad(`codeChanges[${i}] is not an object.`);
    const r = item as Record<string, unknown>;
    return {
      oldCode: text(r.oldCode),
      oldName: text(r.oldName),
      newCode: text(r.newCode),
      newName: text(r.newName),
      changedOn: text(r.changeOccurred),
    };
  });
}

function fromCsv(source: string): RawChange[] {
  const firstLine = source.split('\n', 1)[0] ?? '';
  const delimiter = firstLine.includes(';') ? ';' : ',';
  const records = parse(source.replace(/^\uFEFF/, ''), {
    columns: true,
    delimiter,
    skip_empty_lines: true,
    trim: true,
  }) as Record<string, string>[];
  // Both spellings: the shipped file's snake_case and KLASS's own camelCase headers.
  const get = (r: Record<string, string>, snake: string, camel: string) =>
    text(r[snake] ?? r[camel]);
  const header = Object.keys(records[0] ?? {});
  if (!header.some((h) => h === 'old_code' || h === 'oldCode')) {
    throw bad('Not a KLASS changes CSV: expected a header with old_code (or oldCode).');
  }
  return records.map((r) => ({
    oldCode: get(r, 'old_code', 'oldCode'),
    oldName: get(r, 'old_name', 'oldName'),
    newCode: get(r, 'new_code', 'newCode'),
    newName: get(r, 'new_name', 'newName'),
    changedOn: get(r, 'changed_on', 'changeOccurred'),
    kind: r.kind?.trim() || undefined,
  }));
}

/** Reads either shape; the file's first character tells JSON from CSV. */
export function parseCodeChanges(source: string): ParsedChanges {
  const trimmed = source.replace(/^\uFEFF/, '').trimStart();
  let raw: RawChange[];
  if (trimmed.startsWith('{')) {
    let data: unknown;
    try {
      data = JSON.parse(trimmed);
    } catch {
      throw bad('The file starts like JSON but is not valid JSON (truncated?).');
    }
    raw = fromJson(data);
  } else {
    raw = fromCsv(trimmed);
  }
  return classifyChanges(raw);
}

/**
 * Names each change as ADR 0004 handles it. A split (one old code, several new ones) wins over
 * a merger, since a split municipality's figures cannot be divided honestly. A row keeping its
 * code counts only inside a merger (Trondheim 5001 when Klæbu joined); alone it is a new name.
 */
export function classifyChanges(raw: RawChange[]): ParsedChanges {
  raw.forEach((r, i) => {
    for (const [field, value] of [
      ['oldCode', r.oldCode],
      ['newCode', r.newCode],
    ] as const) {
      if (value && !/^\d{4}$/.test(value)) {
        throw bad(`Row ${i + 1}: ${field} "${value}" is not a four-digit number.`, field);
      }
    }
    if (!/^\d{4}-\d{2}-\d{2}$/.test(r.changedOn)) {
      throw bad(`Row ${i + 1}: the date "${r.changedOn}" is not YYYY-MM-DD.`, 'changeOccurred');
    }
    if (r.kind !== undefined && !KINDS.includes(r.kind)) {
      throw bad(`Row ${i + 1}: unknown kind "${r.kind}".`, 'kind');
    }
  });
  const real = raw.filter((r) => r.oldCode && r.newCode);
  const count = (key: (r: RawChange) => string) => {
    const m = new Map<string, number>();
    for (const r of real) m.set(key(r), (m.get(key(r)) ?? 0) + 1);
    return m;
  };
  const intoNew = count((r) => `${r.newCode}|${r.changedOn}`);
  const fromOld = count((r) => `${r.oldCode}|${r.changedOn}`);
  const rows: CodeChangeRow[] = [];
  for (const r of real) {
    const merged = (intoNew.get(`${r.newCode}|${r.changedOn}`) ?? 0) > 1;
    const split = (fromOld.get(`${r.oldCode}|${r.changedOn}`) ?? 0) > 1;
    if (r.oldCode === r.newCode && !merged) continue;
    const kind: ChangeKind = split ? 'split' : merged ? 'merged' : 'renumbered';
    rows.push({
      oldCode: r.oldCode,
      oldName: r.oldName,
      newCode: r.newCode,
      newName: r.newName,
      changedOn: r.changedOn,
      kind: r.kind ?? kind,
    });
  }
  return { rows, skipped: raw.length - rows.length };
}
