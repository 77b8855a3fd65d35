import { type Insertable, type SqlBool, sql } from 'kysely';
import type { Db } from '../../db/database.js';
import type { NewcomerMatchTable } from '../../db/schema.js';
import type { Scope } from '../../plugins/access.js';

const NOTHING = sql<SqlBool>`1 = 0`;

/**
 * Prospects of the region who could be this household: same phone, or same folded name.
 * Prospects already moved in are left out (nothing left to convert).
 */
export async function findCandidateProspects(
  db: Db,
  regionId: string,
  phones: string[],
  nameKeys: string[],
) {
  if (!phones.length && !nameKeys.length) return [];
  return db
    .selectFrom('prospects')
    .select(['id', 'name', 'nameKey', 'surnameKey', 'household', 'phoneE164', 'municipalityCode'])
    .where('regionId', '=', regionId)
    .where('movedInOn', 'is', null)
    .where((eb) =>
      eb.or([
        ...(phones.length ? [eb('phoneE164', 'in', phones)] : []),
        ...(nameKeys.length ? [eb('nameKey', 'in', nameKeys)] : []),
      ]),
    )
    .limit(50)
    .execute();
}
export type CandidateRow = Awaited<ReturnType<typeof findCandidateProspects>>[number];

/** New proposals; a pair proposed before (whatever its decision) is left as it is. */
export async function insertMatches(db: Db, rows: Insertable<NewcomerMatchTable>[]) {
  if (!rows.length) return;
  await db
    .insertInto('newcomerMatches')
    .values(rows)
    .onConflict((oc) => oc.columns(['newcomerId', 'prospectId']).doNothing())
    .execute();
}

export interface MatchFilter {
  id?: string | undefined;
  newcomerId?: string | undefined;
  status?: 'open' | 'confirmed' | 'rejected' | undefined;
}

/** Proposals in scope: the newcomer's municipality decides who sees them. */
export async function findMatches(db: Db, scope: Scope, filter: MatchFilter) {
  let q = db
    .selectFrom('newcomerMatches')
    .innerJoin('newcomers', 'newcomers.id', 'newcomerMatches.newcomerId')
    .innerJoin('prospects', 'prospects.id', 'newcomerMatches.prospectId')
    .innerJoin('campaigns', 'campaigns.id', 'prospects.campaignId')
    .select([
      'newcomerMatches.id',
      'newcomerMatches.newcomerId',
      'newcomerMatches.prospectId',
      'newcomerMatches.reasons',
      'newcomerMatches.status',
      'newcomerMatches.createdAt',
      'newcomerMatches.decidedAt',
      'newcomers.regionId',
      'newcomers.municipalityCode as newcomerMunicipalityCode',
      'newcomers.movingDate',
      'prospects.name as prospectName',
      'prospects.household as prospectHousehold',
      'prospects.phoneE164 as prospectPhone',
      'prospects.campaignId',
      'prospects.municipalityCode as prospectMunicipalityCode',
      'campaigns.name as campaignName',
    ])
    .select((eb) =>
      eb
        .selectFrom('newcomerAdults')
        .select('newcomerAdults.name')
        .whereRef('newcomerAdults.newcomerId', '=', 'newcomers.id')
        .orderBy('newcomerAdults.position')
        .limit(1)
        .as('newcomerName'),
    );
  if (scope.regionIds !== 'all') {
    q = scope.regionIds.length
      ? q.where('newcomers.regionId', 'in', scope.regionIds)
      : q.where(NOTHING);
  }
  if (scope.municipalityCodes !== 'all') {
    q = scope.municipalityCodes.length
      ? q.where('newcomers.municipalityCode', 'in', scope.municipalityCodes)
      : q.where(NOTHING);
  }
  if (filter.id) q = q.where('newcomerMatches.id', '=', filter.id);
  if (filter.newcomerId) q = q.where('newcomerMatches.newcomerId', '=', filter.newcomerId);
  if (filter.status) q = q.where('newcomerMatches.status', '=', filter.status);
  return q.orderBy('newcomerMatches.createdAt').orderBy('newcomerMatches.id').limit(500).execute();
}
export type MatchRow = Awaited<ReturnType<typeof findMatches>>[number];

/** Decides an open proposal; false when it was decided already (a double click). */
export async function decideMatch(
  db: Db,
  id: string,
  status: 'confirmed' | 'rejected',
  at: string,
  by: string,
): Promise<boolean> {
  const result = await db
    .updateTable('newcomerMatches')
    .set({ status, decidedAt: at, decidedBy: by })
    .where('id', '=', id)
    .where('status', '=', 'open')
    .executeTakeFirst();
  return Number(result.numUpdatedRows) === 1;
}

/** Other open proposals of the same newcomer or prospect, once one is confirmed. */
export async function rejectOthers(
  db: Db,
  m: { id: string; newcomerId: string; prospectId: string },
  at: string,
  by: string,
): Promise<void> {
  await db
    .updateTable('newcomerMatches')
    .set({ status: 'rejected', decidedAt: at, decidedBy: by })
    .where('status', '=', 'open')
    .where('id', '!=', m.id)
    .where((eb) =>
      eb.or([eb('newcomerId', '=', m.newcomerId), eb('prospectId', '=', m.prospectId)]),
    )
    .execute();
}

/** The campaign each newcomer came through by a confirmed conversion (for cohorts). */
export async function confirmedCampaigns(db: Db, newcomerIds: string[]) {
  if (!newcomerIds.length) return new Map<string, string>();
  const rows = await db
    .selectFrom('newcomerMatches')
    .innerJoin('prospects', 'prospects.id', 'newcomerMatches.prospectId')
    .select(['newcomerMatches.newcomerId', 'prospects.campaignId'])
    .where('newcomerMatches.status', '=', 'confirmed')
    .where('newcomerMatches.newcomerId', 'in', newcomerIds)
    .execute();
  return new Map(rows.map((r) => [r.newcomerId, r.campaignId]));
}
