import { type SqlBool, sql } from 'kysely';
import type { Db } from '../../db/database.js';
import type { Scope } from '../../plugins/access.js';
import { scopedProspects } from './prospects.repo.js';

export interface BatchRow {
  id: string;
  campaignId: string;
  regionId: string;
  createdAt: string;
  sentAt: string | null;
  cardCount: number;
}

export interface CardRow {
  position: number;
  prospectId: string;
  name: string;
  household: string | null;
  addressLine: string;
  postcode: string;
  city: string | null;
  optOutCode: string;
}

/**
 * Makes a batch of every prospect of the campaign that can get a card now: not carded, not
 * already in an unsent batch, not held (unless released), with a postal address, and not
 * matching a suppression (an opt-out racing the batch). Cards are in postcode order, as the
 * post office sorts them. Returns the number of cards.
 */
export async function insertBatchWithItems(
  db: Db,
  batch: {
    id: string;
    campaignId: string;
    regionId: string;
    createdBy: string | null;
    createdAt: string;
  },
  heldCutoff: string,
): Promise<number> {
  await db
    .insertInto('postcardBatches')
    .values({ ...batch, sentAt: null, sentBy: null })
    .execute();
  const eligible = db
    .selectFrom('prospects as p')
    .where('p.campaignId', '=', batch.campaignId)
    .where('p.cardedAt', 'is', null)
    .where('p.addressLine', 'is not', null)
    .where('p.postcode', 'is not', null)
    .where((eb) =>
      eb.or([eb('p.releasedAt', 'is not', null), eb('p.firstTippedAt', '>', heldCutoff)]),
    )
    .where(({ not, exists, selectFrom }) =>
      not(
        exists(
          selectFrom('postcardBatchItems as i')
            .innerJoin('postcardBatches as b', 'b.id', 'i.batchId')
            .whereRef('i.prospectId', '=', 'p.id')
            .where('b.sentAt', 'is', null)
            .select('i.prospectId'),
        ),
      ),
    )
    .where(({ not, exists, selectFrom }) =>
      not(
        exists(
          selectFrom('suppressions as s')
            .where(sql<SqlBool>`s.hash in (p.phone_hash, p.name_address_hash)`)
            .select('s.hash'),
        ),
      ),
    )
    .select([
      sql<string>`cast(${batch.id} as text)`.as('batchId'),
      'p.id as prospectId',
      sql<number>`row_number() over (order by p.postcode, p.name_key, p.id)`.as('position'),
    ]);
  const result = await db
    .insertInto('postcardBatchItems')
    .columns(['batchId', 'prospectId', 'position'])
    .expression(eligible)
    .executeTakeFirst();
  return Number(result.numInsertedOrUpdatedRows ?? 0);
}

function scopedBatches(db: Db, scope: Scope) {
  let q = db
    .selectFrom('postcardBatches')
    .select(['id', 'campaignId', 'regionId', 'createdAt', 'sentAt'])
    .select((eb) =>
      eb
        .selectFrom('postcardBatchItems')
        .whereRef('postcardBatchItems.batchId', '=', 'postcardBatches.id')
        .select((e) => e.fn.countAll<number>().as('n'))
        .as('cardCount'),
    );
  if (scope.regionIds !== 'all') {
    q = scope.regionIds.length
      ? q.where('regionId', 'in', scope.regionIds)
      : q.where(sql<SqlBool>`1 = 0`);
  }
  return q;
}

const toBatch = (r: Omit<BatchRow, 'cardCount'> & { cardCount: number | null }): BatchRow => ({
  ...r,
  cardCount: Number(r.cardCount ?? 0),
});

export async function findBatches(db: Db, scope: Scope, campaignId: string): Promise<BatchRow[]> {
  const rows = await scopedBatches(db, scope)
    .where('campaignId', '=', campaignId)
    .orderBy('createdAt', 'desc')
    .execute();
  return rows.map(toBatch);
}

export async function findBatch(db: Db, scope: Scope, id: string): Promise<BatchRow | undefined> {
  const row = await scopedBatches(db, scope).where('id', '=', id).executeTakeFirst();
  return row ? toBatch(row) : undefined;
}

/** One page of a batch's cards after `afterPosition`, so a batch streams in flat memory. */
export async function findCardPage(
  db: Db,
  scope: Scope,
  batchId: string,
  afterPosition: number,
  limit: number,
): Promise<CardRow[]> {
  const rows = await db
    .selectFrom('postcardBatchItems as i')
    .innerJoin('prospects', 'prospects.id', 'i.prospectId')
    .where('i.batchId', '=', batchId)
    .where('i.position', '>', afterPosition)
    .where('prospects.id', 'in', scopedProspects(db, scope).select('prospects.id'))
    .select([
      'i.position',
      'prospects.id as prospectId',
      'prospects.name',
      'prospects.household',
      'prospects.addressLine',
      'prospects.postcode',
      'prospects.city',
      'prospects.optOutCode',
    ])
    .orderBy('i.position')
    .limit(limit)
    .execute();
  return rows.map((r) => ({
    ...r,
    position: Number(r.position),
    addressLine: r.addressLine ?? '',
    postcode: r.postcode ?? '',
  }));
}

/** Stamps the batch and every prospect in it; only the first marking counts. */
export async function markBatchSent(
  db: Db,
  batchId: string,
  at: string,
  by: string,
): Promise<number> {
  const marked = await db
    .updateTable('postcardBatches')
    .set({ sentAt: at, sentBy: by })
    .where('id', '=', batchId)
    .where('sentAt', 'is', null)
    .executeTakeFirst();
  if (Number(marked.numUpdatedRows) === 0) return 0;
  const stamped = await db
    .updateTable('prospects')
    .set({ cardedAt: at, updatedAt: at })
    .where('id', 'in', (eb) =>
      eb.selectFrom('postcardBatchItems').select('prospectId').where('batchId', '=', batchId),
    )
    .where('cardedAt', 'is', null)
    .executeTakeFirst();
  return Number(stamped.numUpdatedRows);
}
