import type { Db } from '../../db/database.js';
import type { StatImportTable } from '../../db/schema.js';
import type { ParsedCell } from './statistics.cells.js';
import type { Observation } from './statistics.figures.js';

export type ImportRow = StatImportTable;

/** Rows per INSERT: 7 parameters each stays far below SQLite's and PostgreSQL's limits. */
export const BATCH_ROWS = 1000;

export async function insertImport(db: Db, row: ImportRow): Promise<void> {
  await db.insertInto('statImports').values(row).execute();
}

export async function updateImportCounts(
  db: Db,
  id: string,
  counts: { changedCount: number },
): Promise<void> {
  await db.updateTable('statImports').set(counts).where('id', '=', id).execute();
}

/** An earlier import of the same content (not the one being written, `exceptId`). */
export async function findImportByHash(
  db: Db,
  tableId: string,
  contentHash: string,
  exceptId: string,
): Promise<ImportRow | undefined> {
  return db
    .selectFrom('statImports')
    .selectAll()
    .where('tableId', '=', tableId)
    .where('contentHash', '=', contentHash)
    .where('id', '!=', exceptId)
    .orderBy('importedAt', 'desc')
    .executeTakeFirst();
}

export async function findImports(db: Db, tableId?: string, limit = 50): Promise<ImportRow[]> {
  let q = db.selectFrom('statImports').selectAll().orderBy('importedAt', 'desc').limit(limit);
  if (tableId) q = q.where('tableId', '=', tableId);
  return q.execute();
}

/** The newest SSB `updated` stamp we have imported for a table (ISO text sorts as time). */
export async function findLatestSsbUpdated(db: Db, tableId: string): Promise<string | null> {
  const row = await db
    .selectFrom('statImports')
    .select((eb) => eb.fn.max('ssbUpdated').as('latest'))
    .where('tableId', '=', tableId)
    .executeTakeFirst();
  return row?.latest ?? null;
}

/**
 * Writes cells, changing only those whose value or symbol differs, and returns how many rows
 * were inserted or changed: re-importing the same data touches nothing.
 */
export async function upsertObservations(
  db: Db,
  tableId: string,
  importId: string,
  cells: ParsedCell[],
): Promise<number> {
  if (cells.length === 0) return 0;
  const result = await db
    .insertInto('statObservations')
    .values(
      cells.map((c) => ({
        tableId,
        regionCode: c.region,
        period: c.period,
        contentsCode: c.contents,
        value: c.value,
        status: c.status,
        importId,
      })),
    )
    .onConflict((oc) =>
      oc
        .columns(['tableId', 'regionCode', 'period', 'contentsCode'])
        .doUpdateSet((eb) => ({
          value: eb.ref('excluded.value'),
          status: eb.ref('excluded.status'),
          importId: eb.ref('excluded.importId'),
        }))
        .where((eb) =>
          eb.or([
            eb('statObservations.value', 'is distinct from', eb.ref('excluded.value')),
            eb('statObservations.status', 'is distinct from', eb.ref('excluded.status')),
          ]),
        ),
    )
    .executeTakeFirst();
  return Number(result.numInsertedOrUpdatedRows ?? 0n);
}

/** The same for a table with extra dimensions: the key includes the cell's `dims`. */
export async function upsertDimObservations(
  db: Db,
  tableId: string,
  importId: string,
  cells: ParsedCell[],
): Promise<number> {
  if (cells.length === 0) return 0;
  const result = await db
    .insertInto('statDimObservations')
    .values(
      cells.map((c) => ({
        tableId,
        regionCode: c.region,
        period: c.period,
        contentsCode: c.contents,
        dims: c.dims ?? '',
        value: c.value,
        status: c.status,
        importId,
      })),
    )
    .onConflict((oc) =>
      oc
        .columns(['tableId', 'regionCode', 'period', 'contentsCode', 'dims'])
        .doUpdateSet((eb) => ({
          value: eb.ref('excluded.value'),
          status: eb.ref('excluded.status'),
          importId: eb.ref('excluded.importId'),
        }))
        .where((eb) =>
          eb.or([
            eb('statDimObservations.value', 'is distinct from', eb.ref('excluded.value')),
            eb('statDimObservations.status', 'is distinct from', eb.ref('excluded.status')),
          ]),
        ),
    )
    .executeTakeFirst();
  return Number(result.numInsertedOrUpdatedRows ?? 0n);
}

export interface DimObservation extends Observation {
  dims: string;
}

/** Cells of a table with extra dimensions for the given published codes. */
export async function findDimObservations(
  db: Db,
  tableId: string,
  regionCodes: string[],
): Promise<DimObservation[]> {
  if (regionCodes.length === 0) return [];
  return db
    .selectFrom('statDimObservations')
    .select(['regionCode', 'period', 'contentsCode', 'dims', 'value', 'status'])
    .where('tableId', '=', tableId)
    .where('regionCode', 'in', regionCodes)
    .execute();
}

export async function findObservations(
  db: Db,
  tableId: string,
  regionCodes: string[],
  periods?: string[],
): Promise<Observation[]> {
  if (regionCodes.length === 0) return [];
  let q = db
    .selectFrom('statObservations')
    .select(['regionCode', 'period', 'contentsCode', 'value', 'status'])
    .where('tableId', '=', tableId)
    .where('regionCode', 'in', regionCodes);
  if (periods) {
    if (periods.length === 0) return [];
    q = q.where('period', 'in', periods);
  }
  return q.execute();
}

/** Periods that have at least one cell for any of the codes, oldest first. */
export async function findPeriods(
  db: Db,
  tableId: string,
  regionCodes: string[],
): Promise<string[]> {
  if (regionCodes.length === 0) return [];
  const rows = await db
    .selectFrom('statObservations')
    .select('period')
    .distinct()
    .where('tableId', '=', tableId)
    .where('regionCode', 'in', regionCodes)
    .orderBy('period')
    .execute();
  return rows.map((r) => r.period);
}

export async function findLatestPeriod(
  db: Db,
  tableId: string,
  regionCodes: string[],
): Promise<string | undefined> {
  if (regionCodes.length === 0) return undefined;
  const row = await db
    .selectFrom('statObservations')
    .select((eb) => eb.fn.max('period').as('latest'))
    .where('tableId', '=', tableId)
    .where('regionCode', 'in', regionCodes)
    .executeTakeFirst();
  return row?.latest ?? undefined;
}

export async function countObservations(db: Db, tableId: string): Promise<number> {
  let n = 0;
  for (const from of ['statObservations', 'statDimObservations'] as const) {
    const row = await db
      .selectFrom(from)
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .where('tableId', '=', tableId)
      .executeTakeFirstOrThrow();
    n += Number(row.n);
  }
  return n;
}
