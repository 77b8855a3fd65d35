import type { Insertable, Updateable } from 'kysely';
import type { Db } from '../../db/database.js';
import type { MediaEntryTable } from '../../db/schema.js';

/** The goals module's SQL: the programme document and the media log, always by region. */

export function findProgramme(db: Db, regionId: string) {
  return db
    .selectFrom('goalProgrammes')
    .select(['document', 'updatedAt'])
    .where('regionId', '=', regionId)
    .executeTakeFirst();
}

export async function upsertProgramme(
  db: Db,
  row: { regionId: string; document: string; updatedAt: string; updatedBy: string | null },
): Promise<void> {
  await db
    .insertInto('goalProgrammes')
    .values(row)
    .onConflict((oc) =>
      oc.column('regionId').doUpdateSet({
        document: row.document,
        updatedAt: row.updatedAt,
        updatedBy: row.updatedBy,
      }),
    )
    .execute();
}

const MEDIA_COLUMNS = [
  'id',
  'publishedOn',
  'outlet',
  'level',
  'url',
  'reach',
  'tone',
  'title',
  'createdAt',
] as const;

export function listMedia(db: Db, regionId: string, range: { from: string; to: string }) {
  return db
    .selectFrom('mediaEntries')
    .select(MEDIA_COLUMNS)
    .where('regionId', '=', regionId)
    .where('publishedOn', '>=', range.from)
    .where('publishedOn', '<=', range.to)
    .orderBy('publishedOn', 'desc')
    .orderBy('createdAt', 'desc')
    .execute();
}

export function findMedia(db: Db, regionId: string, id: string) {
  return db
    .selectFrom('mediaEntries')
    .select(MEDIA_COLUMNS)
    .where('regionId', '=', regionId)
    .where('id', '=', id)
    .executeTakeFirst();
}

export async function insertMedia(db: Db, row: Insertable<MediaEntryTable>): Promise<void> {
  await db.insertInto('mediaEntries').values(row).execute();
}

export async function updateMedia(
  db: Db,
  regionId: string,
  id: string,
  patch: Updateable<MediaEntryTable>,
): Promise<boolean> {
  const r = await db
    .updateTable('mediaEntries')
    .set(patch)
    .where('regionId', '=', regionId)
    .where('id', '=', id)
    .executeTakeFirst();
  return Number(r.numUpdatedRows) > 0;
}

export async function deleteMedia(db: Db, regionId: string, id: string): Promise<boolean> {
  const r = await db
    .deleteFrom('mediaEntries')
    .where('regionId', '=', regionId)
    .where('id', '=', id)
    .executeTakeFirst();
  return Number(r.numDeletedRows) > 0;
}

/** Mentions per year (YYYY) in a range, optionally of one level. */
export async function countMediaByYear(
  db: Db,
  regionId: string,
  range: { from: string; to: string },
  level: string | null,
): Promise<Map<string, number>> {
  let q = db
    .selectFrom('mediaEntries')
    .select(['publishedOn'])
    .where('regionId', '=', regionId)
    .where('publishedOn', '>=', range.from)
    .where('publishedOn', '<=', range.to);
  if (level) q = q.where('level', '=', level as MediaEntryTable['level']);
  const out = new Map<string, number>();
  // A region logs tens of mentions a year: counting in code keeps the SQL portable.
  for (const r of await q.execute()) {
    const y = r.publishedOn.slice(0, 4);
    out.set(y, (out.get(y) ?? 0) + 1);
  }
  return out;
}
