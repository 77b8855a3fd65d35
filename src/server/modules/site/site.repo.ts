import { sql } from 'kysely';
import type { Db } from '../../db/database.js';

/**
 * The site module's SQL: profile images, the brand colour (the region's `theme_color`, which
 * the visual profile owns: this module is its one writer), and the visit counts.
 */

export interface ImageMeta {
  kind: string;
  contentType: string;
  hash: string;
  bytes: number;
  updatedAt: string;
}

export async function listImages(db: Db, regionId: string): Promise<ImageMeta[]> {
  const rows = await db
    .selectFrom('siteImages')
    .select(['kind', 'contentType', 'hash', 'updatedAt', sql<number>`length(bytes)`.as('bytes')])
    .where('regionId', '=', regionId)
    .execute();
  return rows.map((r) => ({ ...r, bytes: Number(r.bytes) }));
}

export function findImageByHash(db: Db, hash: string) {
  return db
    .selectFrom('siteImages')
    .select(['contentType', 'bytes', 'hash'])
    .where('hash', '=', hash)
    .executeTakeFirst();
}

export async function upsertImage(
  db: Db,
  row: {
    regionId: string;
    kind: string;
    contentType: string;
    bytes: Buffer;
    hash: string;
    updatedAt: string;
  },
): Promise<void> {
  await db
    .insertInto('siteImages')
    .values(row)
    .onConflict((oc) =>
      oc.columns(['regionId', 'kind']).doUpdateSet({
        contentType: row.contentType,
        bytes: row.bytes,
        hash: row.hash,
        updatedAt: row.updatedAt,
      }),
    )
    .execute();
}

export async function deleteImage(db: Db, regionId: string, kind: string): Promise<boolean> {
  const r = await db
    .deleteFrom('siteImages')
    .where('regionId', '=', regionId)
    .where('kind', '=', kind)
    .executeTakeFirst();
  return Number(r.numDeletedRows) > 0;
}

export async function setThemeColor(db: Db, regionId: string, color: string): Promise<void> {
  await db.updateTable('regions').set({ themeColor: color }).where('id', '=', regionId).execute();
}

export interface VisitRow {
  regionId: string;
  day: string;
  path: string;
  locale: string;
  views: number;
}

/** Adds counted views: one upsert per row, in one transaction (both dialects). */
export async function addVisits(db: Db, rows: VisitRow[]): Promise<void> {
  if (rows.length === 0) return;
  await db.transaction().execute(async (trx) => {
    for (const row of rows) {
      await trx
        .insertInto('siteVisits')
        .values(row)
        .onConflict((oc) =>
          oc
            .columns(['regionId', 'day', 'path', 'locale'])
            .doUpdateSet({ views: sql<number>`site_visits.views + excluded.views` }),
        )
        .execute();
    }
  });
}

const inRange = (regionId: string, from: string, to: string) => ({ regionId, from, to }) as const;

export async function visitsByPath(db: Db, q: ReturnType<typeof inRange>, limit: number) {
  const rows = await db
    .selectFrom('siteVisits')
    .select(['path', sql<number>`sum(views)`.as('views')])
    .where('regionId', '=', q.regionId)
    .where('day', '>=', q.from)
    .where('day', '<=', q.to)
    .groupBy('path')
    .orderBy(sql`sum(views)`, 'desc')
    .orderBy('path')
    .limit(limit)
    .execute();
  return rows.map((r) => ({ path: r.path, views: Number(r.views) }));
}

export async function visitsByDayAndLocale(db: Db, q: ReturnType<typeof inRange>) {
  const rows = await db
    .selectFrom('siteVisits')
    .select(['day', 'locale', sql<number>`sum(views)`.as('views')])
    .where('regionId', '=', q.regionId)
    .where('day', '>=', q.from)
    .where('day', '<=', q.to)
    .groupBy(['day', 'locale'])
    .execute();
  return rows.map((r) => ({ day: r.day, locale: r.locale, views: Number(r.views) }));
}

export { inRange as visitRange };
