import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../../../test/support/app.js';
import { createTestUser, signIn } from '../../../../test/support/auth.js';
import {
  seedCallers,
  seedCallingCampaign,
  seedProspects,
  type TestCaller,
} from '../../../../test/support/calling.js';
import { testDialects } from '../../../../test/support/database.js';
import { postTip, sampleTip } from '../../../../test/support/referral.js';
import { type ClaimResponse, DEFAULT_CALLING_HOURS } from '../../../contracts/calling.js';
import { withinCallingHours } from './calling-hours.js';

const EVERY_DAY = { days: [1, 2, 3, 4, 5, 6, 7], from: '00:00', to: '24:00' };

describe.each(testDialects)('claiming the next person on %s', (dialect) => {
  let t: TestApp;

  beforeAll(async () => {
    t = await createTestApp(dialect);
  });
  afterAll(async () => t?.close());

  // A Friday, 11:00 in Norway: inside the default calling hours.
  const friday = () => t.clock.set('2026-11-27T10:00:00.000Z');

  const claim = (caller: TestCaller, campaignId: string, query = '') =>
    t.app.inject({
      method: 'POST',
      url: `/api/campaigns/${campaignId}/claims${query}`,
      headers: { authorization: `Bearer ${caller.token}` },
    });

  const outcome = (caller: TestCaller, claimId: string, body: Record<string, unknown>) =>
    t.app.inject({
      method: 'POST',
      url: `/api/claims/${claimId}/outcome`,
      headers: { authorization: `Bearer ${caller.token}` },
      payload: body,
    });

  async function setup(prospects: number, callers: number, hours: typeof EVERY_DAY | null = null) {
    const campaignId = await seedCallingCampaign(t.deps.db, t.clock, t.demoRegionId, hours);
    const prospectIds = await seedProspects(t.deps.db, campaignId, t.demoRegionId, prospects);
    const team = await seedCallers(t.deps.db, t.clock, t.demoRegionId, campaignId, callers);
    return { campaignId, prospectIds, team };
  }

  const openClaims = (campaignId: string) =>
    t.deps.db
      .selectFrom('claims')
      .select(['prospectId', 'callerId'])
      .where('campaignId', '=', campaignId)
      .where('closedAt', 'is', null)
      .execute();

  it('gives 100 simultaneous callers 100 different people', async () => {
    friday();
    const { campaignId, prospectIds, team } = await setup(150, 100);
    const answers = await Promise.all(team.map((c) => claim(c, campaignId)));
    expect(answers.map((a) => a.statusCode)).toEqual(team.map(() => 201));
    const people = answers.map((a) => (a.json() as ClaimResponse).prospect.id);
    expect(new Set(people).size).toBe(100);
    expect(people.every((id) => prospectIds.includes(id))).toBe(true);
    const stored = await openClaims(campaignId);
    expect(stored).toHaveLength(100);
    expect(new Set(stored.map((c) => c.prospectId)).size).toBe(100);
    expect(new Set(stored.map((c) => c.callerId)).size).toBe(100);
  }, 120_000);

  it('with 60 people for 100 callers: 60 claims, and 40 are told nobody is left (204)', async () => {
    friday();
    const { campaignId, team } = await setup(60, 100);
    const answers = await Promise.all(team.map((c) => claim(c, campaignId)));
    const statuses = answers.map((a) => a.statusCode);
    expect(statuses.filter((s) => s === 201)).toHaveLength(60);
    expect(statuses.filter((s) => s === 204)).toHaveLength(40);
    const people = answers.filter((a) => a.statusCode === 201).map((a) => a.json().prospect.id);
    expect(new Set(people).size).toBe(60);
    expect(await openClaims(campaignId)).toHaveLength(60);
  }, 120_000);

  it('gives a caller who taps twice the same person, even at once', async () => {
    friday();
    const { campaignId, team } = await setup(5, 1);
    const [a, b] = await Promise.all([claim(team[0]!, campaignId), claim(team[0]!, campaignId)]);
    const c = await claim(team[0]!, campaignId);
    expect([a!.statusCode, b!.statusCode, c.statusCode]).toEqual([201, 201, 201]);
    expect(new Set([a!.json().claim.id, b!.json().claim.id, c.json().claim.id]).size).toBe(1);
    expect(await openClaims(campaignId)).toHaveLength(1);
  });

  it('shows the person, the tippers who may be named by first name, and the script; audits it', async () => {
    friday();
    const { campaignId, team } = await setup(0, 1);
    await postTip(t, campaignId, sampleTip({ tipper: { name: 'Ola Tipsar' } }));
    t.clock.advanceMinutes(1);
    await postTip(
      t,
      campaignId,
      sampleTip({
        tipper: { name: 'Hemmelig Tipser', email: 'hemmelig@example.no' },
        person: { reason: 'Has a job offer here' },
        tipperMayBeNamed: false,
      }),
    );
    await t.deps.db
      .updateTable('prospects')
      .set({ cardedAt: '2026-11-20T10:00:00.000Z' })
      .where('campaignId', '=', campaignId)
      .execute();
    const res = await claim(team[0]!, campaignId);
    expect(res.statusCode).toBe(201);
    const body = res.json() as ClaimResponse;
    expect(body.prospect).toMatchObject({
      name: 'Kari Nordmann',
      phone: '+4791234567',
      household: 'Kari and two children',
      tippedBy: ['Ola'],
      tipCount: 2,
      connection: ['Grew up in Tynset'],
      reasons: ['Misses the mountains', 'Has a job offer here'],
      livesNow: 'Oslo',
      callAttempts: 0,
      lastOutcome: null,
    });
    expect(JSON.stringify(body)).not.toContain('Hemmelig');
    expect(JSON.stringify(body)).not.toContain('Tipsar');
    expect(body.script).toContain('postkort');
    expect(Date.parse(body.claim.expiresAt) - Date.parse(body.claim.claimedAt)).toBe(15 * 60_000);
    const audit = await t.deps.db
      .selectFrom('auditLog')
      .selectAll()
      .where('action', '=', 'calling.claimed')
      .where('targetId', '=', body.claim.id)
      .execute();
    expect(audit).toHaveLength(1);
    expect(audit[0]!.actorUserId).toBe(team[0]!.id);
  });

  it('never gives out someone whose postcard is not sent, or who is closed or not due', async () => {
    friday();
    const { campaignId, team } = await setup(0, 1);
    const at = '2026-11-01T10:00:00.000Z';
    await seedProspects(t.deps.db, campaignId, t.demoRegionId, 1, { cardedAt: null });
    await seedProspects(t.deps.db, campaignId, t.demoRegionId, 1, {
      cardedAt: '2026-11-28T10:00:00.000Z', // marked sent, but dated tomorrow
    });
    const [closed, later] = await seedProspects(t.deps.db, campaignId, t.demoRegionId, 2, { at });
    await t.deps.db
      .updateTable('prospects')
      .set({ callingClosedAt: at })
      .where('id', '=', closed!)
      .execute();
    await t.deps.db
      .updateTable('prospects')
      .set({ nextCallAt: '2026-11-27T12:00:00.000Z' })
      .where('id', '=', later!)
      .execute();
    await seedProspects(t.deps.db, campaignId, t.demoRegionId, 1, { municipalityCode: '3428' });
    expect((await claim(team[0]!, campaignId)).statusCode).toBe(204);
  });

  it('returns a person to the pool when the lease runs out; the late save answers 409 and writes nothing', async () => {
    friday();
    const { campaignId, prospectIds, team } = await setup(1, 2);
    const first = await claim(team[0]!, campaignId);
    expect(first.statusCode).toBe(201);
    expect((await claim(team[1]!, campaignId)).statusCode).toBe(204);

    t.clock.advanceMinutes(15);
    const second = await claim(team[1]!, campaignId);
    expect(second.statusCode).toBe(201);
    expect(second.json().prospect.id).toBe(prospectIds[0]);

    const late = await outcome(team[0]!, first.json().claim.id, { outcome: 'not_interested' });
    expect(late.statusCode).toBe(409);
    expect(late.json().error.details.reason).toBe('claim_expired');
    const calls = await t.deps.db
      .selectFrom('calls')
      .select('id')
      .where('campaignId', '=', campaignId)
      .execute();
    expect(calls).toEqual([]);
    const person = await t.deps.db
      .selectFrom('prospects')
      .select(['callAttempts', 'lastOutcome', 'callingClosedAt'])
      .where('id', '=', prospectIds[0]!)
      .executeTakeFirstOrThrow();
    expect(person).toEqual({ callAttempts: 0, lastOutcome: null, callingClosedAt: null });
    const closed = await t.deps.db
      .selectFrom('claims')
      .select('closeReason')
      .where('id', '=', first.json().claim.id)
      .executeTakeFirstOrThrow();
    expect(closed.closeReason).toBe('expired');
  });

  it('answers 409 with the hours outside calling hours: a Saturday, and 22:00 on a weekday', async () => {
    const { campaignId, team } = await setup(3, 1);
    t.clock.set('2026-11-28T12:00:00.000Z'); // Saturday 13:00 in Norway
    const saturday = await claim(team[0]!, campaignId);
    expect(saturday.statusCode).toBe(409);
    expect(saturday.json().error.details.reason).toBe('outside_calling_hours');
    expect(saturday.json().error.message).toContain('Monday–Friday 09:00–21:00');
    t.clock.set('2026-11-26T21:00:00.000Z'); // Thursday 22:00 in Norway
    expect((await claim(team[0]!, campaignId)).statusCode).toBe(409);
    t.clock.set('2026-11-26T07:59:00.000Z'); // Thursday 08:59
    expect((await claim(team[0]!, campaignId)).statusCode).toBe(409);
    t.clock.set('2026-11-26T08:00:00.000Z'); // Thursday 09:00
    expect((await claim(team[0]!, campaignId)).statusCode).toBe(201);
    expect(
      await t.deps.db
        .selectFrom('claims')
        .select('id')
        .where('campaignId', '=', campaignId)
        .execute(),
    ).toHaveLength(1);
  });

  it('follows the campaign’s own calling hours', async () => {
    const { campaignId, team } = await setup(3, 1, { ...EVERY_DAY, from: '10:00', to: '16:00' });
    t.clock.set('2026-11-28T09:30:00.000Z'); // Saturday 10:30 in Norway
    expect((await claim(team[0]!, campaignId)).statusCode).toBe(201);
    t.clock.set('2026-11-28T15:30:00.000Z'); // Saturday 16:30
    const late = await claim(team[0]!, campaignId);
    expect(late.statusCode).toBe(409);
    expect(late.json().error.message).toContain('every day 10:00–16:00');
  });

  it('reads the hours on Norwegian wall-clock time, summer time too', () => {
    const hours = DEFAULT_CALLING_HOURS;
    expect(withinCallingHours(hours, new Date('2027-06-04T19:30:00.000Z'))).toBe(false); // 21:30
    expect(withinCallingHours(hours, new Date('2027-06-04T18:30:00.000Z'))).toBe(true); // 20:30
    expect(withinCallingHours(hours, new Date('2027-06-04T06:59:00.000Z'))).toBe(false); // 08:59
    expect(withinCallingHours(hours, new Date('2027-06-04T07:00:00.000Z'))).toBe(true); // 09:00
    const allDay = { days: [6], from: '00:00', to: '24:00' };
    expect(withinCallingHours(allDay, new Date('2026-11-28T22:59:00.000Z'))).toBe(true);
    expect(withinCallingHours(allDay, new Date('2026-11-28T23:00:00.000Z'))).toBe(false); // Sunday
  });

  it('keeps callers to their campaign, and has staff name a municipality', async () => {
    friday();
    const { campaignId, team } = await setup(2, 1);
    const other = await seedCallingCampaign(t.deps.db, t.clock, t.demoRegionId);
    const wrong = await claim(team[0]!, other);
    expect(wrong.statusCode).toBe(404);

    const leader = await signIn(t, await createTestUser(t, { role: 'programme_leader' }));
    const bare = await leader.request({
      method: 'POST',
      url: `/api/campaigns/${campaignId}/claims`,
    });
    expect(bare.statusCode).toBe(400);
    expect(bare.json().error.details).toEqual([
      { field: 'municipality', message: 'Name the municipality to call for' },
    ]);
    const bad = await leader.request({
      method: 'POST',
      url: `/api/campaigns/${campaignId}/claims?municipality=34`,
    });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error.details[0].field).toBe('municipality');
    const named = await leader.request({
      method: 'POST',
      url: `/api/campaigns/${campaignId}/claims?municipality=3427`,
    });
    expect(named.statusCode).toBe(201);

    const host = await signIn(t, await createTestUser(t, { role: 'host' }));
    const mine = await host.request({ method: 'POST', url: `/api/campaigns/${campaignId}/claims` });
    expect(mine.statusCode).toBe(201);
    const notMine = await host.request({
      method: 'POST',
      url: `/api/campaigns/${campaignId}/claims?municipality=3428`,
    });
    expect(notMine.statusCode).toBe(400);
  });

  it('keeps staff to one person at a time across municipalities, until the lease runs out', async () => {
    friday();
    const { campaignId } = await setup(2, 0);
    await seedProspects(t.deps.db, campaignId, t.demoRegionId, 2, { municipalityCode: '3428' });
    const leader = await signIn(t, await createTestUser(t, { role: 'programme_leader' }));
    const claimIn = (code: string) =>
      leader.request({
        method: 'POST',
        url: `/api/campaigns/${campaignId}/claims?municipality=${code}`,
      });

    const tynset = await claimIn('3427');
    expect(tynset.statusCode).toBe(201);
    // Still holding a Tynset person: asking for Alvdal gives the same person again.
    const again = await claimIn('3428');
    expect(again.json().claim.id).toBe(tynset.json().claim.id);

    t.clock.advanceMinutes(16);
    const alvdal = await claimIn('3428');
    expect(alvdal.statusCode).toBe(201);
    expect(alvdal.json().prospect.municipalityCode).toBe('3428');
    const old = await t.deps.db
      .selectFrom('claims')
      .select(['closedAt', 'closeReason'])
      .where('id', '=', tynset.json().claim.id)
      .executeTakeFirstOrThrow();
    expect(old.closeReason).toBe('expired');
    expect(await openClaims(campaignId)).toHaveLength(1);
  });

  it('lists the calling API in the OpenAPI document', async () => {
    const doc = (await t.app.inject('/api/openapi.json')).json();
    expect(doc.paths['/api/campaigns/{campaignId}/claims'].post).toBeDefined();
    const save = doc.paths['/api/claims/{claimId}/outcome'].post;
    expect(save.requestBody).toBeDefined();
    expect(save.parameters.map((p: { name: string }) => p.name)).toContain('idempotency-key');
    expect(doc.paths['/api/campaigns/{campaignId}/paper-calls'].post.requestBody).toBeDefined();
  });

  it('refuses claims on a campaign that is not open', async () => {
    friday();
    const { campaignId, team } = await setup(2, 1);
    await t.deps.db
      .updateTable('campaigns')
      .set({ status: 'closed' })
      .where('id', '=', campaignId)
      .execute();
    const res = await claim(team[0]!, campaignId);
    expect(res.statusCode).toBe(409);
    expect(res.json().error.details.reason).toBe('campaign_not_open');
  });
});
