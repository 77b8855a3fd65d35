import { type SqlBool, sql } from 'kysely';
import type { Db } from '../../db/database.js';
import type { Scope } from '../../plugins/access.js';

const NOTHING = sql<SqlBool>`1 = 0`;

export interface CallableRow {
  id: string;
  name: string;
  household: string | null;
  phoneE164: string | null;
  callAttempts: number;
  lastOutcome: string | null;
  nextCallAt: string | null;
}

/**
 * Prospects of a campaign and municipality who may still be called: their postcard (the
 * privacy notice) went out, and calling them is not closed. Scoped in the query itself, so a
 * municipality outside the scope simply has nobody.
 */
export async function findCallable(
  db: Db,
  scope: Scope,
  campaignId: string,
  municipalityCode: string,
  now: string,
): Promise<CallableRow[]> {
  let q = db
    .selectFrom('prospects')
    .where('prospects.campaignId', '=', campaignId)
    .where('prospects.municipalityCode', '=', municipalityCode)
    .where('prospects.cardedAt', 'is not', null)
    .where('prospects.cardedAt', '<=', now)
    .where('prospects.callingClosedAt', 'is', null);
  if (scope.regionIds !== 'all') {
    q = scope.regionIds.length
      ? q.where('prospects.regionId', 'in', scope.regionIds)
      : q.where(NOTHING);
  }
  if (scope.municipalityCodes !== 'all') {
    q = scope.municipalityCodes.length
      ? q.where('prospects.municipalityCode', 'in', scope.municipalityCodes)
      : q.where(NOTHING);
  }
  const rows = await q
    .select([
      'prospects.id',
      'prospects.name',
      'prospects.household',
      'prospects.phoneE164',
      'prospects.callAttempts',
      'prospects.lastOutcome',
      'prospects.nextCallAt',
    ])
    .execute();
  return rows.map((r) => ({ ...r, callAttempts: Number(r.callAttempts ?? 0) }));
}

export interface TipperRow {
  prospectId: string;
  tipperName: string;
  tipperMayBeNamed: number;
}

/** Who tipped these prospects, oldest tip first (names only shown where allowed). */
export async function findTippers(db: Db, prospectIds: string[]): Promise<TipperRow[]> {
  if (prospectIds.length === 0) return [];
  return db
    .selectFrom('tips')
    .innerJoin('prospectTips', 'prospectTips.tipId', 'tips.id')
    .where('prospectTips.prospectId', 'in', prospectIds)
    .select(['prospectTips.prospectId', 'tips.tipperName', 'tips.tipperMayBeNamed'])
    .orderBy('tips.createdAt')
    .orderBy('tips.id')
    .execute();
}
