import { type SqlBool, sql, type Updateable } from 'kysely';
import type { Db } from '../../db/database.js';
import type { ProspectTable } from '../../db/schema.js';
import type { Scope } from '../../plugins/access.js';

const NOTHING = sql<SqlBool>`1 = 0`;

/** Prospects a scope may see, filtered in SQL: another municipality's are simply not found. */
function scopedProspects(db: Db, scope: Scope) {
  let q = db.selectFrom('prospects');
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
  return q;
}

const PIPELINE_COLUMNS = [
  'prospects.id',
  'prospects.campaignId',
  'prospects.regionId',
  'prospects.municipalityCode',
  'prospects.name',
  'prospects.phoneE164',
  'prospects.cardedAt',
  'prospects.firstCalledAt',
  'prospects.reachedAt',
  'prospects.interestedAt',
  'prospects.visitingAt',
  'prospects.movedInOn',
  'prospects.movedInMunicipalityCode',
  'prospects.settledAt',
  'prospects.tipperThankedAt',
] as const;

export async function findPipelineRows(db: Db, scope: Scope, campaignId: string) {
  return scopedProspects(db, scope)
    .select(PIPELINE_COLUMNS)
    .where('prospects.campaignId', '=', campaignId)
    .orderBy('prospects.firstTippedAt')
    .orderBy('prospects.id')
    .execute();
}
export type PipelineRow = Awaited<ReturnType<typeof findPipelineRows>>[number];

export async function findPipelineRow(
  db: Db,
  scope: Scope,
  id: string,
): Promise<PipelineRow | undefined> {
  return scopedProspects(db, scope)
    .select(PIPELINE_COLUMNS)
    .where('prospects.id', '=', id)
    .executeTakeFirst();
}

export async function updatePipeline(
  db: Db,
  id: string,
  changes: Pick<
    Updateable<ProspectTable>,
    'visitingAt' | 'movedInOn' | 'movedInMunicipalityCode' | 'settledAt' | 'updatedAt'
  >,
): Promise<void> {
  await db.updateTable('prospects').set(changes).where('id', '=', id).execute();
}

/**
 * Stamps the thank-you as queued, once: true only for the one statement that set it, so two
 * simultaneous "moved in" saves, or an undo and a redo, never thank anyone twice.
 */
export async function markTippersThanked(db: Db, id: string, at: string): Promise<boolean> {
  const result = await db
    .updateTable('prospects')
    .set({ tipperThankedAt: at })
    .where('id', '=', id)
    .where('tipperThankedAt', 'is', null)
    .executeTakeFirst();
  return Number(result.numUpdatedRows) === 1;
}

/** The tippers of a prospect who asked to hear how it went and left an email address. */
export async function findTippersWantingNews(db: Db, prospectId: string) {
  return db
    .selectFrom('prospectTips')
    .innerJoin('tips', 'tips.id', 'prospectTips.tipId')
    .select(['tips.id', 'tips.tipperName', 'tips.tipperEmail', 'tips.locale'])
    .where('prospectTips.prospectId', '=', prospectId)
    .where('tips.tipperWantsNews', '=', 1)
    .where('tips.tipperEmail', 'is not', null)
    .where('tips.erasedAt', 'is', null)
    .orderBy('tips.createdAt')
    .execute();
}

/** What the funnel counts: the pipeline stamps of a campaign's prospects in scope. */
export async function findFunnelRows(db: Db, scope: Scope, campaignId: string) {
  return scopedProspects(db, scope)
    .select([
      'prospects.municipalityCode',
      'prospects.cardedAt',
      'prospects.firstCalledAt',
      'prospects.reachedAt',
      'prospects.interestedAt',
      'prospects.movedInOn',
    ])
    .where('prospects.campaignId', '=', campaignId)
    .execute();
}
export type FunnelRow = Awaited<ReturnType<typeof findFunnelRows>>[number];

/**
 * People who opted out during a call: their prospect row is gone (erased at once), but the
 * call stays without them. Per municipality, in scope, so the funnel still counts them.
 */
export async function countOptOutCalls(
  db: Db,
  scope: Scope,
  campaignId: string,
): Promise<Array<{ municipalityCode: string; n: number }>> {
  let q = db
    .selectFrom('calls')
    .select((eb) => ['calls.municipalityCode', eb.fn.countAll<number>().as('n')])
    .where('calls.campaignId', '=', campaignId)
    .where('calls.outcome', '=', 'opt_out')
    .where('calls.prospectId', 'is', null);
  if (scope.regionIds !== 'all') {
    q = scope.regionIds.length
      ? q.where('calls.regionId', 'in', scope.regionIds)
      : q.where(NOTHING);
  }
  if (scope.municipalityCodes !== 'all') {
    q = scope.municipalityCodes.length
      ? q.where('calls.municipalityCode', 'in', scope.municipalityCodes)
      : q.where(NOTHING);
  }
  const rows = await q.groupBy('calls.municipalityCode').execute();
  return rows.map((r) => ({ municipalityCode: r.municipalityCode, n: Number(r.n) }));
}
