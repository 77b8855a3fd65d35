import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../../../test/support/app.js';
import {
  createTestUser,
  signIn,
  type TestSession,
  type TestUser,
} from '../../../../test/support/auth.js';
import {
  callsOf,
  claimFor,
  seedCardedProspects,
  seedOutcome,
} from '../../../../test/support/calling-progress.js';
import { testDialects } from '../../../../test/support/database.js';
import { createOpenCampaign } from '../../../../test/support/referral.js';
import { createTestRegion } from '../../../../test/support/regions.js';
import { openSse, type SseClient } from '../../../../test/support/sse.js';
import type { CampaignProgress } from '../../../contracts/calling-progress.js';
import { createLocalBus } from '../../events/bus.js';
import { createProgressHub } from './progress.hub.js';
import { streamTiming } from './progress.routes.js';
import { PROGRESS_TOPIC } from './progress.service.js';

const ALL_WEEK = { days: [1, 2, 3, 4, 5, 6, 7], from: '00:00', to: '24:00' };
const progressOf = (e: { data: string }) => JSON.parse(e.data) as CampaignProgress;
const row = (p: CampaignProgress, code: string) => p.municipalities.find((m) => m.code === code);

describe.each(testDialects)('live progress of the calling day on %s', (dialect) => {
  let t: TestApp;
  let base: string;
  let leader: TestSession;
  let host3428: TestSession;
  let callerUser: TestUser;
  let caller: TestSession;
  let otherCaller: TestUser;
  let outsider: TestSession;
  let campaignId: string;
  let prospects3427: string[];

  beforeAll(async () => {
    t = await createTestApp(dialect);
    leader = await signIn(t, await createTestUser(t, { role: 'programme_leader' }));
    host3428 = await signIn(
      t,
      await createTestUser(t, { role: 'host', municipalityCodes: ['3428'] }),
    );
    campaignId = (
      await createOpenCampaign(leader, { targets: { calls: 8 }, callingHours: ALL_WEEK })
    ).id;
    callerUser = await createTestUser(t, { role: 'caller', name: 'Åse Ringer', campaignId });
    caller = await signIn(t, callerUser);
    otherCaller = await createTestUser(t, { role: 'caller', name: 'Bjørn Ringer', campaignId });
    const otherRegion = await createTestRegion(t);
    outsider = await signIn(
      t,
      await createTestUser(t, { role: 'programme_leader', regionId: otherRegion }),
    );
    prospects3427 = await seedCardedProspects(t, campaignId, '3427', 4);
    await seedCardedProspects(t, campaignId, '3428', 2);
    await t.app.listen({ host: '127.0.0.1', port: 0 });
    base = `http://127.0.0.1:${(t.app.server.address() as AddressInfo).port}`;
  });
  afterAll(async () => t?.close());

  const get = (s: TestSession, id = campaignId) =>
    s.request({ url: `/api/campaigns/${id}/progress` });

  it('counts calls, reached, interested, remaining and in progress per municipality and caller', async () => {
    await seedOutcome(t, campaignId, prospects3427[0]!, callerUser.id, 'interested');
    await seedOutcome(t, campaignId, prospects3427[1]!, callerUser.id, 'no_answer');
    await seedOutcome(t, campaignId, prospects3427[2]!, otherCaller.id, 'opt_out');
    await claimFor(t, campaignId, prospects3427[3]!, otherCaller.id);

    const res = await get(leader);
    expect(res.statusCode).toBe(200);
    const p = res.json() as CampaignProgress;
    expect(p.scope).toBe('region');
    expect(p.isDemo).toBe(true);
    // Every municipality of the region, zeros included.
    expect(p.municipalities).toHaveLength(7);
    expect(row(p, '3427')).toMatchObject({
      name: 'Tynset',
      calls: 3,
      reached: 2,
      interested: 1,
      // interested and opt-out closed; no answer waits for its next try; one is held.
      remaining: 2,
      inProgress: 1,
      carded: 4,
    });
    expect(row(p, '3428')).toMatchObject({ calls: 0, remaining: 2, carded: 2 });
    expect(p.totals).toMatchObject({ calls: 3, reached: 2, interested: 1, remaining: 4 });
    expect(p.target).toEqual({ calls: 8, percent: 37 });
    expect(p.callers).toEqual([
      { callerId: callerUser.id, name: 'Åse Ringer', calls: 2, reached: 1, interested: 1 },
      { callerId: otherCaller.id, name: 'Bjørn Ringer', calls: 1, reached: 1, interested: 0 },
    ]);
  });

  it('shows a host their municipalities and a caller only the totals and their own row', async () => {
    const forHost = (await get(host3428)).json() as CampaignProgress;
    expect(forHost.scope).toBe('municipalities');
    expect(forHost.municipalities.map((m) => m.code)).toEqual(['3428']);
    expect(forHost.callers).toEqual([]);
    expect(forHost.target).toBeNull();

    const forCaller = (await get(caller)).json() as CampaignProgress;
    expect(forCaller.municipalities.map((m) => m.code)).toEqual(['3427']);
    expect(forCaller.totals.calls).toBe(3);
    expect(forCaller.callers.map((c) => c.callerId)).toEqual([callerUser.id]);
  });

  it('answers 404 for another region’s campaign and for a missing one, on both routes', async () => {
    expect((await get(outsider)).statusCode).toBe(404);
    expect((await get(leader, crypto.randomUUID())).statusCode).toBe(404);
    const stream = await openSse(`${base}/api/campaigns/${campaignId}/progress/stream`, {
      cookie: outsider.cookie,
    });
    expect(stream.status).toBe(404);
    const anonymous = await openSse(`${base}/api/campaigns/${campaignId}/progress/stream`);
    expect(anonymous.status).toBe(401);
  });

  it('streams the numbers at connect and again after an outcome is saved', async () => {
    const stream = await openSse(`${base}/api/campaigns/${campaignId}/progress/stream`, {
      cookie: leader.cookie,
    });
    try {
      expect(stream.status).toBe(200);
      expect(stream.headers.get('content-type')).toMatch(/^text\/event-stream/);
      expect(stream.headers.get('content-security-policy')).toContain("default-src 'self'");
      const first = row(
        progressOf(await stream.waitFor((e) => e.event === 'progress', 5_000, 0)),
        '3427',
      )!;
      await seedCardedProspects(t, campaignId, '3427', 1);

      // The calling screen's own API: claim the next person, then save the outcome.
      const claim = await caller.request({
        method: 'POST',
        url: `/api/campaigns/${campaignId}/claims`,
      });
      expect(claim.statusCode).toBe(201);
      const held = await stream.waitFor(
        (e) =>
          e.event === 'progress' && row(progressOf(e), '3427')!.inProgress === first.inProgress + 1,
        2_000,
      );
      expect(row(progressOf(held), '3427')!.calls).toBe(first.calls);

      const saved = await caller.request({
        method: 'POST',
        url: `/api/claims/${(claim.json() as { claim: { id: string } }).claim.id}/outcome`,
        headers: { 'idempotency-key': `progress-${dialect}` },
        payload: { outcome: 'interested', interests: ['housing'] },
      });
      expect(saved.statusCode).toBe(201);
      const next = await stream.waitFor(
        (e) => e.event === 'progress' && row(progressOf(e), '3427')!.calls === first.calls + 1,
        2_000,
      );
      expect(row(progressOf(next), '3427')).toMatchObject({
        interested: first.interested + 1,
        reached: first.reached + 1,
        inProgress: first.inProgress,
      });
      expect(await callsOf(t, campaignId)).toBe(first.calls + 1);
    } finally {
      stream.close();
    }
  });

  it('ends a stream once its session is signed out', async () => {
    const user = await createTestUser(t, { role: 'host', municipalityCodes: ['3427'] });
    const session = await signIn(t, user);
    streamTiming.heartbeatMs = 100;
    const stream = await openSse(`${base}/api/campaigns/${campaignId}/progress/stream`, {
      cookie: session.cookie,
    });
    try {
      await stream.waitFor((e) => e.event === 'progress', 5_000, 0);
      const out = await session.request({ method: 'POST', url: '/api/auth/sign-out' });
      expect(out.statusCode).toBe(204);
      await stream.ended;
      const again = await openSse(`${base}/api/campaigns/${campaignId}/progress/stream`, {
        cookie: session.cookie,
      });
      expect(again.status).toBe(401);
    } finally {
      streamTiming.heartbeatMs = 20_000;
      stream.close();
    }
  });

  it('documents both routes in the OpenAPI document', async () => {
    const doc = (await t.app.inject({ url: '/api/openapi.json' })).json() as {
      paths: Record<string, unknown>;
    };
    expect(Object.keys(doc.paths)).toEqual(
      expect.arrayContaining([
        '/api/campaigns/{campaignId}/progress',
        '/api/campaigns/{campaignId}/progress/stream',
      ]),
    );
  });

  it('sends a caller’s stream only their own view', async () => {
    const stream = await openSse(`${base}/api/campaigns/${campaignId}/progress/stream`, {
      cookie: caller.cookie,
    });
    try {
      const first = progressOf(await stream.waitFor((e) => e.event === 'progress', 5_000, 0));
      expect(first.municipalities.map((m) => m.code)).toEqual(['3427']);
      expect(first.callers.every((c) => c.callerId === callerUser.id)).toBe(true);
    } finally {
      stream.close();
    }
  });
});

