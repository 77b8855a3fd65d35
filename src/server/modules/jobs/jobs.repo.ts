import type { Insertable, Transaction } from 'kysely';
import type { Db } from '../../db/database.js';
import type { Database, JobAdTable } from '../../db/schema.js';

/*
 * All SQL of the vacancy feed. Ads are public data; the content-free history outlives them.
 * Writes take a transaction, so one feed page's changes and the cursor commit together.
 */

export type Tx = Db | Transaction<Database>;
export type JobAdRow = Insertable<JobAdTable>;

export interface FeedStateRow {
  source: string;
  cursorPageId: string | null;
  lastItemId: string | null;
  token: string | null;
  tokenFetchedAt: string | null;
  lastRunAt: string | null;
  lastSuccessAt: string | null;
  lastError: string | null;
  counts: string;
}

export interface UnmappedName {
  name: string;
  county: string;
  postalCode: string;
  count: number;
}

/** Large enough to be quick, small enough for SQLite's and PostgreSQL's parameter limits. */
const CHUNK = 400;

function chunks<T>(items: T[], size = CHUNK): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < items.length; i += size) out.push(items.slice(i, i + size));
  return out;
}

export async function findFeedState(db: Tx, source: string): Promise<FeedStateRow | undefined> {
  return db.selectFrom('jobFeedState').selectAll().where('source', '=', source).executeTakeFirst();
}

export async function saveFeedState(
  db: Tx,
  source: string,
  patch: Partial<Omit<FeedStateRow, 'source'>>,
): Promise<void> {
  await db
    .insertInto('jobFeedState')
    .values({ source, ...patch })
    .onConflict((oc) => oc.column('source').doUpdateSet(patch))
    .execute();
}

/** Municipality number → region id, for every region (the first region wins a shared one). */
export async function findRegionMunicipalities(db: Tx): Promise<Map<string, string>> {
  const rows = await db
    .selectFrom('regionMunicipalities')
    .select(['regionId', 'municipalityCode'])
    .orderBy('regionId')
    .execute();
  const out = new Map<string, string>();
  for (const r of rows) if (!out.has(r.municipalityCode)) out.set(r.municipalityCode, r.regionId);
  return out;
}

export async function findStoredAdIds(db: Tx, ids: string[]): Promise<Set<string>> {
  const found = new Set<string>();
  for (const part of chunks([...new Set(ids)])) {
    const rows = await db.selectFrom('jobAds').select('id').where('id', 'in', part).execute();
    for (const r of rows) found.add(r.id);
  }
  return found;
}

/**
 * Raises the ads' generation: every write to job_ads calls it in its own transaction, so a
 * cached search count made before the change is never used after it commits.
 */
export async function bumpAdsGeneration(db: Tx): Promise<void> {
  await db
    .updateTable('jobAdsGeneration')
    .set((eb) => ({ generation: eb('generation', '+', 1) }))
    .where('id', '=', 'ads')
    .execute();
}

/** The ads' generation now (see bumpAdsGeneration). */
export async function findAdsGeneration(db: Tx): Promise<number> {
  const row = await db
    .selectFrom('jobAdsGeneration')
    .select('generation')
    .where('id', '=', 'ads')
    .executeTakeFirst();
  return Number(row?.generation ?? 0);
}

/** Insert or replace ads by NAV's uuid; the first time we saw one is kept. */
export async function upsertAds(db: Tx, rows: JobAdRow[]): Promise<void> {
  if (rows.length > 0) await bumpAdsGeneration(db);
  for (const part of chunks(rows, 100)) {
    await db
      .insertInto('jobAds')
      .values(part)
      .onConflict((oc) =>
        oc.column('id').doUpdateSet((eb) => ({
          regionId: eb.ref('excluded.regionId'),
          municipalityCode: eb.ref('excluded.municipalityCode'),
          title: eb.ref('excluded.title'),
          employerName: eb.ref('excluded.employerName'),
          employerOrgNumber: eb.ref('excluded.employerOrgNumber'),
          descriptionHtml: eb.ref('excluded.descriptionHtml'),
          styrkCode: eb.ref('excluded.styrkCode'),
          occupationLevel1: eb.ref('excluded.occupationLevel1'),
          occupationLevel2: eb.ref('excluded.occupationLevel2'),
          sector: eb.ref('excluded.sector'),
          extent: eb.ref('excluded.extent'),
          engagementType: eb.ref('excluded.engagementType'),
          applicationDueText: eb.ref('excluded.applicationDueText'),
          applicationDueDate: eb.ref('excluded.applicationDueDate'),
          publishedAt: eb.ref('excluded.publishedAt'),
          expiresAt: eb.ref('excluded.expiresAt'),
          navUpdatedAt: eb.ref('excluded.navUpdatedAt'),
          navLink: eb.ref('excluded.navLink'),
          applicationUrl: eb.ref('excluded.applicationUrl'),
          workCity: eb.ref('excluded.workCity'),
          postalCode: eb.ref('excluded.postalCode'),
          searchKey: eb.ref('excluded.searchKey'),
          updatedAt: eb.ref('excluded.updatedAt'),
        })),
      )
      .execute();
    await db
      .insertInto('jobAdHistory')
      .values(
        part.map((r) => ({
          adId: r.id,
          regionId: r.regionId,
          municipalityCode: r.municipalityCode,
          employerOrgNumber: r.employerOrgNumber ?? null,
          styrkCode: r.styrkCode ?? null,
          sector: r.sector ?? null,
          publishedAt: r.publishedAt,
          firstSeenAt: r.firstSeenAt,
          inactiveAt: null,
        })),
      )
      .onConflict((oc) =>
        oc.column('adId').doUpdateSet((eb) => ({
          regionId: eb.ref('excluded.regionId'),
          municipalityCode: eb.ref('excluded.municipalityCode'),
          employerOrgNumber: eb.ref('excluded.employerOrgNumber'),
          styrkCode: eb.ref('excluded.styrkCode'),
          sector: eb.ref('excluded.sector'),
          publishedAt: eb.ref('excluded.publishedAt'),
          inactiveAt: null,
        })),
      )
      .execute();
  }
}

