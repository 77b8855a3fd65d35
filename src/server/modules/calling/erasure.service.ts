import type { Db } from '../../db/database.js';
import { eraseCallNotes } from './calls.repo.js';

/**
 * Erasure of people (opt-out, retention, staff): their calls stay as counts, without notes;
 * the prospect id becomes null by the foreign key once the prospect row goes. Their open
 * claims go with the prospect (cascade). Called by referral's erasePeople before the delete.
 */
export async function eraseCallsOf(db: Db, prospectIds: string[]): Promise<void> {
  await eraseCallNotes(db, prospectIds);
}