describe('the progress hub', () => {
  it('reads once for a burst of messages, shared by every listener of the campaign', async () => {
    const t = await createTestApp('sqlite');
    const events = createLocalBus();
    const hub = createProgressHub({ db: t.deps.db, clock: t.clock, events, coalesceMs: 300 });
    try {
      const leader = await signIn(t, await createTestUser(t, { role: 'programme_leader' }));
      const campaignId = (await createOpenCampaign(leader)).id;
      const principal = {
        userId: 'x',
        email: 'x@example.no',
        name: 'X',
        role: 'programme_leader' as const,
        regionId: t.demoRegionId,
        municipalityCodes: [],
        campaignId: null,
        via: 'session' as const,
        mfaEnrolmentRequired: false,
      };
      const received: number[] = [];
      const ends: number[] = [];
      for (const n of [1, 2, 3]) {
        hub.add(campaignId, {
          principal,
          send: () => received.push(n),
          end: () => ends.push(n),
        });
      }
      for (let i = 0; i < 20; i++) await events.publish(PROGRESS_TOPIC, campaignId);
      await new Promise((r) => setTimeout(r, 1_000));
      expect(hub.recomputes).toBe(1);
      expect(received.sort()).toEqual([1, 2, 3]);
      hub.close();
      expect(ends.sort()).toEqual([1, 2, 3]);
    } finally {
      hub.close();
      await t.close();
    }
  });

  it('ends open streams when the app closes, so a graceful stop does not wait for them', async () => {
    const t = await createTestApp('sqlite');
    const leader = await signIn(t, await createTestUser(t, { role: 'programme_leader' }));
    const campaignId = (await createOpenCampaign(leader)).id;
    await t.app.listen({ host: '127.0.0.1', port: 0 });
    const port = (t.app.server.address() as AddressInfo).port;
    const streams: SseClient[] = [];
    for (let i = 0; i < 3; i++) {
      streams.push(
        await openSse(`http://127.0.0.1:${port}/api/campaigns/${campaignId}/progress/stream`, {
          cookie: leader.cookie,
        }),
      );
    }
    await Promise.all(streams.map((s) => s.waitFor((e) => e.event === 'progress', 5_000, 0)));
    const started = Date.now();
    await t.close();
    await Promise.all(streams.map((s) => s.ended));
    // Far below the 10 s the graceful stop would wait for (not a timing assertion on speed).
    expect(Date.now() - started).toBeLessThan(5_000);
  });
});
