import type { Db } from '../../db/database.js';
import type { NewcomerStoryTable } from '../../db/schema.js';

/** SQL for newcomers' stories. Callers check the newcomer is in the actor's scope first. */

export type StoryRow = NewcomerStoryTable;

export async function insertStory(db: Db, row: StoryRow): Promise<void> {
  await db.insertInto('newcomerStories').values(row).execute();
}

export function findStory(db: Db, id: string) {
  return db.selectFrom('newcomerStories').selectAll().where('id', '=', id).executeTakeFirst();
}

export async function updateStory(
  db: Db,
  id: string,
  patch: Partial<Omit<StoryRow, 'id' | 'regionId' | 'newcomerId'>>,
): Promise<void> {
  await db.updateTable('newcomerStories').set(patch).where('id', '=', id).execute();
}

/** The stories of these newcomers, with the name of whoever recorded each consent. */
export function storiesOf(db: Db, newcomerIds: string[]) {
  if (!newcomerIds.length) return Promise.resolve([]);
  return db
    .selectFrom('newcomerStories as s')
    .leftJoin('users as u', 'u.id', 's.consentRecordedBy')
    .selectAll('s')
    .select('u.name as consentRecordedByName')
    .where('s.newcomerId', 'in', newcomerIds)
    .orderBy('s.createdAt')
    .orderBy('s.id')
    .execute();
}

/** Stories shown on the site: published, with consent given and not withdrawn. */
export function publishedStories(db: Db, regionId: string) {
  return db
    .selectFrom('newcomerStories')
    .select(['id', 'title', 'body', 'locale', 'publishedAt'])
    .where('regionId', '=', regionId)
    .where('publishedAt', 'is not', null)
    .where('consentGivenOn', 'is not', null)
    .where('consentWithdrawnAt', 'is', null)
    .orderBy('publishedAt', 'desc')
    .orderBy('id')
    .execute();
}

export async function deleteStoriesOf(db: Db, newcomerIds: string[]): Promise<number> {
  if (!newcomerIds.length) return 0;
  const r = await db
    .deleteFrom('newcomerStories')
    .where('newcomerId', 'in', newcomerIds)
    .executeTakeFirst();
  return Number(r.numDeletedRows);
}
