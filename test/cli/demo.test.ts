import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { toDbTime } from '../../src/server/db/portable.js';
import { deleteCampaignsOfRegion } from '../../src/server/modules/referral/referral.demo.repo.js';
import { DEMO_REGION, ensureDemoRegion } from '../../src/server/modules/regions/regions.service.js';
import { runCli, urlWithSchema } from '../support/cli.js';
import { TestClock } from '../support/clock.js';
import { createTestDatabase, type TestDatabase, testDialects } from '../support/database.js';

describe.each(testDialects)('flytthit demo on %s', { timeout: 120_000 }, (dialect) => {
  let database: TestDatabase;
  let env: Record<string, string>;
  const clock = new TestClock();

  beforeAll(async () => {
    database = await createTestDatabase(dialect);
    env = { DATABASE_URL: urlWithSchema(database.url, database.schema) };
  });
  afterAll(async () => database?.destroy());

  const regionBySlug = (slug: string) =>
    database.db.selectFrom('regions').selectAll().where('slug', '=', slug).executeTakeFirst();
  const codesOf = async (regionId: string) =>
    (
      await database.db
        .selectFrom('regionMunicipalities')
        .select('municipalityCode')
        .where('regionId', '=', regionId)
        .execute()
    )
      .map((r) => r.municipalityCode)
      .sort();

  it('recreates the demo region after it was changed, and leaves real regions alone', async () => {
    const demoId = await ensureDemoRegion(database.db, clock);
    // Someone played with the demo: renamed it, recoloured it, changed its municipalities.
    await database.db
      .updateTable('regions')
      .set({ name: 'Lekeregionen', themeColor: '#ff00ff' })
      .where('id', '=', demoId)
      .execute();
    await database.db
      .deleteFrom('regionMunicipalities')
      .where('regionId', '=', demoId)
      .where('municipalityCode', 'in', ['5025', '3427'])
      .execute();
    await database.db
      .insertInto('regionMunicipalities')
      .values({ regionId: demoId, municipalityCode: '3401' })
      .execute();
    // A real region that shares a municipality with the demo.
    await database.db
      .insertInto('regions')
      .values({
        id: '11111111-1111-4111-8111-111111111111',
        slug: 'nord-osterdal',
        name: 'Nord-Østerdal',
        hostname: null,
        isDemo: 0,
        themeColor: '#123456',
        createdAt: toDbTime(clock.now()),
      })
      .execute();
    await database.db
      .insertInto('regionMunicipalities')
      .values([
        { regionId: '11111111-1111-4111-8111-111111111111', municipalityCode: '3427' },
        { regionId: '11111111-1111-4111-8111-111111111111', municipalityCode: '3428' },
      ])
      .execute();
    const realBefore = await regionBySlug('nord-osterdal');

    const run = await runCli(['demo'], env);
    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);
    expect(run.stdout).toContain('Recreated the demo region Fjellregionen (7 municipalities)');
    expect(run.stdout).toContain('referral campaign');

    const demo = await regionBySlug(DEMO_REGION.slug);
    expect(demo).toMatchObject({
      id: demoId,
      name: 'Fjellregionen',
      themeColor: DEMO_REGION.themeColor,
      isDemo: 1,
    });
    expect(await codesOf(demoId)).toEqual([...DEMO_REGION.municipalityCodes].sort());
    expect(await regionBySlug('nord-osterdal')).toEqual(realBefore);
    expect(await codesOf('11111111-1111-4111-8111-111111111111')).toEqual(['3427', '3428']);
  });

  it('creates the demo region when it was deleted', async () => {
    const gone = await regionBySlug(DEMO_REGION.slug);
    // Every module's demo data hangs on the region; an operator removing it by hand would
    // switch foreign keys off for the one statement, as this does.
    await deleteCampaignsOfRegion(database.db, gone!.id);
    if (dialect === 'sqlite') {
      await sql`pragma foreign_keys = off`.execute(database.db);
      await database.db.deleteFrom('regions').where('id', '=', gone!.id).execute();
      await sql`pragma foreign_keys = on`.execute(database.db);
    } else {
      await database.db.transaction().execute(async (trx) => {
        await sql`set local session_replication_role = replica`.execute(trx);
        await trx.deleteFrom('regions').where('id', '=', gone!.id).execute();
      });
    }
    const run = await runCli(['demo'], env);
    expect(run.code).toBe(0);
    const demo = await regionBySlug(DEMO_REGION.slug);
    expect(demo?.isDemo).toBe(1);
    expect(await codesOf(demo!.id)).toHaveLength(7);
  });

  it('refuses to reset a real region that took the demo slug', async () => {
    await database.db
      .updateTable('regions')
      .set({ isDemo: 0, name: 'Ekte Fjellregionen' })
      .where('slug', '=', DEMO_REGION.slug)
      .execute();
    const run = await runCli(['demo'], env);
    expect(run.code).toBe(1);
    expect(run.stderr).toContain('is a real region');
    expect(run.stderr).not.toMatch(/\n\s+at /);
    expect((await regionBySlug(DEMO_REGION.slug))?.name).toBe('Ekte Fjellregionen');
  });
});
