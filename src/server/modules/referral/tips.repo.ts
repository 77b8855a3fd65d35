import { type Insertable, type Selectable, sql } from 'kysely';
import { type Db, onPostgres } from '../../db/database.js';
import type { TipTable } from '../../db/schema.js';
import type { Scope } from '../../plugins/access.js';
import { scopedProspects } from './prospects.repo.js';

export type TipRow = Selectable<TipTable>;

export async function findTipIdByKey(
  db: Db,
  campaignId: string,
  idempotencyKey: string,
): Promise<string | undefined> {
  const row = await db
    .selectFrom('tips')
    .select('id')
    .where('campaignId', '=', campaignId)
    .where('idempotencyKey', '=', idempotencyKey)
    .executeTakeFirst();
  return row?.id;
}

/**
 * Serialises the tips of one campaign until the transaction ends, so two simultaneous first
 * tips about one person find each other and make one prospect. PostgreSQL only: SQLite
 * already runs one write transaction at a time. Take it first in the tip's transaction.
 */
export async function lockCampaignTips(db: Db, campaignId: string): Promise<void> {
  if (!onPostgres(db)) return;
  await sql`select pg_advisory_xact_lock(hashtext(${`referral.tips:${campaignId}`}))`.execute(db);
}

/**
 * Inserts the tip unless one with the same idempotency key exists; returns false then.
 * ON CONFLICT makes two concurrent double submits safe on both databases.
 */
export async function insertTip(db: Db, row: Insertable<TipTable>): Promise<boolean> {
  const result = await db
    .insertInto('tips')
    .values(row)
    .onConflict((oc) => oc.columns(['campaignId', 'idempotencyKey']).doNothing())
    .executeTakeFirst();
  return Number(result.numInsertedOrUpdatedRows ?? 0) > 0;
}

export async function linkTip(db: Db, tipId: string, prospectId: string, at: string) {
  await db.insertInto('prospectTips').values({ tipId, prospectId, linkedAt: at }).execute();
}

/** A merge: every tip of one prospect now belongs to the other. */
export async function moveTips(db: Db, fromProspectId: string, toProspectId: string) {
  await db
    .updateTable('prospectTips')
    .set({ prospectId: toProspectId })
    .where('prospectId', '=', fromProspectId)
    .execute();
}

/** The tips of a prospect the scope may see, oldest first ("three people miss you"). */
export async function findTipsOfProspect(
  db: Db,
  scope: Scope,
  prospectId: string,
): Promise<TipRow[]> {
  return db
    .selectFrom('tips')
    .innerJoin('prospectTips', 'prospectTips.tipId', 'tips.id')
    .where('prospectTips.prospectId', 'in', scopedProspects(db, scope).select('prospects.id'))
    .where('prospectTips.prospectId', '=', prospectId)
    .selectAll('tips')
    .orderBy('tips.createdAt')
    .orderBy('tips.id')
    .execute();
}

/** The first tipper who allowed their name, per prospect, for the cards. */
export async function findNameableTippers(
  db: Db,
  prospectIds: string[],
): Promise<Map<string, string>> {
  if (prospectIds.length === 0) return new Map();
  const rows = await db
    .selectFrom('tips')
    .innerJoin('prospectTips', 'prospectTips.tipId', 'tips.id')
    .where('prospectTips.prospectId', 'in', prospectIds)
    .where('tips.tipperMayBeNamed', '=', 1)
    .select(['prospectTips.prospectId', 'tips.tipperName'])
    .orderBy('tips.createdAt')
    .execute();
  const out = new Map<string, string>();
  for (const r of rows) if (!out.has(r.prospectId)) out.set(r.prospectId, r.tipperName);
  return out;
}

/**
 * Erases what the tips of these prospects say about the person; the tip stays as a count
 * (who tipped, when) so campaign results still add up. Run before the prospects go.
 */
export async function eraseTipPersonData(db: Db, prospectIds: string[], at: string) {
  if (prospectIds.length === 0) return;
  await db
    .updateTable('tips')
    .set({
      personName: null,
      personPhone: null,
      personAddressLine: null,
      personPostcode: null,
      personCity: null,
      personLivesNow: null,
      personConnection: null,
      personHousehold: null,
      personReason: null,
      // A content hash is still derived from the person: keep the key unique, drop the hash.
      idempotencyKey: sql<string>`'erased:' || id`,
      erasedAt: at,
    })
    .where('id', 'in', (eb) =>
      eb.selectFrom('prospectTips').select('tipId').where('prospectId', 'in', prospectIds),
    )
    .execute();
}
