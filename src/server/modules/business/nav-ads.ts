import type { Db } from '../../db/database.js';
import { countAdsByEmployer } from '../jobs/jobs.service.js';

/**
 * NAV ads per employer org.nr since a time, from the jobs module (its history outlives the
 * ads themselves, so an employer who posted and whose ad has expired still counts).
 */
export async function navAdsByEmployer(
  db: Db,
  regionId: string,
  since: Date,
): Promise<Map<string, number>> {
  const rows = await countAdsByEmployer(db, { regionId, since });
  return new Map([...rows].map(([orgNumber, r]) => [orgNumber, r.count]));
}
