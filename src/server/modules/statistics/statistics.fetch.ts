import type { Db } from '../../db/database.js';
import type { Clock } from '../../deps.js';
import {
  type ImportProgress,
  type ImportResult,
  importTable,
  latestSsbUpdated,
  mergeParsed,
} from './statistics.import.js';
import { parseStatJson } from './statistics.parse.js';
import type { ChunkProgress, PxWebClient } from './statistics.pxweb.js';
import { getTableDefinition } from './statistics.tables.js';

export interface FetchProgress {
  fetch?: ChunkProgress;
  write?: ImportProgress;
}

/** Fetches a whole table from SSB's PxWebApi v2 and imports it as one transaction. */
export async function importFromSsb(
  db: Db,
  clock: Clock,
  client: PxWebClient,
  tableId: string,
  options: { municipalities?: string[]; from?: string } = {},
  onProgress?: (p: FetchProgress) => void,
): Promise<ImportResult> {
  getTableDefinition(tableId);
  const fetchedAt = clock.now();
  const responses = await client.fetchTable(tableId, options, (fetch) => onProgress?.({ fetch }));
  const parsed = mergeParsed(responses.map((r) => parseStatJson(r, tableId)));
  return importTable(
    db,
    clock,
    parsed,
    { kind: 'api', name: `${client.describe()}/tables/${tableId}`, fetchedAt },
    (write) => onProgress?.({ write }),
  );
}

export interface UpdateCheck {
  tableId: string;
  ssbUpdated: string | null;
  importedUpdated: string | null;
  result: ImportResult | null;
}

/**
 * The scheduled check: imports the table when SSB's `updated` stamp is newer than the newest
 * one imported (or nothing was imported yet); otherwise only asks SSB one question.
 */
export async function importIfUpdated(
  db: Db,
  clock: Clock,
  client: PxWebClient,
  tableId: string,
  options: { municipalities?: string[]; from?: string } = {},
): Promise<UpdateCheck> {
  const info = await client.tableInfo(tableId);
  const importedUpdated = await latestSsbUpdated(db, tableId);
  const newer =
    !importedUpdated ||
    (info.updated !== null && Date.parse(info.updated) > Date.parse(importedUpdated));
  const result = newer ? await importFromSsb(db, clock, client, tableId, options) : null;
  return { tableId, ssbUpdated: info.updated, importedUpdated, result };
}
