import type { Db } from '../../db/database.js';
import * as repo from './suppressions.repo.js';

/**
 * The opt-out register for other modules (privacy's erasure and access export): the
 * installation's hashing salt, and adding hashed entries that stop every later contact.
 */
export const suppressionSalt = (db: Db): Promise<string> => repo.getOrCreateSalt(db);

export async function suppress(
  db: Db,
  entries: Array<{ hash: string; kind: 'phone' | 'name_address' }>,
  at: Date,
): Promise<void> {
  await repo.insertSuppressions(
    db,
    entries.map((e) => ({ ...e, createdAt: at.toISOString() })),
  );
}
