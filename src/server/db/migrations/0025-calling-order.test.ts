import { Migrator } from 'kysely';
import { afterEach, describe, expect, it } from 'vitest';
import {
  seedCallers,
  seedCallingCampaign,
  seedProspects,
} from '../../../../test/support/calling.js';
import { TestClock } from '../../../../test/support/clock.js';
import {
  createTestDatabase,
  type TestDatabase,
  testDialects,
} from '../../../../test/support/database.js';
import { ensureDemoRegion } from '../../modules/regions/regions.service.js';
import { migrateToLatest } from '../migrate.js';
import { newId } from '../portable.js';
import { FlytthitMigrationProvider } from './index.js';

describe.each(testDialects)('migration 0025 (calling order) on %s', (dialect) => {
  let handle: TestDatabase | undefined;
  afterEach(async () => handle?.destroy());

  it('closes a caller’s older open claims in a campaign, then allows one open claim per caller', async () => {
    handle = await createTestDatabase(dialect, { migrate: false });
    const migrator = new Migrator({
      db: handle.db,
      provider: new FlytthitMigrationProvider(handle.dialect),
      ...(handle.schema ? { migrationTableSchema: handle.schema } : {}),
    });
    const before = await migrator.migrateTo('0024-outbox-attachments');
    expect(before.error).toBeUndefined();

    const { db } = handle;
    const clock = new TestClock('2026-11-27T10:00:00.000Z');
    const regionId = await ensureDemoRegion(db, clock);
    const campaignId = await seedCallingCampaign(db, clock, regionId);
    const [tynset, alvdal] = [
      ...(await seedProspects(db, campaignId, regionId, 1)),
      ...(await seedProspects(db, campaignId, regionId, 1, { municipalityCode: '3428' })),
    ];
    const [caller] = await seedCallers(db, clock, regionId, campaignId, 1);
    // What an older version could leave: a lease run out in one municipality, a newer claim in
    // another, both open.
    const claim = (prospectId: string, municipalityCode: string, at: string) => ({
      id: newId(),
      campaignId,
      regionId,
      municipalityCode,
      prospectId,
      callerId: caller!.id,
      claimedAt: at,
      expiresAt: new Date(Date.parse(at) + 15 * 60_000).toISOString(),
    });
    const older = claim(tynset!, '3427', '2026-11-27T09:00:00.000Z');
    const newer = claim(alvdal!, '3428', '2026-11-27T09:50:00.000Z');
    await db.insertInto('claims').values([older, newer]).execute();

    await migrateToLatest(handle);

    const rows = await db
      .selectFrom('claims')
      .select(['id', 'closedAt', 'closeReason'])
      .orderBy('claimedAt')
      .execute();
    expect(rows).toEqual([
      { id: older.id, closedAt: older.expiresAt, closeReason: 'expired' },
      { id: newer.id, closedAt: null, closeReason: null },
    ]);
    const second = claim(tynset!, '3427', '2026-11-27T09:55:00.000Z');
    await expect(db.insertInto('claims').values(second).execute()).rejects.toThrow(/unique/i);
  });
});
