import type { Db } from '../../db/database.js';
import type {
  ContentImageFileTable,
  ContentImageTable,
  ContentItemTable,
  ContentRevisionTable,
} from '../../db/schema.js';

/** SQL for pages and news: items and their revisions, always within one region. */

export type ItemRow = ContentItemTable;
export type RevisionRow = ContentRevisionTable;

export function listItems(db: Db, regionId: string) {
  return db
    .selectFrom('contentItems as i')
    .innerJoin('contentRevisions as r', (j) =>
      j.onRef('r.itemId', '=', 'i.id').onRef('r.number', '=', 'i.currentRevision'),
    )
    .selectAll('i')
    .select(['r.titleNb', 'r.titleNn', 'r.titleEn'])
    .where('i.regionId', '=', regionId)
    .orderBy('i.kind')
    .orderBy('i.updatedAt', 'desc')
    .execute();
}

export function findItem(db: Db, regionId: string, id: string) {
  return db
    .selectFrom('contentItems')
    .selectAll()
    .where('regionId', '=', regionId)
    .where('id', '=', id)
    .executeTakeFirst();
}

export function slugTaken(db: Db, regionId: string, kind: string, slug: string, except?: string) {
  let q = db
    .selectFrom('contentItems')
    .select('id')
    .where('regionId', '=', regionId)
    .where('kind', '=', kind as ItemRow['kind'])
    .where('slug', '=', slug);
  if (except) q = q.where('id', '<>', except);
  return q.executeTakeFirst().then((r) => !!r);
}

export async function insertItem(db: Db, row: ItemRow): Promise<void> {
  await db.insertInto('contentItems').values(row).execute();
}

export async function updateItem(
  db: Db,
  id: string,
  patch: Partial<Omit<ItemRow, 'id' | 'regionId'>>,
): Promise<void> {
  await db.updateTable('contentItems').set(patch).where('id', '=', id).execute();
}

export async function insertRevision(db: Db, row: RevisionRow): Promise<void> {
  await db.insertInto('contentRevisions').values(row).execute();
}

export function listRevisions(db: Db, itemId: string) {
  return db
    .selectFrom('contentRevisions as r')
    .leftJoin('users as u', 'u.id', 'r.createdBy')
    .select(['r.number', 'r.createdAt', 'r.restoredFrom', 'u.name as createdByName'])
    .where('r.itemId', '=', itemId)
    .orderBy('r.number', 'desc')
    .execute();
}

export function findRevision(db: Db, itemId: string, number: number) {
  return db
    .selectFrom('contentRevisions')
    .selectAll()
    .where('itemId', '=', itemId)
    .where('number', '=', number)
    .executeTakeFirst();
}

/** Published items of a kind with their published texts, newest first. */
export function publishedItems(db: Db, regionId: string, kind: ItemRow['kind'], slug?: string) {
  let q = db
    .selectFrom('contentItems as i')
    .innerJoin('contentRevisions as r', (j) =>
      j.onRef('r.itemId', '=', 'i.id').onRef('r.number', '=', 'i.publishedRevision'),
    )
    .select([
      'i.id',
      'i.slug',
      'i.publishedAt',
      'i.firstPublishedAt',
      'r.titleNb',
      'r.bodyNb',
      'r.titleNn',
      'r.bodyNn',
      'r.titleEn',
      'r.bodyEn',
    ])
    .where('i.regionId', '=', regionId)
    .where('i.kind', '=', kind)
    .where('i.publishedRevision', 'is not', null);
  if (slug !== undefined) q = q.where('i.slug', '=', slug);
  return q.orderBy('i.firstPublishedAt', 'desc').orderBy('i.id').execute();
}
export type PublishedRow = Awaited<ReturnType<typeof publishedItems>>[number];

export async function insertImage(
  db: Db,
  image: ContentImageTable,
  files: ContentImageFileTable[],
): Promise<void> {
  await db.insertInto('contentImages').values(image).execute();
  for (const f of files) await db.insertInto('contentImageFiles').values(f).execute();
}

export function findImageFile(db: Db, imageId: string, width: number) {
  return db
    .selectFrom('contentImageFiles')
    .select(['contentType', 'bytes'])
    .where('imageId', '=', imageId)
    .where('width', '=', width)
    .executeTakeFirst();
}

/** Removes a page or news item and (by cascade) its revisions: for the demo's own pages. */
export async function deleteItemBySlug(
  db: Db,
  regionId: string,
  kind: ItemRow['kind'],
  slug: string,
): Promise<void> {
  await db
    .deleteFrom('contentItems')
    .where('regionId', '=', regionId)
    .where('kind', '=', kind)
    .where('slug', '=', slug)
    .execute();
}
