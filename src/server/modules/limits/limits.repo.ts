import { sql } from 'kysely';
import type { Db } from '../../db/database.js';

/**
 * Counts one hit in a fixed window, atomically, in the database, so every app process
 * shares the count. Returns the hits in the current window and when it started.
 */
export async function incrementWindow(
  db: Db,
  key: string,
  now: string,
  windowStartCutoff: string,
): Promise<{ hits: number; windowStart: string }> {
  const row = await db
    .insertInto('rateLimits')
    .values({ key, windowStart: now, hits: 1 })
    .onConflict((oc) =>
      oc.column('key').doUpdateSet({
        hits: sql`case when rate_limits.window_start < ${windowStartCutoff} then 1 else rate_limits.hits + 1 end`,
        windowStart: sql`case when rate_limits.window_start < ${windowStartCutoff} then ${now} else rate_limits.window_start end`,
      }),
    )
    .returning(['hits', 'windowStart'])
    .executeTakeFirstOrThrow();
  return { hits: Number(row.hits), windowStart: row.windowStart };
}

export async function deleteStaleWindows(db: Db, before: string): Promise<void> {
  await db.deleteFrom('rateLimits').where('windowStart', '<', before).execute();
}
