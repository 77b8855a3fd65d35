import { type Insertable, PostgresAdapter, type Selectable } from 'kysely';
import type { Db } from '../../db/database.js';
import type { ClaimTable } from '../../db/schema.js';

export type ClaimRow = Selectable<ClaimTable>;

const onPostgres = (db: Db) => db.getExecutor().adapter instanceof PostgresAdapter;

/**
 * Worth running the transaction again: a unique index said no (a simultaneous twin got there
 * first), or PostgreSQL broke a deadlock or a serialisation conflict by aborting us.
 */
export function isRetryable(error: unknown): boolean {
  const code = (error as { code?: unknown } | null)?.code;
  return (
    code === '23505' ||
    code === '40P01' ||
    code === '40001' ||
    code === 'SQLITE_CONSTRAINT_UNIQUE' ||
    code === 'SQLITE_CONSTRAINT_PRIMARYKEY'
  );
}

/**
 * Closes the open claims of a campaign's municipality whose lease has run out, so their
 * people return to the pool (the index on campaign, municipality, closed_at finds them). On PostgreSQL rows another transaction is closing are skipped, not waited for.
 */
export async function expireClaims(
  db: Db,
  pool: { campaignId: string; municipalityCode: string },
  now: string,
): Promise<void> {
  let due = db
    .selectFrom('claims')
    .select('id')
    .where('campaignId', '=', pool.campaignId)
    .where('municipalityCode', '=', pool.municipalityCode)
    .where('closedAt', 'is', null)
    .where('expiresAt', '<=', now);
  if (onPostgres(db)) due = due.forUpdate().skipLocked();
  await db
    .updateTable('claims')
    .set({ closedAt: now, closeReason: 'expired' })
    .where('id', 'in', due)
    .execute();
}

/**
 * Serialises one caller's claims until the transaction ends (a double tap on "next person"
 * must not hold two people). PostgreSQL only: SQLite runs one write transaction at a time.
 */
export async function lockCaller(db: Db, userId: string): Promise<void> {
  if (!onPostgres(db)) return;
  await db.selectFrom('users').select('id').where('id', '=', userId).forNoKeyUpdate().execute();
}

/** The caller's open claim in the campaign whose lease still runs. */
export async function findLiveClaimOf(
  db: Db,
  callerId: string,
  campaignId: string,
  now: string,
): Promise<ClaimRow | undefined> {
  return db
    .selectFrom('claims')
    .selectAll()
    .where('callerId', '=', callerId)
    .where('campaignId', '=', campaignId)
    .where('closedAt', 'is', null)
    .where('expiresAt', '>', now)
    .orderBy('claimedAt', 'desc')
    .executeTakeFirst();
}

/**
 * The next person to call in a campaign and municipality: postcard sent, not closed, due,
 * held by nobody; fewest attempts first, then the longest waiting. On PostgreSQL the row is
 * locked and rows locked by simultaneous claims are skipped, so each gets someone else.
 */
export async function pickNextProspect(
  db: Db,
  pool: { campaignId: string; municipalityCode: string; now: string },
): Promise<string | undefined> {
  let q = db
    .selectFrom('prospects')
    .select('prospects.id')
    .where('prospects.campaignId', '=', pool.campaignId)
    .where('prospects.municipalityCode', '=', pool.municipalityCode)
    .where('prospects.cardedAt', 'is not', null)
    .where('prospects.cardedAt', '<=', pool.now)
    .where('prospects.callingClosedAt', 'is', null)
    .where((eb) =>
      eb.or([eb('prospects.nextCallAt', 'is', null), eb('prospects.nextCallAt', '<=', pool.now)]),
    )
    .where((eb) =>
      eb.not(
        eb.exists(
          eb
            .selectFrom('claims')
            .select('claims.id')
            .whereRef('claims.prospectId', '=', 'prospects.id')
            .where('claims.closedAt', 'is', null),
        ),
      ),
    )
    .orderBy('prospects.callAttempts')
    .orderBy((eb) => eb.fn.coalesce('prospects.nextCallAt', 'prospects.firstTippedAt'))
    .orderBy('prospects.id')
    .limit(1);
  if (onPostgres(db)) q = q.forUpdate().skipLocked();
  return (await q.executeTakeFirst())?.id;
}

/**
 * Inserts the claim unless the person already has an open one; false then. On PostgreSQL a
 * simultaneous claim that committed after our pick began is caught here without aborting the
 * transaction, so the caller can simply pick again (with a fresh snapshot).
 */
export async function tryInsertClaim(db: Db, row: Insertable<ClaimTable>): Promise<boolean> {
  const result = await db
    .insertInto('claims')
    .values(row)
    .onConflict((oc) => oc.column('prospectId').where('closedAt', 'is', null).doNothing())
    .executeTakeFirst();
  return Number(result.numInsertedOrUpdatedRows ?? 0) > 0;
}

/** A caller's claim, locked until the transaction ends; someone else's is not found. */
export async function findClaimOfCallerForUpdate(
  db: Db,
  claimId: string,
  callerId: string,
): Promise<ClaimRow | undefined> {
  let q = db
    .selectFrom('claims')
    .selectAll()
    .where('id', '=', claimId)
    .where('callerId', '=', callerId);
  if (onPostgres(db)) q = q.forUpdate();
  return q.executeTakeFirst();
}

/** An open claim on the prospect whose lease still runs (someone is calling them now). */
export async function findLiveClaimOnProspect(
  db: Db,
  prospectId: string,
  now: string,
): Promise<ClaimRow | undefined> {
  return db
    .selectFrom('claims')
    .selectAll()
    .where('prospectId', '=', prospectId)
    .where('closedAt', 'is', null)
    .where('expiresAt', '>', now)
    .executeTakeFirst();
}

export async function closeClaim(
  db: Db,
  id: string,
  at: string,
  reason: 'outcome' | 'expired' | 'released',
): Promise<void> {
  await db
    .updateTable('claims')
    .set({ closedAt: at, closeReason: reason })
    .where('id', '=', id)
    .where('closedAt', 'is', null)
    .execute();
}

/** Closes an expired open claim on the prospect, so a paper entry can take its place. */
export async function closeExpiredClaimsOn(db: Db, prospectId: string, now: string) {
  await db
    .updateTable('claims')
    .set({ closedAt: now, closeReason: 'expired' })
    .where('prospectId', '=', prospectId)
    .where('closedAt', 'is', null)
    .where('expiresAt', '<=', now)
    .execute();
}
