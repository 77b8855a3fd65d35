import type { Db } from '../../db/database.js';
import * as repo from './stories.repo.js';

/**
 * Newcomers' stories in the privacy operations: found through the newcomer (the access
 * export) and deleted with them (erasure; the retention purge deletes them by the foreign
 * key's cascade when the newcomer goes).
 */
export async function findNewcomerStoryData(db: Db, newcomerIds: string[]) {
  const rows = await repo.storiesOf(db, newcomerIds);
  return rows.map((s) => ({
    title: s.title,
    body: s.body,
    locale: s.locale,
    consentGivenOn: s.consentGivenOn,
    consentRecordedAt: s.consentRecordedAt,
    consentWithdrawnAt: s.consentWithdrawnAt,
    publishedAt: s.publishedAt,
    createdAt: s.createdAt,
  }));
}

export const eraseNewcomerStories = (db: Db, newcomerIds: string[]) =>
  repo.deleteStoriesOf(db, newcomerIds);
