import type { LightMyRequestResponse } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../../../test/support/app.js';
import {
  cookieFrom,
  createTestUser,
  sessionOf,
  signIn,
  type TestSession,
  type TestUser,
} from '../../../../test/support/auth.js';
import { testDialects } from '../../../../test/support/database.js';
import { createOpenCampaign, postTip, sampleTip } from '../../../../test/support/referral.js';
import { createTestRegion } from '../../../../test/support/regions.js';
import { hashSecret } from '../auth/secrets.js';
import { endOfOsloDay, linkExpiry } from './caller-links.expiry.js';

const HOUR = 3_600_000;

describe('link expiry', () => {
  const now = new Date('2026-11-27T10:00:00.000Z');
  it('ends with the last calling day in Oslo, else after 24 hours, never after a week', () => {
    expect(endOfOsloDay('2026-11-28').toISOString()).toBe('2026-11-28T23:00:00.000Z');
    expect(endOfOsloDay('2026-06-10').toISOString()).toBe('2026-06-10T22:00:00.000Z');
    expect(linkExpiry(now, ['2026-11-10', '2026-11-28']).toISOString()).toBe(
      '2026-11-28T23:00:00.000Z',
    );
    expect(linkExpiry(now, ['2026-11-01']).getTime() - now.getTime()).toBe(24 * HOUR);
    expect(linkExpiry(now, []).getTime() - now.getTime()).toBe(24 * HOUR);
    expect(linkExpiry(now, ['2027-02-10']).getTime() - now.getTime()).toBe(7 * 24 * HOUR);
  });
});

