import { parse as parseCsv } from 'csv-parse';
import { AppError } from '../../errors.js';

/**
 * Enhetsregisteret's bulk files (data.brreg.no `/enhetsregisteret/api/enheter/lastned` and
 * `/lastned/csv`): a JSON array of enheter, or CSV with dotted headers
 * (`forretningsadresse.kommunenummer`). Both are read as a stream, one row at a time, so a
 * national file (over a million rows) never sits in memory; only the region's rows are kept.
 */

/** One register row, flattened to the fields we use (CSV names; JSON is flattened to them). */
export type RawRow = Record<string, unknown>;

/** Rows with their 1-based number (JSON: position in the array; CSV: data line after the header). */
export type RowSink = (row: RawRow, rowNumber: number) => void;

export const notBrreg = (why: string) =>
  new AppError('validation', `Not an Enhetsregisteret file: ${why}.`, {
    details: [{ field: 'file', message: `Not an Enhetsregisteret file: ${why}` }],
  });

/** `{a:{b:1}}` → `{'a.b':1}`, as the CSV names the same fields. Arrays stay arrays. */
export function flatten(value: Record<string, unknown>, prefix = '', out: RawRow = {}): RawRow {
  for (const [key, v] of Object.entries(value)) {
    const name = prefix ? `${prefix}.${key}` : key;
    if (v && typeof v === 'object' && !Array.isArray(v)) {
      flatten(v as Record<string, unknown>, name, out);
    } else out[name] = v;
  }
  return out;
}

/**
 * Splits a top-level JSON array into its element texts as chunks arrive, tracking only
 * nesting depth and strings: each element is then parsed on its own, and a broken element
 * is a bad row rather than a broken file.
 */
class ArraySplitter {
  private depth = 0;
  private inString = false;
  private escaped = false;
  private started = false;
  private ended = false;
  private current = '';
  rows = 0;

  constructor(private readonly onElement: (text: string, n: number) => void) {}

  push(chunk: string): void {
    for (let i = 0; i < chunk.length; i++) {
      const ch = chunk[i]!;
      if (!this.started) {
        if (/\s/.test(ch) || ch === '\uFEFF') continue;
        if (ch !== '[') throw notBrreg('JSON that is not a list of units');
        this.started = true;
        continue;
      }
      if (this.ended) {
        if (!/\s/.test(ch)) throw notBrreg('text after the end of the list');
        continue;
      }
      if (this.inString) {
        this.current += ch;
        if (this.escaped) this.escaped = false;
        else if (ch === '\\') this.escaped = true;
        else if (ch === '"') this.inString = false;
        continue;
      }
      if (this.depth === 0) {
        if (ch === ']') {
          this.flush();
          this.ended = true;
        } else if (ch === ',') this.flush();
        else if (!/\s/.test(ch)) {
          this.current += ch;
          if (ch === '{' || ch === '[') this.depth = 1;
          else if (ch === '"') this.inString = true;
        }
        continue;
      }
      this.current += ch;
      if (ch === '"') this.inString = true;
      else if (ch === '{' || ch === '[') this.depth += 1;
      else if (ch === '}' || ch === ']') this.depth -= 1;
    }
  }

  private flush(): void {
    const text = this.current.trim();
    this.current = '';
    if (text === '') return;
    this.rows += 1;
    this.onElement(text, this.rows);
  }

  finish(): void {
    if (!this.started) throw notBrreg('an empty file');
    if (!this.ended) throw notBrreg('the JSON list is cut off (no closing ])');
  }
}

const looksLikeUnit = (row: RawRow) => 'organisasjonsnummer' in row || 'navn' in row;

async function readJson(chunks: AsyncIterable<string>, sink: RowSink): Promise<number> {
  let recognised = 0;
  const splitter = new ArraySplitter((text, n) => {
    let value: unknown;
    try {
      value = JSON.parse(text);
    } catch {
      sink({ __broken: 'Not valid JSON' }, n);
      return;
    }
    if (!value || typeof value !== 'object' || Array.isArray(value)) {
      sink({ __broken: 'Not a unit (an object)' }, n);
      return;
    }
    const row = flatten(value as Record<string, unknown>);
    if (looksLikeUnit(row)) recognised += 1;
    else if (recognised === 0 && n >= 20) throw notBrreg('no unit has an organisasjonsnummer');
    sink(row, n);
  });
  for await (const chunk of chunks) splitter.push(chunk);
  splitter.finish();
  if (splitter.rows > 0 && recognised === 0) throw notBrreg('no unit has an organisasjonsnummer');
  return splitter.rows;
}

