import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CampaignProgress } from '../src/contracts/calling-progress.js';
import { systemClock } from '../src/server/deps.js';
import { createCampaign } from '../src/server/modules/referral/campaigns.service.js';
import { ensureDemoRegion } from '../src/server/modules/regions/regions.service.js';
import { createUser } from '../src/server/modules/users/users.service.js';
import { TEST_PASSWORD } from './support/auth.js';
import { seedCallers, type TestCaller } from './support/calling.js';
import { seedCardedProspects } from './support/calling-progress.js';
import { fromSource } from './support/cli.js';
import { createTestDatabase, type TestDatabase } from './support/database.js';
import { type ServerProcess, startServerProcess } from './support/process.js';
import { openSse } from './support/sse.js';

const progressOf = (e: { data: string }) => JSON.parse(e.data) as CampaignProgress;
const tynset = (p: CampaignProgress) => p.municipalities.find((m) => m.code === '3427')!;

// Live progress across processes: a screen on B hears what was saved through A (LISTEN/NOTIFY).
describe.skipIf(!process.env.TEST_DATABASE_URL)('live progress across two app processes', () => {
  let database: TestDatabase;
  let a: ServerProcess;
  let b: ServerProcess;
  let caller: TestCaller;
  let campaignId: string;
  let hostId: string;
  const email = 'host.live-progress@example.no';

  beforeAll(async () => {
    database = await createTestDatabase('postgres');
    const regionId = await ensureDemoRegion(database.db, systemClock);
    hostId = await createUser(database.db, systemClock, {
      email,
      name: 'Vert Direkte',
      role: 'host',
      regionId,
      municipalityCodes: ['3427'],
      password: TEST_PASSWORD,
    });
    const campaign = await createCampaign(
      database.db,
      systemClock,
      {
        principal: {
          userId: hostId,
          email,
          name: 'Leder',
          role: 'programme_leader',
          regionId,
          municipalityCodes: [],
          campaignId: null,
          via: 'session',
          mfaEnrolmentRequired: false,
        },
        ip: null,
      },
      {
        name: 'Savner du noen? Live',
        kind: 'referral',
        status: 'open',
        startsOn: '2026-11-01',
        endsOn: '2027-01-31',
        callingDays: [],
        texts: { nb: { title: 'Savner du noen?', intro: '' } },
        postcardMessage: '',
        postcardLocale: 'nb',
        callScript: '',
        targets: { calls: 10 },
        callingHours: { days: [1, 2, 3, 4, 5, 6, 7], from: '00:00', to: '24:00' },
      },
    );
    campaignId = campaign.id;
    const t = { deps: { db: database.db }, clock: systemClock };
    await seedCardedProspects(t, campaignId, '3427', 3);
    caller = (await seedCallers(database.db, systemClock, regionId, campaignId, 1))[0]!;
    const url = new URL(process.env.TEST_DATABASE_URL!);
    url.searchParams.set('options', `-c search_path=${database.schema}`);
    const env = { DATABASE_URL: url.toString(), FLYTTHIT_FROM_SOURCE: fromSource };
    [a, b] = await Promise.all([startServerProcess(env), startServerProcess(env)]);
  });
  afterAll(async () => {
    await Promise.all([a?.stop(), b?.stop()]);
    await database?.destroy();
  });

  async function signInOn(server: ServerProcess) {
    const res = await fetch(`${server.url}/api/auth/sign-in`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ email, password: TEST_PASSWORD }),
    });
    expect(res.status).toBe(200);
    return res.headers.get('set-cookie')!.split(';')[0]!;
  }

  it('updates a stream on B within 2 s of an outcome saved on A, and B stops in time', async () => {
    const cookie = await signInOn(b);
    const stream = await openSse(`${b.url}/api/campaigns/${campaignId}/progress/stream`, {
      cookie,
    });
    try {
      expect(stream.status).toBe(200);
      const first = progressOf(await stream.waitFor((e) => e.event === 'progress', 5_000, 0));
      expect(tynset(first)).toMatchObject({ calls: 0, remaining: 3 });

      // A caller on process A: claim the next person and save the outcome.
      const auth = { authorization: `Bearer ${caller.token}` };
      const claim = await fetch(`${a.url}/api/campaigns/${campaignId}/claims`, {
        method: 'POST',
        headers: auth,
      });
      expect(claim.status).toBe(201);
      const { claim: held } = (await claim.json()) as { claim: { id: string } };
      const saved = await fetch(`${a.url}/api/claims/${held.id}/outcome`, {
        method: 'POST',
        headers: { ...auth, 'content-type': 'application/json', 'idempotency-key': 'multi-1' },
        body: JSON.stringify({ outcome: 'interested', interests: ['jobs'] }),
      });
      expect(saved.status).toBe(201);

      const next = await stream.waitFor(
        (e) => e.event === 'progress' && tynset(progressOf(e)).calls === 1,
        2_000,
      );
      expect(tynset(progressOf(next))).toMatchObject({ interested: 1, remaining: 2 });

      // A graceful stop ends the open stream instead of waiting 10 s for it.
      // (exit 1 would mean the 10 s force-exit fired.)
      const code = await b.stop();
      await stream.ended;
      expect(code).toBe(0);
    } finally {
      stream.close();
    }
  });
});