describe.each(testDialects)('caller links on %s', (dialect) => {
  let t: TestApp;
  let leaderUser: TestUser;
  let leader: TestSession;
  let campaignId: string;

  beforeAll(async () => {
    t = await createTestApp(dialect);
    leaderUser = await createTestUser(t, { role: 'programme_leader' });
    leader = await signIn(t, leaderUser);
    campaignId = (await createOpenCampaign(leader, { callingDays: ['2026-11-28'] })).id;
  });
  afterAll(async () => t?.close());

  const create = (body: Record<string, unknown>, as = leader, id = campaignId) =>
    as.request({ method: 'POST', url: `/api/campaigns/${id}/caller-links`, payload: body });

  /** Pressing the button on the link's page: the POST that uses the link up. */
  const open = (url: string, headers: Record<string, string> = {}) =>
    t.app.inject({ method: 'POST', url: new URL(url).pathname + new URL(url).search, headers });
  /** Only opening the link (a message app's preview does this too). */
  const view = (url: string) =>
    t.app.inject({ method: 'GET', url: new URL(url).pathname + new URL(url).search });

  const links = async () =>
    (
      (await leader.request({ url: `/api/campaigns/${campaignId}/caller-links` })).json() as {
        links: Array<{ callerId: string; name: string; status: string }>;
      }
    ).links;

  function callerSession(res: LightMyRequestResponse): TestSession {
    return sessionOf(t, cookieFrom(res), '');
  }

  async function me(session: TestSession) {
    const res = await session.request({ url: '/api/auth/me' });
    if (res.statusCode !== 200) return { status: res.statusCode };
    const body = res.json() as { user: Record<string, unknown>; csrfToken: string };
    return { status: 200, user: body.user, csrfToken: body.csrfToken };
  }

  it('makes a caller for one municipality and a one-time link shown once, with a QR code', async () => {
    const res = await create({
      municipalityCode: '3427',
      name: 'Vera Frivillig',
      phone: '90000001',
    });
    expect(res.statusCode).toBe(201);
    const body = res.json() as {
      url: string;
      qrSvg: string;
      link: Record<string, unknown>;
    };
    expect(body.url).toMatch(new RegExp(`^${t.deps.config.publicUrl}/ring/[A-Za-z0-9_-]{40,}$`));
    expect(body.qrSvg).toMatch(/^<svg/);
    expect(body.link).toMatchObject({
      name: 'Vera Frivillig',
      municipalityCode: '3427',
      phone: '90000001',
      status: 'unused',
      usedAt: null,
      // The end of the last calling day, Europe/Oslo.
      expiresAt: '2026-11-28T23:00:00.000Z',
    });
    const callerId = body.link.callerId as string;
    const user = await t.deps.db
      .selectFrom('users')
      .selectAll()
      .where('id', '=', callerId)
      .executeTakeFirstOrThrow();
    expect(user).toMatchObject({ role: 'caller', campaignId, passwordHash: null });
    expect(user.email).toMatch(/@callers\.invalid$/);
    const codes = await t.deps.db
      .selectFrom('userMunicipalities')
      .select('municipalityCode')
      .where('userId', '=', callerId)
      .execute();
    expect(codes).toEqual([{ municipalityCode: '3427' }]);
    // Only the hash of the link is kept.
    const token = body.url.split('/ring/')[1]!;
    const row = await t.deps.db
      .selectFrom('oneTimeTokens')
      .selectAll()
      .where('userId', '=', callerId)
      .executeTakeFirstOrThrow();
    expect(row).toMatchObject({ id: hashSecret(token), purpose: 'caller_link', usedAt: null });
    const audit = await t.deps.db
      .selectFrom('auditLog')
      .selectAll()
      .where('action', '=', 'calling.caller_link_created')
      .execute();
    expect(audit.length).toBeGreaterThan(0);
    expect(JSON.stringify(audit)).not.toContain(token);
  });

  it('signs the volunteer in once as a caller and sends them to the calling screen; a second use is 410', async () => {
    const { url, link } = (await create({ municipalityCode: '3427', name: 'Per Ringer' })).json();
    // A HEAD request (a link checker) leaves the link unused.
    const head = await t.app.inject({ method: 'HEAD', url: new URL(url).pathname });
    expect(head.statusCode).toBe(200);
    expect(head.cookies).toEqual([]);
    // Opening it (twice, as a preview and then the volunteer) shows a button and signs nobody in.
    for (const _ of [1, 2]) {
      const shown = await view(url);
      expect(shown.statusCode).toBe(200);
      expect(shown.body).toContain('Start ringingen');
      expect(shown.body).toContain('method="post"');
      expect(shown.cookies).toEqual([]);
    }
    const first = await open(url);
    expect(first.statusCode).toBe(303);
    expect(first.headers.location).toBe('/office/calling');
    expect(first.headers['cache-control']).toBe('no-store');
    const caller = callerSession(first);
    const who = await me(caller);
    expect(who.user).toMatchObject({
      id: link.callerId,
      role: 'caller',
      campaignId,
      municipalityCodes: ['3427'],
      mfaEnrolmentRequired: false,
    });

    const again = await open(url);
    expect(again.statusCode).toBe(410);
    expect((await view(url)).statusCode).toBe(410);
    expect(again.headers['content-type']).toContain('text/html');
    expect(again.body).toContain('Lenken virker ikke lenger');
    expect(again.body).toContain('Be prosjektlederen om en ny lenke.');
    expect(again.cookies.find((c) => c.name === 'flytthit_session')).toBeUndefined();
    const english = await open(`${url}?lang=en`);
    expect(english.statusCode).toBe(410);
    expect(english.body).toContain('Ask the programme leader for a new link.');
    expect((await open(`${t.deps.config.publicUrl}/ring/nonsense`)).statusCode).toBe(404);
    // Fastify refuses an over-long path segment itself (414), never with a 500.
    expect([404, 414]).toContain(
      (await open(`${t.deps.config.publicUrl}/ring/${'x'.repeat(500)}`)).statusCode,
    );

    const listed = (await links()).find((l) => l.callerId === link.callerId);
    expect(listed?.status).toBe('used');
  });

  it('stops working when it expires', async () => {
    const expiresAt = new Date(t.clock.now().getTime() + HOUR).toISOString();
    const { url, link } = (
      await create({ municipalityCode: '3428', name: 'Sen Ringer', expiresAt })
    ).json();
    expect(link.expiresAt).toBe(expiresAt);
    t.clock.advance(2 * HOUR);
    try {
      const res = await open(url);
      expect(res.statusCode).toBe(410);
      expect(res.body).toContain('Be prosjektlederen om en ny lenke.');
      // Two idle hours ended the leader's session too.
      leader = await signIn(t, leaderUser);
      expect((await links()).find((l) => l.callerId === link.callerId)?.status).toBe('expired');
    } finally {
      t.clock.advance(-2 * HOUR);
    }
  });

  it('refuses to send an invitation email to a volunteer caller', async () => {
    const made = (await create({ municipalityCode: '3427', name: 'Ingen Epost' })).json();
    const res = await leader.request({
      method: 'POST',
      url: `/api/users/${made.link.callerId}/invitation`,
    });
    expect(res.statusCode).toBe(409);
    expect(res.json().error.message).toContain('new calling link');
    const queued = await t.deps.db
      .selectFrom('outbox')
      .select('id')
      .where('toAddress', 'like', '%callers.invalid')
      .execute();
    expect(queued).toEqual([]);
  });

  it('keeps a volunteer signed in through a break of hours, not for ever', async () => {
    const made = (await create({ municipalityCode: '3427', name: 'Pause Ringer' })).json();
    const caller = callerSession(await open(made.url));
    try {
      // An hour and a half's break (a staff session would have ended after 30 minutes).
      t.clock.advance(1.5 * HOUR);
      expect((await me(caller)).status).toBe(200);
      t.clock.advance(4 * HOUR + 2 * 60_000);
      expect((await me(caller)).status).toBe(401);
    } finally {
      t.clock.advance(-(5.5 * HOUR + 2 * 60_000));
      leader = await signIn(t, leaderUser);
    }
  });

  it('withdraws a link: the caller is signed out and an unused link stops working', async () => {
    const used = (await create({ municipalityCode: '3427', name: 'Trukket Ringer' })).json();
    const caller = callerSession(await open(used.url));
    expect((await me(caller)).status).toBe(200);
    const revoke = await leader.request({
      method: 'POST',
      url: `/api/campaigns/${campaignId}/caller-links/${used.link.callerId}/revoke`,
    });
    expect(revoke.statusCode).toBe(200);
    expect(revoke.json()).toMatchObject({ status: 'revoked', usedAt: null });
    expect((await me(caller)).status).toBe(401);

    const unused = (await create({ municipalityCode: '3427', name: 'Aldri Brukt' })).json();
    await leader.request({
      method: 'POST',
      url: `/api/campaigns/${campaignId}/caller-links/${unused.link.callerId}/revoke`,
    });
    expect((await open(unused.url)).statusCode).toBe(410);
    const actions = await t.deps.db
      .selectFrom('auditLog')
      .select('action')
      .where('targetId', '=', unused.link.callerId)
      .execute();
    expect(actions.map((a) => a.action)).toEqual(
      expect.arrayContaining(['calling.caller_link_revoked', 'user.disabled']),
    );
  });

  it('refuses a municipality outside the region, a week-long expiry and bad fields, naming each', async () => {
    const outside = await create({ municipalityCode: '0301', name: 'Oslo Ringer' });
    expect(outside.statusCode).toBe(400);
    expect(outside.json().error.details).toEqual([
      { field: 'municipalityCode', message: expect.any(String) },
    ]);
    const late = await create({
      municipalityCode: '3427',
      name: 'For Sen',
      expiresAt: new Date(t.clock.now().getTime() + 8 * 24 * HOUR).toISOString(),
    });
    expect(late.statusCode).toBe(400);
    expect(late.json().error.details).toEqual([
      { field: 'expiresAt', message: expect.any(String) },
    ]);
    const bad = await create({ municipalityCode: '12', name: '', email: 'nope', extra: 1 });
    expect(bad.statusCode).toBe(400);
    const fields = (bad.json().error.details as Array<{ field: string }>).map((d) => d.field);
    expect(fields).toEqual(expect.arrayContaining(['municipalityCode', 'name', 'email']));
  });

  it("keeps other regions' campaigns and callers out of reach", async () => {
    const otherRegion = await createTestRegion(t);
    const stranger = await signIn(
      t,
      await createTestUser(t, { role: 'programme_leader', regionId: otherRegion }),
    );
    expect((await create({ municipalityCode: '3427', name: 'X' }, stranger)).statusCode).toBe(404);
    expect(
      (await stranger.request({ url: `/api/campaigns/${campaignId}/caller-links` })).statusCode,
    ).toBe(404);
    const { link } = (await create({ municipalityCode: '3427', name: 'Beskyttet' })).json();
    const revoke = await stranger.request({
      method: 'POST',
      url: `/api/campaigns/${campaignId}/caller-links/${link.callerId}/revoke`,
    });
    expect(revoke.statusCode).toBe(404);
    const host = await signIn(t, await createTestUser(t, { role: 'host' }));
    expect((await create({ municipalityCode: '3427', name: 'Y' }, host)).statusCode).toBe(403);
  });

  it("gives the caller's session the calling screen of its own campaign and municipality only", async () => {
    const own = (await createOpenCampaign(leader)).id;
    const other = (await createOpenCampaign(leader)).id;
    for (const [campaign, name, phone, code] of [
      [own, 'Egen Kommune', '92000001', '3427'],
      [own, 'Annen Kommune', '92000002', '3428'],
      [other, 'Annen Kampanje', '92000003', '3427'],
    ] as const) {
      const res = await postTip(
        t,
        campaign,
        sampleTip({ person: { name, phone, addressLine: `${name} 1`, municipalityCode: code } }),
      );
      expect(res.statusCode).toBe(201);
    }
    for (const campaign of [own, other]) {
      const batch = await leader.request({
        method: 'POST',
        url: `/api/campaigns/${campaign}/postcard-batches`,
      });
      await leader.request({
        method: 'POST',
        url: `/api/postcard-batches/${batch.json().id}/sent`,
      });
    }
    const { url } = (
      await create({ municipalityCode: '3427', name: 'Avgrenset Ringer' }, leader, own)
    ).json();
    const redeemed = await open(url);
    const { csrfToken } = await me(callerSession(redeemed));
    const caller = sessionOf(t, cookieFrom(redeemed), csrfToken!);
    const claim = (campaign: string, query = '') =>
      caller.request({ method: 'POST', url: `/api/campaigns/${campaign}/claims${query}` });

    expect((await claim(other)).statusCode).toBe(404);
    const elsewhere = await claim(own, '?municipality=3428');
    expect(elsewhere.statusCode).toBe(400);
    expect(elsewhere.json().error.details).toEqual([
      { field: 'municipality', message: expect.any(String) },
    ]);
    const first = await claim(own);
    expect(first.statusCode).toBe(201);
    expect(first.json().prospect).toMatchObject({ name: 'Egen Kommune', municipalityCode: '3427' });
    const saved = await caller.request({
      method: 'POST',
      url: `/api/claims/${first.json().claim.id}/outcome`,
      headers: { 'idempotency-key': 'caller-link-test-1' },
      payload: { outcome: 'not_interested' },
    });
    expect(saved.statusCode).toBe(201);
    // Someone is left in Alvdal, but not in the caller's municipality.
    expect((await claim(own)).statusCode).toBe(204);
    // Nor may the caller reach the office's other screens.
    expect((await caller.request({ url: '/api/campaigns' })).statusCode).toBe(403);
    expect((await caller.request({ url: `/api/campaigns/${own}/caller-links` })).statusCode).toBe(
      403,
    );
  });

  it('gives back the person a withdrawn caller was holding', async () => {
    const campaign = (await createOpenCampaign(leader)).id;
    const res = await postTip(
      t,
      campaign,
      sampleTip({
        person: {
          name: 'Holdt Person',
          phone: '93000001',
          addressLine: 'Holdvegen 1',
          municipalityCode: '3427',
        },
      }),
    );
    expect(res.statusCode).toBe(201);
    const batch = await leader.request({
      method: 'POST',
      url: `/api/campaigns/${campaign}/postcard-batches`,
    });
    await leader.request({ method: 'POST', url: `/api/postcard-batches/${batch.json().id}/sent` });
    const callers: TestSession[] = [];
    const ids: string[] = [];
    for (const name of ['Første Ringer', 'Andre Ringer']) {
      const made = (await create({ municipalityCode: '3427', name }, leader, campaign)).json();
      const redeemed = await open(made.url);
      const { csrfToken } = await me(callerSession(redeemed));
      callers.push(sessionOf(t, cookieFrom(redeemed), csrfToken!));
      ids.push(made.link.callerId);
    }
    const claim = (session: TestSession) =>
      session.request({ method: 'POST', url: `/api/campaigns/${campaign}/claims` });
    expect((await claim(callers[0]!)).json().prospect.name).toBe('Holdt Person');
    expect((await claim(callers[1]!)).statusCode).toBe(204);
    await leader.request({
      method: 'POST',
      url: `/api/campaigns/${campaign}/caller-links/${ids[0]}/revoke`,
    });
    const again = await claim(callers[1]!);
    expect(again.statusCode).toBe(201);
    expect(again.json().prospect.name).toBe('Holdt Person');
  });
});
