import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Db } from '../../db/database.js';
import { newId } from '../../db/portable.js';
import type { Clock } from '../../deps.js';
import { dataDir } from '../../paths.js';
import type { DemoSeeder } from '../demo.js';
import { contentHash, countCells, writeImport } from './statistics.import.js';
import { parseStatFile } from './statistics.parse.js';

/** The real SSB snapshot shipped with Flytthit (data/PROVENANCE.md). */
export const SNAPSHOT_FILE = 'source/ssb/api-examples/v0/dataset1108_2015K1_jsonstat1.json';

/**
 * Gives the demo region real figures to show: SSB's 2015K1 dataset (all municipalities, so
 * every region benefits). Real data, not invented, and national rather than the demo region's
 * own, so it is only loaded into an empty table and never replaced or removed by `flytthit demo`.
 */
export async function seedSnapshotIfEmpty(trx: Db, clock: Clock): Promise<boolean> {
  if ((await countCells(trx, '01222')) > 0) return false;
  const table = parseStatFile(readFileSync(join(dataDir, SNAPSHOT_FILE), 'utf8'), '01222');
  await writeImport(
    trx,
    clock,
    table,
    { kind: 'file', name: SNAPSHOT_FILE.split('/').pop()! },
    newId(),
    contentHash(table),
  );
  return true;
}

export const statisticsDemoSeeder: DemoSeeder = {
  name: 'statistics (real SSB snapshot 2015K1, when none is imported)',
  seed: async (db, clock) => {
    await seedSnapshotIfEmpty(db, clock);
  },
};