const REQUIRED_COLUMNS = ['organisasjonsnummer', 'navn'] as const;

async function readCsv(chunks: AsyncIterable<string>, sink: RowSink): Promise<number> {
  let rows = 0;
  let header: string[] | null = null;
  const parser = parseCsv({
    delimiter: [';', ','],
    bom: true,
    relax_column_count: true,
    skip_empty_lines: true,
    trim: true,
  });
  const feed = (async () => {
    try {
      for await (const chunk of chunks) {
        if (!parser.write(chunk)) await new Promise((r) => parser.once('drain', r));
      }
      parser.end();
    } catch (error) {
      parser.destroy(error as Error);
    }
  })();
  try {
    for await (const record of parser as AsyncIterable<string[]>) {
      if (!header) {
        header = record.map((h) => h.replace(/^"|"$/g, ''));
        const missing = REQUIRED_COLUMNS.filter((c) => !header!.includes(c));
        if (missing.length) throw notBrreg(`the header has no ${missing.join(' or ')} column`);
        continue;
      }
      rows += 1;
      if (record.length !== header.length) {
        sink({ __broken: `Has ${record.length} fields, the header ${header.length}` }, rows);
        continue;
      }
      const row: RawRow = {};
      header.forEach((name, i) => {
        row[name] = record[i];
      });
      sink(row, rows);
    }
  } catch (error) {
    // Only the parser's own errors say the file is broken; anything else is ours to see.
    const code = (error as { code?: unknown }).code;
    if (!(typeof code === 'string' && code.startsWith('CSV_'))) throw error;
    const line = (error as { lines?: number }).lines;
    throw notBrreg(`the CSV cannot be read${line ? ` at line ${line}` : ''}`);
  }
  await feed;
  if (!header) throw notBrreg('an empty file');
  return rows;
}

/** Reads the first characters to tell JSON from CSV, then streams the rest through. */
export async function readBrregFile(
  chunks: AsyncIterable<string>,
  sink: RowSink,
): Promise<{ format: 'json' | 'csv'; rows: number }> {
  const iterator = chunks[Symbol.asyncIterator]();
  const buffered: string[] = [];
  let head = '';
  while (head.trim().replace(/^\uFEFF/, '') === '') {
    const next = await iterator.next();
    if (next.done) throw notBrreg('an empty file');
    buffered.push(next.value);
    head += next.value;
  }
  const rest: AsyncIterable<string> = {
    async *[Symbol.asyncIterator]() {
      yield* buffered;
      for (let n = await iterator.next(); !n.done; n = await iterator.next()) yield n.value;
    },
  };
  const first = head.replace(/^\uFEFF/, '').trimStart()[0];
  if (first === '[') return { format: 'json', rows: await readJson(rest, sink) };
  if (first === '{') throw notBrreg('JSON that is not a list of units (use the bulk download)');
  return { format: 'csv', rows: await readCsv(rest, sink) };
}

/** Text chunks from a string, a Buffer, or a byte stream (UTF-8). */
export async function* textChunks(
  source: string | Buffer | AsyncIterable<Buffer | string>,
): AsyncIterable<string> {
  if (typeof source === 'string') {
    for (let i = 0; i < source.length; i += 64 * 1024) yield source.slice(i, i + 64 * 1024);
    return;
  }
  const decoder = new TextDecoder('utf-8');
  if (Buffer.isBuffer(source)) {
    yield decoder.decode(source);
    return;
  }
  for await (const chunk of source) {
    yield typeof chunk === 'string' ? chunk : decoder.decode(chunk, { stream: true });
  }
  const tail = decoder.decode();
  if (tail) yield tail;
}
