import JSONstat, { type JsonStatNode } from 'jsonstat-toolkit';
import type { FieldIssue } from '../../errors.js';
import {
  fileError,
  type ParsedCell,
  type ParsedTable,
  REGION_CODE,
  STATUS_SYMBOLS,
  type StatFormat,
} from './statistics.cells.js';
import { parseSsbCsv } from './statistics.csv.js';
import { dimsKey, getTableDefinition, type TableDefinition } from './statistics.tables.js';

const MAX_ISSUES = 10;

/** Reads a JSON-stat 1.0/2.0 or SSB CSV file of the given table; throws naming what is wrong. */
export function parseStatFile(text: string, expectedTable: string): ParsedTable {
  const table = getTableDefinition(expectedTable);
  const body = text.replace(/^\uFEFF/, '');
  if (body.trim() === '') throw fileError('The file is empty.');
  if (body.trimStart().startsWith('{')) {
    let json: unknown;
    try {
      json = JSON.parse(body);
    } catch (error) {
      throw fileError(`The file is not valid JSON (truncated?): ${(error as Error).message}.`);
    }
    return parseJsonStat(json, table);
  }
  return parseSsbCsv(body, table);
}

/** The same for JSON already parsed (an API request body). */
export function parseStatJson(json: unknown, expectedTable: string): ParsedTable {
  return parseJsonStat(json, getTableDefinition(expectedTable));
}

type JsonObject = Record<string, unknown>;
const isObject = (v: unknown): v is JsonObject =>
  typeof v === 'object' && v !== null && !Array.isArray(v);

/** Checks the cube's shape before the toolkit reads it: the toolkit pads short data silently. */
function checkShape(ds: JsonObject, where: string): number {
  const dimension = ds.dimension;
  if (!isObject(dimension)) throw fileError(`${where}: no "dimension" object.`);
  const ids = ds.id ?? dimension.id;
  const size = ds.size ?? dimension.size;
  if (!Array.isArray(ids) || !ids.every((i) => typeof i === 'string')) {
    throw fileError(`${where}: "id" must list the dimension ids.`);
  }
  if (!Array.isArray(size) || size.length !== ids.length) {
    throw fileError(`${where}: "size" must give one size per dimension in "id".`);
  }
  ids.forEach((id, k) => {
    const dim = dimension[id];
    const category = isObject(dim) ? dim.category : undefined;
    if (!isObject(category)) throw fileError(`${where}: dimension ${id} has no categories.`);
    const index = category.index ?? category.label;
    const count = Array.isArray(index)
      ? index.length
      : isObject(index)
        ? Object.keys(index).length
        : 0;
    if (count !== size[k]) {
      throw fileError(
        `${where}: dimension ${id} lists ${count} categories but its size is ${String(size[k])}.`,
      );
    }
  });
  const cells = (size as number[]).reduce((a, b) => a * b, 1);
  const value = ds.value;
  if (Array.isArray(value)) {
    if (value.length !== cells) {
      throw fileError(
        `${where}: "value" has ${value.length} cells but the dimensions (${size.join(' × ')}) need ${cells}: the file is truncated or wrong-shaped.`,
      );
    }
  } else if (!isObject(value)) {
    throw fileError(`${where}: no "value" list.`);
  }
  return cells;
}

function unwrap(json: unknown): { ds: JsonObject; format: StatFormat } {
  if (!isObject(json)) throw fileError('The file is not a JSON-stat object.');
  if (json.class === 'dataset') {
    if (json.version !== '2.0') {
      throw fileError(`Unsupported JSON-stat version ${String(json.version ?? '(none)')}.`);
    }
    return { ds: json, format: 'json-stat2' };
  }
  if (json.class === undefined) {
    // JSON-stat 1.0: a bundle of named datasets; SSB's "ferdige datasett" hold one, "dataset".
    const names = Object.keys(json).filter((k) => isObject(json[k]));
    if (names.length !== 1) {
      throw fileError(
        names.length === 0
          ? 'The file is neither JSON-stat 2.0 nor a JSON-stat 1.0 bundle.'
          : `The JSON-stat 1.0 bundle holds ${names.length} datasets (${names.join(', ')}); import one at a time.`,
      );
    }
    const ds = json[names[0]!] as JsonObject;
    if (!isObject(ds.dimension)) {
      throw fileError('The file is neither JSON-stat 2.0 nor a JSON-stat 1.0 bundle.');
    }
    return { ds, format: 'json-stat1' };
  }
  throw fileError(`A JSON-stat "${String(json.class)}" cannot be imported; send a dataset.`);
}

function tableIdOf(ds: JsonObject): string | null {
  const ext = isObject(ds.extension) ? ds.extension : undefined;
  const px = ext && isObject(ext.px) ? ext.px : undefined;
  if (px && typeof px.tableid === 'string') return px.tableid;
  const m = typeof ds.label === 'string' ? /^(\d{5}):/.exec(ds.label) : null;
  return m ? m[1]! : null;
}

interface Axes {
  region: string;
  contents: string;
  time: string;
  /** The table's extra dimensions (ids as in the file and the definition). */
  extra: string[];
}

