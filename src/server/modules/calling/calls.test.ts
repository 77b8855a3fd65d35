import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../../../test/support/app.js';
import { createTestUser, signIn, type TestSession } from '../../../../test/support/auth.js';
import {
  seedCallers,
  seedCallingCampaign,
  seedProspects,
  type TestCaller,
} from '../../../../test/support/calling.js';
import { testDialects } from '../../../../test/support/database.js';
import { postTip, sampleTip } from '../../../../test/support/referral.js';

const FRIDAY = '2026-11-27T10:00:00.000Z'; // 11:00 in Norway

describe.each(testDialects)('saving call outcomes on %s', (dialect) => {
  let t: TestApp;
  let host: TestSession;

  beforeAll(async () => {
    t = await createTestApp(dialect);
    host = await signIn(t, await createTestUser(t, { role: 'host' }));
  });
  afterAll(async () => t?.close());
  beforeEach(() => t.clock.set(FRIDAY));

  const bearer = (c: TestCaller) => ({ authorization: `Bearer ${c.token}` });

  const claim = (caller: TestCaller, campaignId: string) =>
    t.app.inject({
      method: 'POST',
      url: `/api/campaigns/${campaignId}/claims`,
      headers: bearer(caller),
    });

  const outcome = (
    caller: TestCaller,
    claimId: string,
    body: Record<string, unknown>,
    key?: string,
  ) =>
    t.app.inject({
      method: 'POST',
      url: `/api/claims/${claimId}/outcome`,
      headers: { ...bearer(caller), ...(key ? { 'idempotency-key': key } : {}) },
      payload: body,
    });

  async function setup(prospects: number, callers: number) {
    const campaignId = await seedCallingCampaign(t.deps.db, t.clock, t.demoRegionId);
    const prospectIds = await seedProspects(t.deps.db, campaignId, t.demoRegionId, prospects);
    const team = await seedCallers(t.deps.db, t.clock, t.demoRegionId, campaignId, callers);
    return { campaignId, prospectIds, team };
  }

  const callsOf = (campaignId: string) =>
    t.deps.db.selectFrom('calls').selectAll().where('campaignId', '=', campaignId).execute();

  const prospect = (id: string) =>
    t.deps.db.selectFrom('prospects').selectAll().where('id', '=', id).executeTakeFirst();

  it('refuses an Idempotency-Key already used for another call, and keeps the second claim open', async () => {
    const { campaignId, team } = await setup(2, 1);
    const first = (await claim(team[0]!, campaignId)).json();
    expect(
      (await outcome(team[0]!, first.claim.id, { outcome: 'no_answer' }, 'k')).statusCode,
    ).toBe(201);
    const second = (await claim(team[0]!, campaignId)).json();
    expect(second.claim.id).not.toBe(first.claim.id);

    const reused = await outcome(team[0]!, second.claim.id, { outcome: 'not_now' }, 'k');
    expect(reused.statusCode).toBe(409);
    expect(reused.json().error.details.reason).toBe('idempotency_key_reused');
    expect(await callsOf(campaignId)).toHaveLength(1);
    // Nothing was written: the claim is still the caller's to save.
    const fresh = await outcome(team[0]!, second.claim.id, { outcome: 'not_now' }, 'k2');
    expect(fresh.statusCode).toBe(201);
    expect(await callsOf(campaignId)).toHaveLength(2);
  });

  it('records an interested call once per Idempotency-Key, with its effects and follow-up tasks', async () => {
    const { campaignId, prospectIds, team } = await setup(1, 1);
    const claimed = (await claim(team[0]!, campaignId)).json();
    const body = { outcome: 'interested', notes: 'Vil se på hus', interests: ['jobs', 'housing'] };
    const first = await outcome(team[0]!, claimed.claim.id, body, 'tap-1');
    expect(first.statusCode).toBe(201);
    expect(first.json().call).toMatchObject({
      claimId: claimed.claim.id,
      prospectId: prospectIds[0],
      outcome: 'interested',
      notes: 'Vil se på hus',
      interests: ['jobs', 'housing'],
      calledAt: FRIDAY,
      source: 'screen',
    });
    t.clock.advanceMinutes(1);
    const again = await outcome(team[0]!, claimed.claim.id, body, 'tap-1');
    expect(again.statusCode).toBe(201);
    expect(again.json()).toEqual(first.json());
    expect(again.headers['idempotent-replayed']).toBe('true');
    expect(await callsOf(campaignId)).toHaveLength(1);

    const noKey = await outcome(team[0]!, claimed.claim.id, { outcome: 'not_now' });
    expect(noKey.statusCode).toBe(409);
    expect(noKey.json().error.details.reason).toBe('claim_closed');
    const otherKey = await outcome(team[0]!, claimed.claim.id, body, 'tap-2');
    expect(otherKey.statusCode).toBe(409);
    expect(await callsOf(campaignId)).toHaveLength(1);

    expect(await prospect(prospectIds[0]!)).toMatchObject({
      callAttempts: 1,
      lastOutcome: 'interested',
      firstCalledAt: FRIDAY,
      reachedAt: FRIDAY,
      interestedAt: FRIDAY,
      callingClosedAt: FRIDAY,
      nextCallAt: null,
    });
    const stored = await t.deps.db
      .selectFrom('claims')
      .select(['closedAt', 'closeReason'])
      .where('id', '=', claimed.claim.id)
      .executeTakeFirstOrThrow();
    expect(stored).toEqual({ closedAt: FRIDAY, closeReason: 'outcome' });
    const tasks = await t.deps.db
      .selectFrom('followUpTasks')
      .select('kind')
      .where('prospectId', '=', prospectIds[0]!)
      .execute();
    expect(tasks.map((k) => k.kind).sort()).toEqual(['invite_event', 'send_housing', 'send_jobs']);
    const audit = await t.deps.db
      .selectFrom('auditLog')
      .select('action')
      .where('targetId', '=', first.json().call.id)
      .execute();
    expect(audit.map((a) => a.action)).toEqual(['calling.outcome_recorded']);
    // Closed for calling: nobody gets them again.
    expect((await claim(team[0]!, campaignId)).statusCode).toBe(204);
  });

  it('records two simultaneous saves with one key once', async () => {
    const { campaignId, team } = await setup(1, 1);
    const claimed = (await claim(team[0]!, campaignId)).json();
    const body = { outcome: 'not_interested' };
    const [a, b] = await Promise.all([
      outcome(team[0]!, claimed.claim.id, body, 'double-tap'),
      outcome(team[0]!, claimed.claim.id, body, 'double-tap'),
    ]);
    expect([a!.statusCode, b!.statusCode]).toEqual([201, 201]);
    expect(a!.json()).toEqual(b!.json());
    expect(await callsOf(campaignId)).toHaveLength(1);
  });

  it('answers 404 for another caller’s claim, and writes nothing', async () => {
    const { campaignId, team } = await setup(1, 2);
    const claimed = (await claim(team[0]!, campaignId)).json();
    const res = await outcome(team[1]!, claimed.claim.id, { outcome: 'not_interested' });
    expect(res.statusCode).toBe(404);
    expect(await callsOf(campaignId)).toEqual([]);
  });

  it('answers 409 for a save after the lease ran out, even before anyone else claimed', async () => {
    const { campaignId, prospectIds, team } = await setup(1, 1);
    const claimed = (await claim(team[0]!, campaignId)).json();
    t.clock.advanceMinutes(15);
    const late = await outcome(team[0]!, claimed.claim.id, { outcome: 'interested' }, 'late-1');
    expect(late.statusCode).toBe(409);
    expect(late.json().error.details.reason).toBe('claim_expired');
    expect(await callsOf(campaignId)).toEqual([]);
    expect(await prospect(prospectIds[0]!)).toMatchObject({ callAttempts: 0, interestedAt: null });
    const tasks = await t.deps.db
      .selectFrom('followUpTasks')
      .select('id')
      .where('prospectId', '=', prospectIds[0]!)
      .execute();
    expect(tasks).toEqual([]);
  });

  it('names the field that is wrong', async () => {
    const { campaignId, team } = await setup(1, 1);
    const claimed = (await claim(team[0]!, campaignId)).json();
    const missing = await outcome(team[0]!, claimed.claim.id, { outcome: 'call_back' });
    expect(missing.statusCode).toBe(400);
    expect(missing.json().error.details).toEqual([
      { field: 'callBackAt', message: 'When should we call back?' },
    ]);
    const past = await outcome(team[0]!, claimed.claim.id, {
      outcome: 'call_back',
      callBackAt: '2026-11-27T09:00:00Z',
    });
    expect(past.statusCode).toBe(400);
    expect(past.json().error.details[0].field).toBe('callBackAt');
    const odd = await outcome(team[0]!, claimed.claim.id, {
      outcome: 'maybe',
      interests: ['jobs'],
      extra: 1,
    });
    expect(odd.statusCode).toBe(400);
    const fields = odd.json().error.details.map((d: { field: string }) => d.field);
    expect(fields).toEqual(expect.arrayContaining(['outcome', 'extra']));
    const badKey = await outcome(
      team[0]!,
      claimed.claim.id,
      { outcome: 'no_answer' },
      'ø'.repeat(3),
    );
    expect(badKey.statusCode).toBe(400);
    expect(badKey.json().error.details[0].field).toBe('idempotency-key');
    expect(await callsOf(campaignId)).toEqual([]);
  });

  it('puts a person nobody answered for back in the pool two hours later', async () => {
    const { campaignId, prospectIds, team } = await setup(1, 2);
    const claimed = (await claim(team[0]!, campaignId)).json();
    expect((await outcome(team[0]!, claimed.claim.id, { outcome: 'no_answer' })).statusCode).toBe(
      201,
    );
    expect(await prospect(prospectIds[0]!)).toMatchObject({
      callAttempts: 1,
      lastOutcome: 'no_answer',
      firstCalledAt: FRIDAY,
      reachedAt: null,
      callingClosedAt: null,
      nextCallAt: '2026-11-27T12:00:00.000Z',
    });
    t.clock.advanceMinutes(119);
    expect((await claim(team[1]!, campaignId)).statusCode).toBe(204);
    t.clock.advanceMinutes(1);
    const again = await claim(team[1]!, campaignId);
    expect(again.statusCode).toBe(201);
    expect(again.json().prospect).toMatchObject({
      id: prospectIds[0],
      callAttempts: 1,
      lastOutcome: 'no_answer',
    });
  });

  it('calls back at the agreed time, and tries people with fewer attempts first', async () => {
    const { campaignId, prospectIds, team } = await setup(1, 1);
    const claimed = (await claim(team[0]!, campaignId)).json();
    const res = await outcome(team[0]!, claimed.claim.id, {
      outcome: 'call_back',
      callBackAt: '2026-11-27T15:30:00+01:00',
    });
    expect(res.statusCode).toBe(201);
    expect(res.json().call.callBackAt).toBe('2026-11-27T14:30:00.000Z');
    const [fresh] = await seedProspects(t.deps.db, campaignId, t.demoRegionId, 1);
    t.clock.set('2026-11-27T14:29:00.000Z');
    const first = (await claim(team[0]!, campaignId)).json();
    expect(first.prospect.id).toBe(fresh);
    await outcome(team[0]!, first.claim.id, { outcome: 'wrong_number' });
    expect((await claim(team[0]!, campaignId)).statusCode).toBe(204);
    t.clock.set('2026-11-27T14:30:00.000Z');
    const back = await claim(team[0]!, campaignId);
    expect(back.json().prospect.id).toBe(prospectIds[0]);
    expect((await prospect(fresh!))?.callingClosedAt).toBe('2026-11-27T14:29:00.000Z');
  });

  it('answers 410 when the person opted out mid-call; the opt-out holds at once', async () => {
    const campaignId = await seedCallingCampaign(t.deps.db, t.clock, t.demoRegionId);
    const [caller] = await seedCallers(t.deps.db, t.clock, t.demoRegionId, campaignId, 1);
    await postTip(
      t,
      campaignId,
      sampleTip({ person: { name: 'Midt Isamtale', phone: '47474747' } }),
    );
    await t.deps.db
      .updateTable('prospects')
      .set({ cardedAt: '2026-11-20T10:00:00.000Z' })
      .where('campaignId', '=', campaignId)
      .execute();
    const claimed = (await claim(caller!, campaignId)).json();
    const code = (await prospect(claimed.prospect.id))!.optOutCode;
    const optOut = await t.app.inject({
      method: 'POST',
      url: '/reservasjon',
      headers: { 'content-type': 'application/x-www-form-urlencoded', accept: 'text/html' },
      payload: new URLSearchParams({ code }).toString(),
    });
    expect(optOut.statusCode).toBe(200);
    const late = await outcome(caller!, claimed.claim.id, { outcome: 'interested' }, 'k1');
    expect(late.statusCode).toBe(410);
    expect(late.json().error.message).toContain('asked not to be contacted');
    expect(await callsOf(campaignId)).toEqual([]);
    expect((await claim(caller!, campaignId)).statusCode).toBe(204);
  });

  it('records an opt-out on the phone: the person is erased and suppressed, the call kept bare', async () => {
    const campaignId = await seedCallingCampaign(t.deps.db, t.clock, t.demoRegionId);
    const [caller] = await seedCallers(t.deps.db, t.clock, t.demoRegionId, campaignId, 1);
    const person = { name: 'Vil Ikkje', phone: '48484848', addressLine: 'Reservert 1' };
    await postTip(t, campaignId, sampleTip({ person }));
    await t.deps.db
      .updateTable('prospects')
      .set({ cardedAt: '2026-11-20T10:00:00.000Z' })
      .where('campaignId', '=', campaignId)
      .execute();
    const claimed = (await claim(caller!, campaignId)).json();
    const suppressed = async () =>
      (await t.deps.db.selectFrom('suppressions').select('hash').execute()).length;
    const before = await suppressed();
    const res = await outcome(
      caller!,
      claimed.claim.id,
      { outcome: 'opt_out', notes: 'Vil ikke bli ringt, bor i Storgata' },
      'opt-1',
    );
    expect(res.statusCode).toBe(201);
    expect(res.json().call).toMatchObject({ outcome: 'opt_out', prospectId: null, notes: null });
    expect(await prospect(claimed.prospect.id)).toBeUndefined();
    expect(await suppressed()).toBeGreaterThan(before);
    const [call] = await callsOf(campaignId);
    expect(call).toMatchObject({ outcome: 'opt_out', prospectId: null, notes: null });
    // The same save again answers the same, with nothing more written.
    const again = await outcome(caller!, claimed.claim.id, { outcome: 'opt_out' }, 'opt-1');
    expect(again.statusCode).toBe(201);
    expect(again.json()).toEqual(res.json());
    // A new tip about them is dropped.
    await postTip(t, campaignId, sampleTip({ person, tipper: { name: 'Ny Tipser' } }));
    expect((await claim(caller!, campaignId)).statusCode).toBe(204);
    const left = await t.deps.db
      .selectFrom('prospects')
      .select('id')
      .where('campaignId', '=', campaignId)
      .execute();
    expect(left).toEqual([]);
  });

  it('erases the notes of a person’s earlier calls when they opt out later', async () => {
    const { campaignId, prospectIds, team } = await setup(1, 1);
    const claimed = (await claim(team[0]!, campaignId)).json();
    await outcome(team[0]!, claimed.claim.id, { outcome: 'not_now', notes: 'Ring til våren' });
    const code = (await prospect(prospectIds[0]!))!.optOutCode;
    await t.app.inject({
      method: 'POST',
      url: '/reservasjon',
      headers: { 'content-type': 'application/x-www-form-urlencoded', accept: 'text/html' },
      payload: new URLSearchParams({ code }).toString(),
    });
    const [call] = await callsOf(campaignId);
    expect(call).toMatchObject({ outcome: 'not_now', prospectId: null, notes: null });
  });

  it('takes back-dated paper calls from staff, once per key, with the same effects', async () => {
    const { campaignId, prospectIds, team } = await setup(3, 1);
    const url = `/api/campaigns/${campaignId}/paper-calls`;
    const body = {
      prospectId: prospectIds[0],
      calledAt: '2026-11-27T09:30:00+01:00',
      outcome: 'interested',
      interests: ['visit'],
    };
    const res = await host.request({
      method: 'POST',
      url,
      payload: body,
      headers: { 'idempotency-key': 'sheet-1-line-1' },
    });
    expect(res.statusCode).toBe(201);
    expect(res.json().call).toMatchObject({
      source: 'paper',
      claimId: null,
      calledAt: '2026-11-27T08:30:00.000Z',
    });
    const again = await host.request({
      method: 'POST',
      url,
      payload: body,
      headers: { 'idempotency-key': 'sheet-1-line-1' },
    });
    expect(again.json()).toEqual(res.json());
    expect(await callsOf(campaignId)).toHaveLength(1);
    expect(await prospect(prospectIds[0]!)).toMatchObject({
      interestedAt: '2026-11-27T08:30:00.000Z',
      callingClosedAt: '2026-11-27T08:30:00.000Z',
    });

    const future = await host.request({
      method: 'POST',
      url,
      payload: { ...body, prospectId: prospectIds[1], calledAt: '2026-11-27T12:00:00Z' },
    });
    expect(future.statusCode).toBe(400);
    expect(future.json().error.details[0].field).toBe('calledAt');

    const held = (await claim(team[0]!, campaignId)).json();
    const busy = await host.request({
      method: 'POST',
      url,
      payload: { ...body, prospectId: held.prospect.id },
    });
    expect(busy.statusCode).toBe(409);

    const [uncarded] = await seedProspects(t.deps.db, campaignId, t.demoRegionId, 1, {
      cardedAt: null,
    });
    const early = await host.request({
      method: 'POST',
      url,
      payload: { ...body, prospectId: uncarded },
    });
    expect(early.statusCode).toBe(409);
    expect(early.json().error.details.reason).toBe('not_carded');

    const other = await signIn(
      t,
      await createTestUser(t, { role: 'host', municipalityCodes: ['3428'] }),
    );
    const outside = await other.request({
      method: 'POST',
      url,
      payload: { ...body, prospectId: prospectIds[2] },
    });
    expect(outside.statusCode).toBe(404);
    const byCaller = await t.app.inject({
      method: 'POST',
      url,
      headers: bearer(team[0]!),
      payload: body,
    });
    expect(byCaller.statusCode).toBe(403);
    expect(await callsOf(campaignId)).toHaveLength(1);
  });
});
