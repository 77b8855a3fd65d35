import type { Db } from '../db/database.js';

/**
 * Takes the lease `name` for `holder` until `expiresAt`, in one statement: it inserts the
 * lease, or takes it over when it has expired or is already ours. Atomic on both dialects
 * (INSERT … ON CONFLICT DO UPDATE … WHERE locks the row), so two processes never both win.
 */
export async function tryTakeLease(
  db: Db,
  lease: { name: string; holder: string; expiresAt: string; now: string },
): Promise<boolean> {
  const row = await db
    .insertInto('jobLeases')
    .values({ name: lease.name, holder: lease.holder, expiresAt: lease.expiresAt })
    .onConflict((oc) =>
      oc
        .column('name')
        .doUpdateSet((eb) => ({
          holder: eb.ref('excluded.holder'),
          expiresAt: eb.ref('excluded.expiresAt'),
        }))
        .where((eb) =>
          eb.or([
            eb('jobLeases.expiresAt', '<=', lease.now),
            eb('jobLeases.holder', '=', lease.holder),
          ]),
        ),
    )
    .returning('holder')
    .executeTakeFirst();
  return row?.holder === lease.holder;
}

/** Gives the lease back, only if we still hold it (it may have expired and moved on). */
export async function releaseLease(db: Db, name: string, holder: string): Promise<void> {
  await db.deleteFrom('jobLeases').where('name', '=', name).where('holder', '=', holder).execute();
}

export async function findLease(
  db: Db,
  name: string,
): Promise<{ holder: string; expiresAt: string } | undefined> {
  return db
    .selectFrom('jobLeases')
    .select(['holder', 'expiresAt'])
    .where('name', '=', name)
    .executeTakeFirst();
}
