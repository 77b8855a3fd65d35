import { type ExpressionBuilder, type SelectQueryBuilder, sql } from 'kysely';
import type { Db } from '../../../db/database.js';
import type { Database } from '../../../db/schema.js';

/**
 * Reads of NAV's vacancies for the public pages (the ingest owns the writes, in jobs.repo.ts).
 * Ads are public data, so these take a region, not a scope. "Active" means NAV has not let
 * the ad expire: an ad past `expires_at` is gone even before the next sync deletes it.
 */

export interface AdFilter {
  regionId: string;
  /** ISO time; ads that expired before it are not shown. */
  now: string;
  /** YYYY-MM-DD, for the deadline filters. */
  today: string;
  /** Folded search words: each must occur in the ad's folded search key. */
  words: string[];
  municipalityCode?: string | undefined;
  /** A 1- or 2-digit STYRK-08 group, matched as a prefix of the ad's code. */
  occupation?: string | undefined;
  sector?: 'public' | 'private' | undefined;
  extent?: 'full_time' | 'part_time' | undefined;
  /** The last day a deadline may fall on ('open': today or later, or no date). */
  dueBy?: { from: string; to: string | null; includeUndated: boolean } | undefined;
}

type AdQuery = SelectQueryBuilder<Database, 'jobAds', object>;

const active = (now: string) => (eb: ExpressionBuilder<Database, 'jobAds'>) =>
  eb.or([eb('expiresAt', 'is', null), eb('expiresAt', '>', now)]);

/** The code just after every code with this prefix: '2' → '3', '29' → '2:' (':' follows '9'). */
const prefixEnd = (prefix: string) =>
  prefix.slice(0, -1) + String.fromCharCode(prefix.charCodeAt(prefix.length - 1) + 1);

function filtered(db: Db, f: AdFilter): AdQuery {
  let q: AdQuery = db.selectFrom('jobAds').where('regionId', '=', f.regionId).where(active(f.now));
  if (f.municipalityCode) q = q.where('municipalityCode', '=', f.municipalityCode);
  if (f.occupation) {
    // A range, not LIKE: it uses the (region, styrk) index on both databases.
    q = q.where('styrkCode', '>=', f.occupation).where('styrkCode', '<', prefixEnd(f.occupation));
  }
  if (f.sector) q = q.where('sector', '=', f.sector);
  if (f.extent) q = q.where('extent', '=', f.extent);
  const due = f.dueBy;
  if (due) {
    q = q.where((eb) => {
      const dated = eb.and([
        eb('applicationDueDate', '>=', due.from),
        ...(due.to ? [eb('applicationDueDate', '<=', due.to)] : []),
      ]);
      return due.includeUndated ? eb.or([eb('applicationDueDate', 'is', null), dated]) : dated;
    });
  }
  for (const word of f.words) {
    // Words are folded to letters and digits, so they hold no LIKE wildcard.
    q = q.where('searchKey', 'like', `%${word}%`);
  }
  return q;
}

export async function countAds(db: Db, f: AdFilter): Promise<number> {
  const row = await filtered(db, f)
    .select((eb) => eb.fn.countAll<number | string>().as('n'))
    .executeTakeFirst();
  return Number(row?.n ?? 0);
}

const SUMMARY = [
  'id',
  'title',
  'employerName',
  'municipalityCode',
  'workCity',
  'styrkCode',
  'sector',
  'extent',
  'applicationDueText',
  'applicationDueDate',
  'publishedAt',
  'navLink',
] as const;

/**
 * One page of ads. The ids come first from the search index alone (every filter column and
 * the sort are in it, so no ad row is read while filtering); then only those rows are read.
 */
export async function findAds(
  db: Db,
  f: AdFilter,
  sort: 'newest' | 'deadline',
  limit: number,
  offset: number,
) {
  let q = filtered(db, f).select('id');
  if (sort === 'deadline') {
    // Dated deadlines first, soonest first; "as soon as possible" and undated after them. The
    // expression is the one the deadline index holds, so the order comes from it.
    q = q.orderBy(sql`coalesce(${sql.ref('applicationDueDate')}, '9999-12-31')`);
  }
  const ids = (
    await q.orderBy('publishedAt', 'desc').orderBy('id').limit(limit).offset(offset).execute()
  ).map((r) => r.id);
  if (ids.length === 0) return [];
  const rows = await db
    .selectFrom('jobAds')
    .select([...SUMMARY])
    .where('id', 'in', ids)
    .execute();
  const byId = new Map(rows.map((r) => [r.id, r]));
  return ids.flatMap((id) => byId.get(id) ?? []);
}

export type AdSummaryRow = Awaited<ReturnType<typeof findAds>>[number];

/** One active ad with everything its page shows. */
export async function findAd(db: Db, regionId: string, id: string, now: string) {
  return db
    .selectFrom('jobAds')
    .selectAll()
    .where('regionId', '=', regionId)
    .where('id', '=', id)
    .where(active(now))
    .executeTakeFirst();
}

export type AdRow = NonNullable<Awaited<ReturnType<typeof findAd>>>;

/** The newest ads for the Atom feed, with their descriptions. */
export async function newestAds(db: Db, regionId: string, now: string, limit: number) {
  return db
    .selectFrom('jobAds')
    .selectAll()
    .where('regionId', '=', regionId)
    .where(active(now))
    .orderBy('publishedAt', 'desc')
    .orderBy('id')
    .limit(limit)
    .execute();
}

/** Active ads per municipality in the region. */
export async function countByMunicipality(db: Db, regionId: string, now: string) {
  const rows = await db
    .selectFrom('jobAds')
    .select(['municipalityCode', (eb) => eb.fn.countAll<number | string>().as('n')])
    .where('regionId', '=', regionId)
    .where(active(now))
    .groupBy('municipalityCode')
    .execute();
  return new Map(rows.map((r) => [r.municipalityCode, Number(r.n)]));
}

/** Active ads grouped as the daily counts keep them: municipality × STYRK code × sector. */
export async function countActiveGroups(db: Db, regionId: string, now: string) {
  const rows = await db
    .selectFrom('jobAds')
    .select([
      'municipalityCode',
      'styrkCode',
      'sector',
      (eb) => eb.fn.countAll<number | string>().as('n'),
    ])
    .where('regionId', '=', regionId)
    .where(active(now))
    .groupBy(['municipalityCode', 'styrkCode', 'sector'])
    .execute();
  return rows.map((r) => ({ ...r, n: Number(r.n) }));
}
