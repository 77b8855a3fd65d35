import type { Db } from '../../db/database.js';

/** The quarterly runs: which region's report for which quarter has been sent. */

export async function hasRun(db: Db, regionId: string, quarter: string): Promise<boolean> {
  const row = await db
    .selectFrom('reportRuns')
    .select('id')
    .where('regionId', '=', regionId)
    .where('quarter', '=', quarter)
    .executeTakeFirst();
  return row !== undefined;
}

export interface RunRow {
  id: string;
  regionId: string;
  quarter: string;
  status: 'sent' | 'no_data';
  recipients: number;
  pages: number;
  createdAt: string;
}

/** Records a run; false when the region's quarter was already recorded (by another process). */
export async function insertRun(db: Db, row: RunRow): Promise<boolean> {
  const result = await db
    .insertInto('reportRuns')
    .values(row)
    .onConflict((oc) => oc.columns(['regionId', 'quarter']).doNothing())
    .executeTakeFirst();
  return Number(result.numInsertedOrUpdatedRows ?? 0) > 0;
}

export async function listRuns(db: Db, regionId: string): Promise<RunRow[]> {
  const rows = await db
    .selectFrom('reportRuns')
    .selectAll()
    .where('regionId', '=', regionId)
    .orderBy('quarter')
    .execute();
  return rows.map((r) => ({ ...r, status: r.status as RunRow['status'] }));
}