/** Deletes ads (NAV's terms) and marks their history inactive; returns how many ads went. */
export async function deleteAds(db: Tx, ids: string[], at: string): Promise<number> {
  let deleted = 0;
  if (ids.length > 0) await bumpAdsGeneration(db);
  for (const part of chunks([...new Set(ids)])) {
    const r = await db.deleteFrom('jobAds').where('id', 'in', part).executeTakeFirst();
    deleted += Number(r.numDeletedRows);
    await db
      .updateTable('jobAdHistory')
      .set({ inactiveAt: at })
      .where('adId', 'in', part)
      .where('inactiveAt', 'is', null)
      .execute();
  }
  return deleted;
}

/**
 * Ads past their expiry, or older than NAV ever keeps one active (6 months): a safety net for
 * an INACTIVE line the feed never showed us. Returns how many went.
 */
export async function deleteExpiredAds(
  db: Tx,
  now: string,
  publishedBefore: string,
): Promise<number> {
  const ids = await db
    .selectFrom('jobAds')
    .select('id')
    .where((eb) => eb.or([eb('expiresAt', '<', now), eb('publishedAt', '<', publishedBefore)]))
    .execute();
  return ids.length
    ? deleteAds(
        db,
        ids.map((r) => r.id),
        now,
      )
    : 0;
}

export async function addUnmapped(db: Tx, names: UnmappedName[], at: string): Promise<void> {
  for (const part of chunks(names, 100)) {
    await db
      .insertInto('jobFeedUnmapped')
      .values(part.map((n) => ({ ...n, firstSeenAt: at, lastSeenAt: at })))
      .onConflict((oc) =>
        oc.columns(['name', 'county', 'postalCode']).doUpdateSet((eb) => ({
          count: eb('jobFeedUnmapped.count', '+', eb.ref('excluded.count')),
          lastSeenAt: eb.ref('excluded.lastSeenAt'),
        })),
      )
      .execute();
  }
}

export async function findUnmapped(db: Tx, limit: number): Promise<UnmappedName[]> {
  return db
    .selectFrom('jobFeedUnmapped')
    .select(['name', 'county', 'postalCode', 'count'])
    .orderBy('count', 'desc')
    .orderBy('name')
    .limit(limit)
    .execute();
}

export async function countAds(db: Tx, regionId: string | null): Promise<number> {
  let q = db.selectFrom('jobAds').select((eb) => eb.fn.countAll<number>().as('n'));
  if (regionId) q = q.where('regionId', '=', regionId);
  const r = await q.executeTakeFirstOrThrow();
  return Number(r.n);
}

/** Ads per employer org number published since a time, from the history (deleted ads count). */
export async function countHistoryByEmployer(
  db: Tx,
  regionId: string,
  since: string,
): Promise<Array<{ orgNumber: string; count: number; lastPublishedAt: string }>> {
  const rows = await db
    .selectFrom('jobAdHistory')
    .select((eb) => [
      'employerOrgNumber',
      eb.fn.countAll<number>().as('n'),
      eb.fn.max('publishedAt').as('last'),
    ])
    .where('regionId', '=', regionId)
    .where('publishedAt', '>=', since)
    .where('employerOrgNumber', 'is not', null)
    .groupBy('employerOrgNumber')
    .execute();
  return rows.map((r) => ({
    orgNumber: r.employerOrgNumber!,
    count: Number(r.n),
    lastPublishedAt: String(r.last),
  }));
}
