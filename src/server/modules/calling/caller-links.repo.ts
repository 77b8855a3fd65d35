import { type SqlBool, sql } from 'kysely';
import type { Db } from '../../db/database.js';
import type { Scope } from '../../plugins/access.js';

const NOTHING = sql<SqlBool>`1 = 0`;

export interface CallerLinkRow {
  callerId: string;
  campaignId: string;
  name: string;
  disabledAt: string | null;
  createdAt: string;
  municipalityCode: string | null;
  tokenData: string | null;
  expiresAt: string | null;
  usedAt: string | null;
}

/**
 * The callers of a campaign with their link, scoped by region (a caller belongs to one) and,
 * for a narrower scope, by the caller's municipality. The link row may be gone (purged a day
 * after it was used or expired); the caller stays.
 */
export async function findCallerLinks(
  db: Db,
  scope: Scope,
  filter: { campaignId: string; callerId?: string },
): Promise<CallerLinkRow[]> {
  let q = db
    .selectFrom('users')
    .leftJoin('userMunicipalities', 'userMunicipalities.userId', 'users.id')
    .leftJoin('oneTimeTokens', (join) =>
      join
        .onRef('oneTimeTokens.userId', '=', 'users.id')
        .on('oneTimeTokens.purpose', '=', 'caller_link'),
    )
    .where('users.role', '=', 'caller')
    .where('users.campaignId', '=', filter.campaignId)
    .select([
      'users.id as callerId',
      'users.name',
      'users.disabledAt',
      'users.createdAt',
      'userMunicipalities.municipalityCode',
      'oneTimeTokens.data as tokenData',
      'oneTimeTokens.expiresAt',
      'oneTimeTokens.usedAt',
    ]);
  if (filter.callerId) q = q.where('users.id', '=', filter.callerId);
  if (scope.regionIds !== 'all') {
    q = scope.regionIds.length
      ? q.where('users.regionId', 'in', scope.regionIds)
      : q.where(NOTHING);
  }
  if (scope.municipalityCodes !== 'all') {
    q = scope.municipalityCodes.length
      ? q.where('userMunicipalities.municipalityCode', 'in', scope.municipalityCodes)
      : q.where(NOTHING);
  }
  const rows = await q.orderBy('users.createdAt', 'desc').orderBy('users.id').execute();
  return rows.map((r) => ({ ...r, campaignId: filter.campaignId }));
}

/** Whether a caller link with this hash ever existed (used, expired or live). */
export async function callerLinkExists(db: Db, tokenHash: string): Promise<boolean> {
  const row = await db
    .selectFrom('oneTimeTokens')
    .select('id')
    .where('id', '=', tokenHash)
    .where('purpose', '=', 'caller_link')
    .executeTakeFirst();
  return row !== undefined;
}

/**
 * Gives back what a withdrawn caller was holding, so the person can be called by someone else
 * at once instead of when the lease runs out. 'released' is the claims table's reason for it.
 */
export async function releaseOpenClaimsOf(db: Db, callerId: string, now: string): Promise<number> {
  const result = await db
    .updateTable('claims')
    .set({ closedAt: now, closeReason: 'released' })
    .where('callerId', '=', callerId)
    .where('closedAt', 'is', null)
    .executeTakeFirst();
  return Number(result.numUpdatedRows);
}
