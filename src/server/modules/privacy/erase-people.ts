import type { Db } from '../../db/database.js';
import { erasePeople } from '../referral/prospects.service.js';
import { eraseCallDetails } from './privacy.repo.js';

/**
 * Erases prospects everywhere: what calls say about them (notes, interests, call-back time;
 * the call stays as a count), then referral's erasure (their tips' person data, their rows;
 * claims, follow-up tasks, postcard items and duplicate proposals go with them by cascade).
 * Returns how many call rows lost their details.
 */
export async function erasePersonRecords(db: Db, prospectIds: string[], at: Date) {
  if (!prospectIds.length) return 0;
  const calls = await eraseCallDetails(db, prospectIds);
  await erasePeople(db, prospectIds, at);
  return calls;
}
