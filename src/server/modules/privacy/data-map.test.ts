import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  createTestDatabase,
  type TestDatabase,
  testDialects,
} from '../../../../test/support/database.js';
import { compareWithDatabase, DATA_MAP, personalColumns } from './data-map.js';
import { listDatabaseColumns } from './privacy.repo.js';

describe.each(testDialects)('the data map on %s', (dialect) => {
  let database: TestDatabase;

  beforeAll(async () => {
    database = await createTestDatabase(dialect);
  });
  afterAll(async () => database?.destroy());

  it('classifies every column of the migrated database, and names none that is not there', async () => {
    const columns = await listDatabaseColumns(database.db, dialect);
    expect(columns.length).toBeGreaterThan(200);
    expect(compareWithDatabase(columns)).toEqual({ unclassified: [], missing: [] });
  });

  it('fails for a column a migration adds without a classification', async () => {
    await sql`alter table prospects add column favourite_colour text`.execute(database.db);
    const columns = await listDatabaseColumns(database.db, dialect);
    expect(compareWithDatabase(columns).unclassified).toEqual(['prospects.favourite_colour']);
  });

  it('covers the calling day: claims, calls, follow-up tasks and the pipeline', () => {
    const personal = new Set(personalColumns().map((c) => `${c.table}.${c.column}`));
    for (const key of [
      'calls.notes',
      'calls.outcome',
      'follow_up_tasks.notes',
      'claims.claimed_at',
      'prospects.reached_at',
      'prospects.moved_in_on',
      'tips.tipper_email',
      'outbox.to_address',
    ]) {
      expect(personal.has(key), key).toBe(true);
    }
    expect(DATA_MAP.calls?.id).toEqual({ personal: false, why: 'key' });
  });
});