/** Which dimension is which: by role where SSB sent one (07459 once lacked role.geo), else by id. */
function axesOf(node: JsonStatNode, table: TableDefinition<string>): Axes {
  const role = node.role ?? {};
  const pick = (r: string, fallback: string) => role[r]?.[0] ?? fallback;
  const main = {
    region: pick('geo', 'Region'),
    contents: pick('metric', 'ContentsCode'),
    time: pick('time', 'Tid'),
  };
  const extra = (table.dimensions ?? []).map((d) => d.id);
  const axes: Axes = { ...main, extra };
  for (const [name, id] of [...Object.entries(main), ...extra.map((e) => [e, e] as const)]) {
    if (!node.id.includes(id)) {
      throw fileError(
        `Table ${table.id} needs a ${name} dimension "${id}"; the file has ${node.id.join(', ')}.`,
      );
    }
  }
  const known = new Set([...Object.values(main), ...extra]);
  for (const id of node.id) {
    if (!known.has(id) && (node.Dimension(id)?.length ?? 0) > 1) {
      throw fileError(`Unexpected dimension "${id}" for table ${table.id}.`);
    }
  }
  return axes;
}

function checkCodes(node: JsonStatNode, axes: Axes, table: TableDefinition<string>): void {
  const known = new Set(table.contents.map((c) => c.code));
  const contents = node.Dimension(axes.contents)!.id;
  const unknown = contents.filter((c) => !known.has(c));
  if (unknown.length > 0) {
    throw fileError(
      `Unknown contents code${unknown.length > 1 ? 's' : ''} for table ${table.id}: ${unknown.join(', ')}.`,
      unknown.map((c) => ({ field: axes.contents, message: `Unknown contents code ${c}` })),
    );
  }
  const badPeriods = node.Dimension(axes.time)!.id.filter((p) => !table.periodPattern.test(p));
  if (badPeriods.length > 0) {
    throw fileError(
      `Periods not of table ${table.id}'s form: ${badPeriods.slice(0, MAX_ISSUES).join(', ')}.`,
    );
  }
  for (const d of table.dimensions ?? []) {
    const bad = node.Dimension(d.id)!.id.filter((c) => !d.code.test(c));
    if (bad.length > 0) {
      throw fileError(
        `Codes of ${d.id} not of table ${table.id}'s form: ${bad.slice(0, MAX_ISSUES).join(', ')}.`,
      );
    }
  }
  const badRegions = node.Dimension(axes.region)!.id.filter((r) => !REGION_CODE.test(r));
  if (badRegions.length > 0) {
    throw fileError(`Malformed region codes: ${badRegions.slice(0, MAX_ISSUES).join(', ')}.`);
  }
}

/** A JSON-stat value as a number or a status symbol; anything else is an error. */
export function readValue(
  raw: unknown,
  status: string | null,
): { value: number | null; status: string | null } | null {
  if (typeof raw === 'number' && Number.isFinite(raw)) return { value: raw, status };
  if (raw === null || raw === undefined) return { value: null, status: status ?? null };
  if (typeof raw === 'string' && (STATUS_SYMBOLS as readonly string[]).includes(raw.trim())) {
    return { value: null, status: raw.trim() };
  }
  return null;
}

export function parseJsonStat(json: unknown, table: TableDefinition<string>): ParsedTable {
  const { ds, format } = unwrap(json);
  const where = format === 'json-stat1' ? 'JSON-stat 1.0 dataset' : 'JSON-stat 2.0 dataset';
  checkShape(ds, where);
  const fileTable = tableIdOf(ds);
  if (fileTable && fileTable !== table.id) {
    throw fileError(`The file holds table ${fileTable}, not ${table.id}.`, [
      { field: 'table', message: `The file is table ${fileTable}` },
    ]);
  }
  const node = JSONstat(format === 'json-stat1' ? { dataset: ds } : ds);
  const dataset = format === 'json-stat1' ? node.Dataset(0) : node;
  if (dataset?.class !== 'dataset') throw fileError(`${where}: unreadable.`);
  const axes = axesOf(dataset, table);
  checkCodes(dataset, axes, table);

  const issues: FieldIssue[] = [];
  const cells: ParsedCell[] = [];
  dataset.Unflatten((coords, cell) => {
    const read = readValue(cell.value, cell.status);
    const extra = axes.extra.map((id) => `, ${id}=${coords[id]}`).join('');
    const key = `${axes.region}=${coords[axes.region]}, ${axes.contents}=${coords[axes.contents]}, ${axes.time}=${coords[axes.time]}${extra}`;
    if (!read) {
      if (issues.length < MAX_ISSUES) {
        issues.push({
          field: 'value',
          message: `Not a number at ${key}: ${JSON.stringify(cell.value)}`,
        });
      }
      return undefined;
    }
    cells.push({
      region: coords[axes.region]!,
      contents: coords[axes.contents]!,
      period: coords[axes.time]!,
      ...read,
      ...(axes.extra.length > 0 ? { dims: dimsKey(table, coords) } : {}),
    });
    return undefined;
  });
  if (issues.length > 0) {
    throw fileError(`The file has values that are not numbers: ${issues[0]!.message}.`, issues);
  }
  const regionDim = dataset.Dimension(axes.region)!;
  const regionLabels = new Map(
    regionDim.id.map((code) => [code, regionDim.Category(code)?.label ?? code] as const),
  );
  return {
    tableId: table.id,
    format,
    label: typeof ds.label === 'string' ? ds.label : null,
    updated: typeof ds.updated === 'string' ? ds.updated : null,
    regionLabels,
    cells,
  };
}
