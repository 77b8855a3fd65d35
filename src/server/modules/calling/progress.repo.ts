import { type SqlBool, sql } from 'kysely';
import { REACHED_OUTCOMES } from '../../../contracts/calling-progress.js';
import type { Db } from '../../db/database.js';

/** Counts only: no personal data leaves these queries (caller names are staff names). */
export interface MunicipalityCountsRow {
  municipalityCode: string;
  calls: number;
  reached: number;
  interested: number;
  remaining: number;
  inProgress: number;
  carded: number;
}

export interface CallerCountsRow {
  callerId: string;
  name: string;
  municipalityCode: string;
  calls: number;
  reached: number;
  interested: number;
}

const reachedList = sql.join(REACHED_OUTCOMES.map((o) => sql.lit(o)));
const zero = sql<number>`0`;

/**
 * Every count per municipality of one campaign, in one statement: calls, claims and the
 * calling pool are each grouped once and summed together (not a query per municipality).
 * `municipalityCodes` limits it to the municipalities the person may see.
 */
export async function countByMunicipality(
  db: Db,
  campaignId: string,
  municipalityCodes: string[],
  nowIso: string,
): Promise<MunicipalityCountsRow[]> {
  if (!municipalityCodes.length) return [];
  const calls = db
    .selectFrom('calls')
    .where('campaignId', '=', campaignId)
    .where('municipalityCode', 'in', municipalityCodes)
    .groupBy('municipalityCode')
    .select((eb) => [
      'municipalityCode',
      eb.fn.countAll<number>().as('calls'),
      sql<number>`sum(case when outcome in (${reachedList}) then 1 else 0 end)`.as('reached'),
      sql<number>`sum(case when outcome = 'interested' then 1 else 0 end)`.as('interested'),
      zero.as('remaining'),
      zero.as('inProgress'),
      zero.as('carded'),
    ]);
  const pool = db
    .selectFrom('prospects')
    .where('campaignId', '=', campaignId)
    .where('municipalityCode', 'in', municipalityCodes)
    .where('cardedAt', 'is not', null)
    .groupBy('municipalityCode')
    .select((eb) => [
      'municipalityCode',
      zero.as('calls'),
      zero.as('reached'),
      zero.as('interested'),
      sql<number>`sum(case when calling_closed_at is null and (last_outcome is null or last_outcome <> 'opt_out') then 1 else 0 end)`.as(
        'remaining',
      ),
      zero.as('inProgress'),
      eb.fn.countAll<number>().as('carded'),
    ]);
  const claims = db
    .selectFrom('claims')
    .where('campaignId', '=', campaignId)
    .where('municipalityCode', 'in', municipalityCodes)
    .where('closedAt', 'is', null)
    .where('expiresAt', '>', nowIso)
    .groupBy('municipalityCode')
    .select((eb) => [
      'municipalityCode',
      zero.as('calls'),
      zero.as('reached'),
      zero.as('interested'),
      zero.as('remaining'),
      eb.fn.countAll<number>().as('inProgress'),
      zero.as('carded'),
    ]);
  const rows = await db
    .selectFrom(calls.unionAll(pool).unionAll(claims).as('parts'))
    .groupBy('parts.municipalityCode')
    .select((eb) => [
      'parts.municipalityCode',
      eb.fn.sum<number>('parts.calls').as('calls'),
      eb.fn.sum<number>('parts.reached').as('reached'),
      eb.fn.sum<number>('parts.interested').as('interested'),
      eb.fn.sum<number>('parts.remaining').as('remaining'),
      eb.fn.sum<number>('parts.inProgress').as('inProgress'),
      eb.fn.sum<number>('parts.carded').as('carded'),
    ])
    .execute();
  // PostgreSQL sums to numeric (parsed to a number); SQLite to an integer.
  return rows.map((r) => ({
    municipalityCode: r.municipalityCode,
    calls: Number(r.calls),
    reached: Number(r.reached),
    interested: Number(r.interested),
    remaining: Number(r.remaining),
    inProgress: Number(r.inProgress),
    carded: Number(r.carded),
  }));
}

/**
 * Calls per caller and municipality (one statement). Calls without a caller (entered from
 * paper by someone since removed) count in the totals but have no row here.
 */
export async function countByCaller(
  db: Db,
  campaignId: string,
  municipalityCodes: string[],
  onlyCallerId: string | null,
): Promise<CallerCountsRow[]> {
  if (!municipalityCodes.length) return [];
  let q = db
    .selectFrom('calls')
    .innerJoin('users', 'users.id', 'calls.callerId')
    .where('calls.campaignId', '=', campaignId)
    .where('calls.municipalityCode', 'in', municipalityCodes);
  if (onlyCallerId) q = q.where('calls.callerId', '=', onlyCallerId);
  const rows = await q
    .groupBy(['calls.callerId', 'users.name', 'calls.municipalityCode'])
    .select((eb) => [
      eb.ref('calls.callerId').$notNull().as('callerId'),
      'users.name',
      'calls.municipalityCode',
      eb.fn.countAll<number>().as('calls'),
      sql<number>`sum(case when calls.outcome in (${reachedList}) then 1 else 0 end)`.as('reached'),
      sql<number>`sum(case when calls.outcome = 'interested' then 1 else 0 end)`.as('interested'),
    ])
    .execute();
  return rows.map((r) => ({
    ...r,
    calls: Number(r.calls),
    reached: Number(r.reached),
    interested: Number(r.interested),
  }));
}

/** The session behind a live stream is still good: not ended, not expired, user not disabled. */
export async function sessionStillValid(
  db: Db,
  sessionId: string,
  nowIso: string,
): Promise<boolean> {
  const row = await db
    .selectFrom('sessions')
    .innerJoin('users', 'users.id', 'sessions.userId')
    .where('sessions.id', '=', sessionId)
    .where('sessions.idleExpiresAt', '>', nowIso)
    .where('sessions.absoluteExpiresAt', '>', nowIso)
    .where('users.disabledAt', 'is', null)
    .select(sql<SqlBool>`1`.as('ok'))
    .executeTakeFirst();
  return row !== undefined;
}
