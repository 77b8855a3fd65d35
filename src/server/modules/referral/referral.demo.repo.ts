import type { Insertable } from 'kysely';
import type { Db } from '../../db/database.js';
import type {
  CallTable,
  PostcardBatchItemTable,
  PostcardBatchTable,
  ProspectTable,
  ProspectTipTable,
  TipTable,
} from '../../db/schema.js';

/**
 * SQL of the referral demo seeder (referral.demo.ts): removing one region's campaigns with
 * everything on them, and writing the demo's rows a table at a time.
 */

/**
 * Deletes every campaign of the region and all that hangs on them, children first (SQLite
 * and PostgreSQL check foreign keys per statement). Only rows of the region's campaigns are
 * touched; suppressions hold no region and are left alone. One statement per table.
 */
export async function deleteCampaignsOfRegion(db: Db, regionId: string): Promise<void> {
  const campaigns = db.selectFrom('campaigns').select('id').where('regionId', '=', regionId);
  await db.deleteFrom('followUpTasks').where('campaignId', 'in', campaigns).execute();
  await db.deleteFrom('claims').where('campaignId', 'in', campaigns).execute();
  await db.deleteFrom('calls').where('campaignId', 'in', campaigns).execute();
  await db.deleteFrom('duplicateProposals').where('campaignId', 'in', campaigns).execute();
  await db
    .deleteFrom('postcardBatchItems')
    .where('batchId', 'in', (eb) =>
      eb.selectFrom('postcardBatches').select('id').where('campaignId', 'in', campaigns),
    )
    .execute();
  await db.deleteFrom('postcardBatches').where('campaignId', 'in', campaigns).execute();
  await db
    .deleteFrom('prospectTips')
    .where('tipId', 'in', (eb) =>
      eb.selectFrom('tips').select('id').where('campaignId', 'in', campaigns),
    )
    .execute();
  await db.deleteFrom('tips').where('campaignId', 'in', campaigns).execute();
  await db.deleteFrom('prospects').where('campaignId', 'in', campaigns).execute();
  await db.deleteFrom('campaigns').where('regionId', '=', regionId).execute();
}

/** The opt-out codes among these that some prospect (of any region) already has. */
export async function findTakenOptOutCodes(db: Db, codes: string[]): Promise<string[]> {
  if (codes.length === 0) return [];
  const rows = await db
    .selectFrom('prospects')
    .select('optOutCode')
    .where('optOutCode', 'in', codes)
    .execute();
  return rows.map((r) => r.optOutCode);
}

export interface DemoRows {
  prospects: Insertable<ProspectTable>[];
  tips: Insertable<TipTable>[];
  prospectTips: Insertable<ProspectTipTable>[];
  batches: Insertable<PostcardBatchTable>[];
  batchItems: Insertable<PostcardBatchItemTable>[];
  calls: Insertable<CallTable>[];
}

/** Well under SQLite's and PostgreSQL's limits on bound values per statement. */
const ROWS_PER_STATEMENT = 200;

function chunks<T>(rows: T[]): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < rows.length; i += ROWS_PER_STATEMENT) {
    out.push(rows.slice(i, i + ROWS_PER_STATEMENT));
  }
  return out;
}

/** Writes the rows a table at a time, parents first; every row of a table has every column. */
export async function insertDemoRows(db: Db, rows: DemoRows): Promise<void> {
  for (const part of chunks(rows.prospects))
    await db.insertInto('prospects').values(part).execute();
  for (const part of chunks(rows.tips)) await db.insertInto('tips').values(part).execute();
  for (const part of chunks(rows.prospectTips)) {
    await db.insertInto('prospectTips').values(part).execute();
  }
  for (const part of chunks(rows.batches)) {
    await db.insertInto('postcardBatches').values(part).execute();
  }
  for (const part of chunks(rows.batchItems)) {
    await db.insertInto('postcardBatchItems').values(part).execute();
  }
  for (const part of chunks(rows.calls)) await db.insertInto('calls').values(part).execute();
}

/** The hosts already did what these prospects' follow-up tasks asked (they went further). */
export async function markTasksDone(db: Db, prospectIds: string[], at: string): Promise<void> {
  if (prospectIds.length === 0) return;
  await db
    .updateTable('followUpTasks')
    .set({ status: 'done', doneAt: at })
    .where('prospectId', 'in', prospectIds)
    .execute();
}
