import { createHash } from 'node:crypto';
import type { Db } from '../../db/database.js';
import { newId } from '../../db/portable.js';
import type { Clock } from '../../deps.js';
import { AppError } from '../../errors.js';
import { listAllMunicipalities, listMunicipalityCodeChanges } from '../regions/regions.service.js';
import type { ParsedCell, ParsedTable, StatFormat } from './statistics.cells.js';
import * as repo from './statistics.repo.js';
import { getTableDefinition } from './statistics.tables.js';

export interface ImportSource {
  /** 'file' (a file a person gave us) or 'api' (fetched from SSB's PxWebApi). */
  kind: 'file' | 'api';
  /** The file name or the URL. */
  name: string;
  /** When the data was read from SSB; defaults to now. */
  fetchedAt?: Date;
}

export interface ImportProgress {
  written: number;
  total: number;
}

export interface ImportResult {
  status: 'imported' | 'unchanged';
  importId: string;
  tableId: string;
  format: StatFormat;
  ssbUpdated: string | null;
  cells: number;
  changed: number;
  firstPeriod: string | null;
  lastPeriod: string | null;
  regions: number;
  /** Codes that are neither a municipality (now or earlier), a county, nor the country. */
  unknownRegions: string[];
}

class NothingChanged extends Error {}

/**
 * Identifies the content: table, SSB's stamp and every cell in the order published. The same
 * data in another order or format hashes differently, but then no cell changes either, so the
 * import still changes no figure (it only records that the source was read).
 */
export function contentHash(table: ParsedTable): string {
  const hash = createHash('sha256');
  hash.update(`${table.tableId}\n${table.updated ?? ''}\n`);
  for (const c of table.cells) {
    // Extra dimensions only where a table has them, so 01222's hashes stay as they were.
    const dims = c.dims === undefined ? '' : `\t${c.dims}`;
    hash.update(
      `${c.region}\t${c.period}\t${c.contents}${dims}\t${c.value ?? ''}\t${c.status ?? ''}\n`,
    );
  }
  return hash.digest('hex');
}

/** Several responses of one table (API chunks) as one import. */
export function mergeParsed(parts: ParsedTable[]): ParsedTable {
  const first = parts[0];
  if (!first) throw new AppError('validation', 'Nothing to import.');
  const cells: ParsedCell[] = [];
  const regionLabels = new Map<string, string>();
  let updated = first.updated;
  for (const p of parts) {
    if (p.tableId !== first.tableId)
      throw new AppError('validation', 'Mixed tables in one import.');
    cells.push(...p.cells);
    for (const [k, v] of p.regionLabels) regionLabels.set(k, v);
    if (p.updated && (!updated || p.updated > updated)) updated = p.updated;
  }
  return { ...first, updated, regionLabels, cells };
}

async function unknownRegionsOf(db: Db, codes: Set<string>): Promise<string[]> {
  const known = new Set<string>(['0']);
  for (const m of await listAllMunicipalities(db)) {
    known.add(m.code).add(`K-${m.code}`).add(m.countyCode);
  }
  for (const c of await listMunicipalityCodeChanges(db)) known.add(c.oldCode);
  return [...codes].filter((c) => !known.has(c) && !/^\d{2}$/.test(c)).sort();
}

/**
 * Writes the import's provenance row and its cells inside the caller's transaction; returns
 * how many cells were new or changed.
 */
export async function writeImport(
  trx: Db,
  clock: Clock,
  table: ParsedTable,
  source: ImportSource,
  importId: string,
  hash: string,
  onProgress?: (p: ImportProgress) => void,
): Promise<number> {
  await repo.insertImport(trx, {
    id: importId,
    tableId: table.tableId,
    format: table.format,
    source: `${source.kind}:${source.name}`,
    label: table.label,
    ssbUpdated: table.updated,
    fetchedAt: (source.fetchedAt ?? clock.now()).toISOString(),
    importedAt: clock.now().toISOString(),
    cellCount: table.cells.length,
    changedCount: 0,
    contentHash: hash,
  });
  let changedCount = 0;
  const upsert = getTableDefinition(table.tableId).dimensions?.length
    ? repo.upsertDimObservations
    : repo.upsertObservations;
  for (let i = 0; i < table.cells.length; i += repo.BATCH_ROWS) {
    const batch = table.cells.slice(i, i + repo.BATCH_ROWS);
    changedCount += await upsert(trx, table.tableId, importId, batch);
    onProgress?.({ written: i + batch.length, total: table.cells.length });
  }
  await repo.updateImportCounts(trx, importId, { changedCount });
  return changedCount;
}

/**
 * Imports one table in one transaction: every cell or none (a crash midway leaves the
 * previous data as it was). Cells whose value and symbol are unchanged are not touched, and an
 * import of data already imported (same content hash) writes nothing at all.
 */
export async function importTable(
  db: Db,
  clock: Clock,
  table: ParsedTable,
  source: ImportSource,
  onProgress?: (p: ImportProgress) => void,
): Promise<ImportResult> {
  if (table.cells.length === 0) throw new AppError('validation', 'The data holds no cells.');
  const hash = contentHash(table);
  const periods = [...new Set(table.cells.map((c) => c.period))].sort();
  const regionCodes = new Set(table.cells.map((c) => c.region));
  const base = {
    tableId: table.tableId,
    format: table.format,
    ssbUpdated: table.updated,
    cells: table.cells.length,
    firstPeriod: periods[0] ?? null,
    lastPeriod: periods[periods.length - 1] ?? null,
    regions: regionCodes.size,
    unknownRegions: await unknownRegionsOf(db, regionCodes),
  };
  const importId = newId();
  try {
    const changed = await db.transaction().execute(async (trx) => {
      const changedCount = await writeImport(trx, clock, table, source, importId, hash, onProgress);
      if (changedCount === 0) {
        const earlier = await repo.findImportByHash(trx, table.tableId, hash, importId);
        if (earlier) throw new NothingChanged(earlier.id);
      }
      return changedCount;
    });
    return { status: 'imported', importId, changed, ...base };
  } catch (error) {
    if (error instanceof NothingChanged) {
      return { status: 'unchanged', importId: error.message, changed: 0, ...base };
    }
    throw error;
  }
}

export interface ImportRecord {
  id: string;
  tableId: string;
  format: string;
  source: string;
  label: string | null;
  ssbUpdated: string | null;
  fetchedAt: string;
  importedAt: string;
  cellCount: number;
  changedCount: number;
}

const toRecord = ({ contentHash: _hash, ...row }: repo.ImportRow): ImportRecord => row;

/** Provenance, newest first: what was imported from where, and when. */
export async function listImports(db: Db, tableId?: string, limit = 50): Promise<ImportRecord[]> {
  return (await repo.findImports(db, tableId, limit)).map(toRecord);
}

/** How many cells of a table are stored. */
export async function countCells(db: Db, tableId: string): Promise<number> {
  return repo.countObservations(db, tableId);
}

/** The newest SSB `updated` stamp imported for a table, for the scheduled check. */
export async function latestSsbUpdated(db: Db, tableId: string): Promise<string | null> {
  return repo.findLatestSsbUpdated(db, tableId);
}
