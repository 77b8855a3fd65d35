import { type Insertable, type Selectable, type SqlBool, sql, type Updateable } from 'kysely';
import type { Db } from '../../db/database.js';
import type { ProspectTable } from '../../db/schema.js';
import type { Scope } from '../../plugins/access.js';

export type ProspectRow = Selectable<ProspectTable>;
export type ProspectInsert = Insertable<ProspectTable>;
export type ProspectWithCounts = ProspectRow & { tipCount: number; inBatch: number };

const NOTHING = sql<SqlBool>`1 = 0`;

/**
 * Prospects a scope may see: the region's (programme leader), the host's municipalities, or
 * all (admin). Every query below that returns a prospect starts here, so none can forget it.
 */
export function scopedProspects(db: Db, scope: Scope) {
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

function withCounts(db: Db, scope: Scope) {
  return scopedProspects(db, scope)
    .selectAll('prospects')
    .select((eb) => [
      eb
        .selectFrom('prospectTips')
        .whereRef('prospectTips.prospectId', '=', 'prospects.id')
        .select((e) => e.fn.countAll<number>().as('n'))
        .as('tipCount'),
      eb
        .selectFrom('postcardBatchItems')
        .innerJoin('postcardBatches', 'postcardBatches.id', 'postcardBatchItems.batchId')
        .whereRef('postcardBatchItems.prospectId', '=', 'prospects.id')
        .where('postcardBatches.sentAt', 'is', null)
        .select((e) => e.fn.countAll<number>().as('n'))
        .as('inBatch'),
    ]);
}

const normaliseCounts = <T extends { tipCount: number | null; inBatch: number | null }>(
  row: T,
) => ({
  ...row,
  tipCount: Number(row.tipCount ?? 0),
  inBatch: Number(row.inBatch ?? 0),
});

/**
 * A campaign's prospects in scope. `held` picks the prospects without a sent card whose first
 * tip is older than `heldCutoff` (and not released by staff); otherwise every other one.
 */
export async function findProspects(
  db: Db,
  scope: Scope,
  campaignId: string,
  held: boolean,
  heldCutoff: string,
): Promise<ProspectWithCounts[]> {
  let q = withCounts(db, scope).where('prospects.campaignId', '=', campaignId);
  q = held
    ? q.where((eb) =>
        eb.and([
          eb('prospects.cardedAt', 'is', null),
          eb('prospects.releasedAt', 'is', null),
          eb('prospects.firstTippedAt', '<=', heldCutoff),
        ]),
      )
    : q.where((eb) =>
        eb.or([
          eb('prospects.cardedAt', 'is not', null),
          eb('prospects.releasedAt', 'is not', null),
          eb('prospects.firstTippedAt', '>', heldCutoff),
        ]),
      );
  const rows = await q.orderBy('prospects.firstTippedAt').orderBy('prospects.id').execute();
  return rows.map(normaliseCounts);
}

export async function findProspectInScope(
  db: Db,
  scope: Scope,
  id: string,
): Promise<ProspectWithCounts | undefined> {
  const row = await withCounts(db, scope).where('prospects.id', '=', id).executeTakeFirst();
  return row ? normaliseCounts(row) : undefined;
}

/** For the public tip: certain matches in the campaign (same phone, or same name and address). */
export async function findCertainMatches(
  db: Db,
  campaignId: string,
  keys: { phoneE164: string | null; nameKey: string; addressKey: string | null },
): Promise<ProspectRow[]> {
  const { phoneE164, nameKey, addressKey } = keys;
  if (!phoneE164 && !addressKey) return [];
  return db
    .selectFrom('prospects')
    .selectAll()
    .where('campaignId', '=', campaignId)
    .where((eb) => {
      const ors = [];
      if (phoneE164) ors.push(eb('phoneE164', '=', phoneE164));
      if (addressKey)
        ors.push(eb.and([eb('nameKey', '=', nameKey), eb('addressKey', '=', addressKey)]));
      return eb.or(ors);
    })
    .orderBy('createdAt')
    .execute();
}

/** Probable matches: same name in the same municipality, or same surname at the same address. */
export async function findProbableMatches(
  db: Db,
  prospect: Pick<
    ProspectRow,
    'id' | 'campaignId' | 'nameKey' | 'surnameKey' | 'addressKey' | 'municipalityCode'
  >,
): Promise<Array<ProspectRow & { reason: 'same_name_municipality' | 'same_surname_address' }>> {
  const rows = await db
    .selectFrom('prospects')
    .selectAll()
    .where('campaignId', '=', prospect.campaignId)
    .where('id', '!=', prospect.id)
    .where((eb) => {
      const ors = [
        eb.and([
          eb('nameKey', '=', prospect.nameKey),
          eb('municipalityCode', '=', prospect.municipalityCode),
        ]),
      ];
      if (prospect.addressKey) {
        ors.push(
          eb.and([
            eb('surnameKey', '=', prospect.surnameKey),
            eb('addressKey', '=', prospect.addressKey),
          ]),
        );
      }
      return eb.or(ors);
    })
    .execute();
  return rows.map((r) => ({
    ...r,
    reason:
      r.nameKey === prospect.nameKey && r.municipalityCode === prospect.municipalityCode
        ? 'same_name_municipality'
        : 'same_surname_address',
  }));
}

export async function insertProspect(db: Db, row: ProspectInsert): Promise<void> {
  await db.insertInto('prospects').values(row).execute();
}

export async function updateProspect(
  db: Db,
  id: string,
  changes: Omit<Updateable<ProspectTable>, 'id'>,
): Promise<void> {
  await db.updateTable('prospects').set(changes).where('id', '=', id).execute();
}

export async function optOutCodeExists(db: Db, code: string): Promise<boolean> {
  const row = await db
    .selectFrom('prospects')
    .select('id')
    .where('optOutCode', '=', code)
    .executeTakeFirst();
  return row !== undefined;
}

/** For the public opt-out: no scope, as the person themselves asks; returns ids only. */
export async function findProspectIdsForOptOut(
  db: Db,
  by: { code?: string; hashes: string[] },
): Promise<string[]> {
  const { code, hashes } = by;
  if (!code && hashes.length === 0) return [];
  const rows = await db
    .selectFrom('prospects')
    .select('id')
    .where((eb) => {
      const ors = [];
      if (code) ors.push(eb('optOutCode', '=', code));
      if (hashes.length) {
        ors.push(eb('phoneHash', 'in', hashes), eb('nameAddressHash', 'in', hashes));
      }
      return eb.or(ors);
    })
    .execute();
  return rows.map((r) => r.id);
}

/** The suppression hashes of the given prospects (to extend an opt-out by code to them). */
export async function findHashesOf(
  db: Db,
  ids: string[],
): Promise<Array<{ phoneHash: string | null; nameAddressHash: string | null }>> {
  if (ids.length === 0) return [];
  return db
    .selectFrom('prospects')
    .select(['phoneHash', 'nameAddressHash'])
    .where('id', 'in', ids)
    .execute();
}

/** Erases prospects: their rows, links, proposals and unsent batch items go (cascade). */
export async function deleteProspects(db: Db, ids: string[]): Promise<void> {
  if (ids.length === 0) return;
  await db.deleteFrom('prospects').where('id', 'in', ids).execute();
}
