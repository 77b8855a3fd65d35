import { type Insertable, type QueryCreator, type Selectable, sql } from 'kysely';
import { type Db, onPostgres } from '../../db/database.js';
import type { AuditLogTable, ClaimTable, Database } from '../../db/schema.js';

export type ClaimRow = Selectable<ClaimTable>;

export { onPostgres };

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
 * Closes the open claims whose lease has run out, of a campaign's municipality and the caller's
 * own in the campaign (a caller holds one open claim per campaign, `claims_open_per_caller`),
 * so their people return to the pool. On PostgreSQL rows another transaction is closing are
 * skipped, not waited for.
 */
export async function expireClaims(
  db: Db,
  pool: { campaignId: string; municipalityCode: string; callerId: string },
  now: string,
): Promise<void> {
  let due = db
    .selectFrom('claims')
    .select('id')
    .where('campaignId', '=', pool.campaignId)
    .where((eb) =>
      eb.or([
        eb('municipalityCode', '=', pool.municipalityCode),
        eb('callerId', '=', pool.callerId),
      ]),
    )
    .where('closedAt', 'is', null)
    .where('expiresAt', '<=', now);
  if (onPostgres(db)) due = due.forUpdate().skipLocked();
  await db
    .updateTable('claims')
    .set({ closedAt: now, closeReason: 'expired' })
    .where('id', 'in', due)
    .execute();
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
    .where('prospects.id', 'not in', (eb) =>
      eb
        .selectFrom('claims')
        .select('claims.prospectId')
        .where('claims.campaignId', '=', pool.campaignId)
        .where('claims.municipalityCode', '=', pool.municipalityCode)
        .where('claims.closedAt', 'is', null),
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

export type ClaimStep =
  /** The caller's own live claim (a double tap), or the new one just inserted. */
  | { kind: 'again' | 'new'; claim: ClaimRow }
  /**
   * The insert was refused: the person picked got an open claim from a simultaneous caller
   * first, or the caller's own simultaneous tap did. Pick again: the next statement sees both.
   */
  | { kind: 'taken' }
  /** Nobody is left in the pool. */
  | { kind: 'none' };

const CLAIM_COLUMNS = sql.raw(
  'id, campaign_id, region_id, municipality_code, prospect_id, caller_id, claimed_at, expires_at, closed_at, close_reason',
);
const NO_CLAIM = sql.raw(Array(10).fill('null').join(', '));

/**
 * PostgreSQL: "next person" in one statement, outside any transaction (one round trip, no
 * connection held between round trips, ADR 0010): close the expired claims (as expireClaims),
 * return the caller's live claim if they hold one, else pick the next person (the same pool and
 * order as pickNextProspect, rows locked by simultaneous claims skipped) and insert the claim,
 * unless a unique index says no.
 * - The pick runs after the expiry (its condition reads `expired`, which makes PostgreSQL run
 *   that update to the end first), but sees the statement's one snapshot: so a claim whose
 *   lease ran out counts as not holding its person, and the insert does not collide with it
 *   (a unique index ignores a row version this statement has already closed).
 * - `on conflict do nothing` names no index, so both unique indexes of open claims count: one
 *   per person (a simultaneous caller won the person) and one per caller and campaign (the
 *   caller's own double tap won). Either way the step says `taken`, and the next statement,
 *   with a fresh snapshot, sees the winner: another person, or the caller's own claim again.
 * - People held by open claims are excluded with `not in` (the campaign's few open claims, read
 *   once into a hash) rather than `not exists`: on tables without statistics yet, as on a fresh
 *   calling day, PostgreSQL planned `not exists` as a scan of every open claim per person
 *   (150 ms a claim). The pick walks `prospects_call_order` from the top and stops at the first
 *   person free.
 */
export async function claimStepOnPostgres(
  db: Db,
  claim: Omit<ClaimRow, 'prospectId' | 'closedAt' | 'closeReason'>,
): Promise<ClaimStep> {
  const { id, campaignId, regionId, municipalityCode, callerId, claimedAt: now } = claim;
  const { rows } = await sql<ClaimRow & { kind: 'again' | 'new' | 'taken' }>`
    with expired as (
      update claims set closed_at = ${now}, close_reason = 'expired'
      where id in (
        select id from claims
        where campaign_id = ${campaignId}
          and (municipality_code = ${municipalityCode} or caller_id = ${callerId})
          and closed_at is null and expires_at <= ${now}
        for update skip locked)
      returning id
    ),
    mine as materialized (
      select ${CLAIM_COLUMNS} from claims
      where caller_id = ${callerId} and campaign_id = ${campaignId}
        and closed_at is null and expires_at > ${now}
    ),
    next as materialized (
      select p.id from prospects p
      where (select count(*) from expired) >= 0
        and not exists (select 1 from mine)
        and p.campaign_id = ${campaignId} and p.municipality_code = ${municipalityCode}
        and p.carded_at is not null and p.carded_at <= ${now}
        and p.calling_closed_at is null
        and (p.next_call_at is null or p.next_call_at <= ${now})
        and p.id not in (
          select c.prospect_id from claims c
          where c.campaign_id = ${campaignId} and c.municipality_code = ${municipalityCode}
            and c.closed_at is null and c.expires_at > ${now})
      order by p.call_attempts, coalesce(p.next_call_at, p.first_tipped_at), p.id
      limit 1
      for update of p skip locked
    ),
    inserted as (
      insert into claims (id, campaign_id, region_id, municipality_code, prospect_id, caller_id,
        claimed_at, expires_at)
      select ${id}, ${campaignId}, ${regionId}, ${municipalityCode}, next.id, ${callerId},
        ${now}, ${claim.expiresAt}
      from next
      on conflict do nothing
      returning ${CLAIM_COLUMNS}
    )
    select 'again' as kind, mine.* from mine
    union all select 'new', inserted.* from inserted
    union all select 'taken', ${NO_CLAIM} from next
    where not exists (select 1 from inserted)
  `.execute(db);
  const row = rows[0];
  if (!row) return { kind: 'none' };
  if (row.kind === 'taken') return { kind: 'taken' };
  const { kind, ...stored } = row;
  return { kind, claim: stored };
}

/**
 * The person on the calling screen, with their tips (one row per tip), in the claim's scope,
 * and the audit entry of that disclosure written first. On PostgreSQL both are one statement
 * (the insert as a common table expression): one round trip less on every claim (ADR 0010).
 * The entry is written even when the person is gone by now; it then records a claim that
 * showed nobody.
 */
export async function discloseCallProspectRows(
  db: Db,
  claim: { prospectId: string; regionId: string; municipalityCode: string },
  audit: Insertable<AuditLogTable>,
) {
  // The CTE only adds a name the select does not use, so the select's types stay those of Database.
  const rows = (qc: QueryCreator<Database>) =>
    qc
      .selectFrom('prospects')
      .leftJoin('prospectTips', 'prospectTips.prospectId', 'prospects.id')
      .leftJoin('tips', 'tips.id', 'prospectTips.tipId')
      .select([
        'prospects.id',
        'prospects.name',
        'prospects.household',
        'prospects.phoneE164',
        'prospects.municipalityCode',
        'prospects.callAttempts',
        'prospects.lastOutcome',
        'tips.id as tipId',
        'tips.tipperName',
        'tips.tipperMayBeNamed',
        'tips.personLivesNow',
        'tips.personConnection',
        'tips.personReason',
      ])
      .where('prospects.id', '=', claim.prospectId)
      .where('prospects.regionId', '=', claim.regionId)
      .where('prospects.municipalityCode', '=', claim.municipalityCode)
      .orderBy('tips.createdAt')
      .orderBy('tips.id');
  if (onPostgres(db)) {
    const withAudit = db.with('disclosed', (qc) => qc.insertInto('auditLog').values(audit));
    return rows(withAudit as unknown as QueryCreator<Database>).execute();
  }
  await db.insertInto('auditLog').values(audit).execute();
  return rows(db).execute();
}

/** A caller's claim as it is; someone else's is not found. */
export async function findClaimOfCaller(
  db: Db,
  claimId: string,
  callerId: string,
): Promise<ClaimRow | undefined> {
  return db
    .selectFrom('claims')
    .selectAll()
    .where('id', '=', claimId)
    .where('callerId', '=', callerId)
    .executeTakeFirst();
}

/**
 * Closes the caller's claim for its outcome, if it is still open and its lease still runs,
 * and returns it; undefined otherwise (not theirs, closed, or run out: findClaimOfCaller says
 * which). One statement decides and closes, so a simultaneous twin save waits for the row and
 * then finds it closed.
 */
export async function closeLiveClaimOfCaller(
  db: Db,
  claim: { id: string; callerId: string },
  now: string,
): Promise<ClaimRow | undefined> {
  return db
    .updateTable('claims')
    .set({ closedAt: now, closeReason: 'outcome' })
    .where('id', '=', claim.id)
    .where('callerId', '=', claim.callerId)
    .where('closedAt', 'is', null)
    .where('expiresAt', '>', now)
    .returningAll()
    .executeTakeFirst();
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
