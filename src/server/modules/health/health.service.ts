import type { Db } from '../../db/database.js';
import { pingDatabase } from './health.repo.js';

export async function checkDatabase(db: Db): Promise<boolean> {
  try {
    await pingDatabase(db);
    return true;
  } catch {
    return false;
  }
}
