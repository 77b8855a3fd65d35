import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { systemClock } from '../src/server/deps.js';
import { ensureDemoRegion } from '../src/server/modules/regions/regions.service.js';
import {
  seedCallers,
  seedCallingCampaign,
  seedProspects,
  type TestCaller,
} from './support/calling.js';
import { fromSource } from './support/cli.js';
import { createTestDatabase, type TestDatabase } from './support/database.js';
import { type ServerProcess, startServerProcess } from './support/process.js';

// Two real app processes on one PostgreSQL: 100 callers claiming at once, half on each.
describe.skipIf(!process.env.TEST_DATABASE_URL)('claims across two app processes', () => {
  let database: TestDatabase;
  let a: ServerProcess;
  let b: ServerProcess;
  let campaignId: string;
  let team: TestCaller[];

  beforeAll(async () => {
    database = await createTestDatabase('postgres');
    const regionId = await ensureDemoRegion(database.db, systemClock);
    // The real clock runs here: call every day, all day.
    campaignId = await seedCallingCampaign(database.db, systemClock, regionId, {
      days: [1, 2, 3, 4, 5, 6, 7],
      from: '00:00',
      to: '24:00',
    });
    await seedProspects(database.db, campaignId, regionId, 150, {
      at: new Date(Date.now() - 86_400_000).toISOString(),
    });
    team = await seedCallers(database.db, systemClock, regionId, campaignId, 100);
    const url = new URL(process.env.TEST_DATABASE_URL!);
    url.searchParams.set('options', `-c search_path=${database.schema}`);
    const env = { DATABASE_URL: url.toString(), FLYTTHIT_FROM_SOURCE: fromSource };
    [a, b] = await Promise.all([startServerProcess(env), startServerProcess(env)]);
  }, 120_000);
  afterAll(async () => {
    await Promise.all([a?.stop(), b?.stop()]);
    await database?.destroy();
  });

  it('never gives two callers the same person', async () => {
    const answers = await Promise.all(
      team.map(async (caller, i) => {
        const server = i % 2 === 0 ? a : b;
        const res = await fetch(`${server.url}/api/campaigns/${campaignId}/claims`, {
          method: 'POST',
          headers: { authorization: `Bearer ${caller.token}` },
        });
        return { status: res.status, body: (await res.json()) as { prospect: { id: string } } };
      }),
    );
    expect(answers.map((x) => x.status)).toEqual(team.map(() => 201));
    const people = answers.map((x) => x.body.prospect.id);
    expect(new Set(people).size).toBe(100);
    const open = await database.db
      .selectFrom('claims')
      .select('prospectId')
      .where('closedAt', 'is', null)
      .execute();
    expect(open).toHaveLength(100);
    expect(new Set(open.map((c) => c.prospectId)).size).toBe(100);
  }, 60_000);
});
