import type { Insertable } from 'kysely';
import type { Db } from '../../db/database.js';
import type { FollowUpTaskTable } from '../../db/schema.js';

/** Inserts tasks; one already made for the same prospect, call and kind is left as it is. */
export async function insertTasks(db: Db, rows: Insertable<FollowUpTaskTable>[]): Promise<void> {
  if (!rows.length) return;
  await db
    .insertInto('followUpTasks')
    .values(rows)
    .onConflict((oc) => oc.columns(['prospectId', 'callId', 'kind']).doNothing())
    .execute();
}
