import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../../../test/support/app.js';
import { createTestUser, signIn, type TestSession } from '../../../../test/support/auth.js';
import { testDialects } from '../../../../test/support/database.js';
import { sampleNewcomer } from '../../../../test/support/newcomers.js';
import { consentToken, withdrawConsent } from '../notifications/consent.js';

/** Registration, scope, validation, moves away, consents (invented people). */
describe.each(testDialects)('newcomers on %s', (dialect) => {
  let t: TestApp;
  let host: TestSession;
  let otherHost: TestSession;
  let leader: TestSession;

  beforeAll(async () => {
    t = await createTestApp(dialect);
    host = await signIn(t, await createTestUser(t, { role: 'host', municipalityCodes: ['3427'] }));
    otherHost = await signIn(
      t,
      await createTestUser(t, { role: 'host', municipalityCodes: ['3428'] }),
    );
    leader = await signIn(t, await createTestUser(t, { role: 'programme_leader' }));
  });
  afterAll(async () => t?.close());

  const register = (session: TestSession, body: unknown, key?: string) =>
    session.request({
      method: 'POST',
      url: '/api/newcomers',
      payload: body as Record<string, unknown>,
      headers: key ? { 'idempotency-key': key } : {},
    });

  it('registers a household in the host’s municipality, with the children’s needs', async () => {
    const res = await register(
      host,
      sampleNewcomer({ childrenBirthYears: [2023, 2016, 2012, 2005] }),
    );
    expect(res.statusCode).toBe(201);
    const body = res.json();
    expect(body.source).toBe('office');
    expect(body.adults[0].phone).toMatch(/^\+474\d{7}$/);
    expect(body.children.map((c: { need: string }) => c.need)).toEqual([
      'none',
      'lower_secondary',
      'primary_school',
      'kindergarten',
    ]);
    expect(body.consents.contact).toBe(true);
    expect(body.consents.contactAt).toBe(t.clock.now().toISOString());
    // Another municipality's host cannot see it: 404 like a missing one.
    const foreign = await otherHost.request({ url: `/api/newcomers/${body.id}` });
    expect(foreign.statusCode).toBe(404);
    const list = await otherHost.request({ url: '/api/newcomers' });
    expect(list.json().newcomers.map((n: { id: string }) => n.id)).not.toContain(body.id);
    const mine = await host.request({ url: '/api/newcomers?municipality=3427' });
    expect(mine.json().newcomers.map((n: { id: string }) => n.id)).toContain(body.id);
  });

  it('names every bad field, and refuses another municipality', async () => {
    const res = await register(host, {
      ...sampleNewcomer({ municipalityCode: '3428' }),
      adults: [{ name: 'Per', phone: '12', birthYear: 2020, email: 'not-an-email' }],
      childrenBirthYears: [1950],
      movingDate: '2031-01-01',
      heardVia: { channel: 'campaign', campaignId: '00000000-0000-4000-8000-000000000000' },
      shoeSize: 44,
    });
    expect(res.statusCode).toBe(400);
    const fields = (res.json().error.details as Array<{ field: string }>).map((d) => d.field);
    expect(fields).toEqual(expect.arrayContaining(['adults.0.email', 'shoeSize']));
    const semantic = await register(host, {
      ...sampleNewcomer({ municipalityCode: '3428' }),
      adults: [{ name: 'Per', phone: '12', birthYear: 2020 }],
      childrenBirthYears: [1950],
      movingDate: '2031-01-01',
      heardVia: { channel: 'campaign', campaignId: '00000000-0000-4000-8000-000000000000' },
    });
    expect(semantic.statusCode).toBe(400);
    expect(
      (semantic.json().error.details as Array<{ field: string }>).map((d) => d.field).sort(),
    ).toEqual(
      [
        'adults.0.birthYear',
        'adults.0.phone',
        'childrenBirthYears.0',
        'heardVia.campaignId',
        'movingDate',
        'municipalityCode',
      ].sort(),
    );
  });

  it('makes one registration of a retried request with the same Idempotency-Key', async () => {
    const body = sampleNewcomer();
    const first = await register(host, body, 'retry-key-123456');
    const again = await register(host, body, 'retry-key-123456');
    expect(again.json().id).toBe(first.json().id);
  });

  it('queues a welcome email with a withdrawal link only with consent to contact', async () => {
    const yes = (await register(host, sampleNewcomer())).json();
    const no = (
      await register(host, sampleNewcomer({ consents: { contact: false, checkIns: false } }))
    ).json();
    const mail = await t.deps.db
      .selectFrom('outbox')
      .select(['purpose', 'consentRef', 'textBody'])
      .where('purpose', 'in', [`newcomers.welcome:${yes.id}`, `newcomers.welcome:${no.id}`])
      .execute();
    expect(mail).toHaveLength(1);
    expect(mail[0]!.consentRef).toBe(`newcomer:${yes.id}`);
    expect(mail[0]!.textBody).toContain('/ny-i-kommunen/flyttet/');
  });

  it('schedules check-ins with consent and an email; a withdrawal link stops both at once', async () => {
    const n = (
      await register(host, sampleNewcomer({ consents: { contact: true, checkIns: true } }))
    ).json();
    const invitations = () =>
      t.deps.db
        .selectFrom('surveyInvitations')
        .select(['wave', 'cancelledAt'])
        .where('subjectRef', '=', `newcomer:${n.id}`)
        .orderBy('wave')
        .execute();
    expect((await invitations()).map((i) => i.wave)).toEqual(['12m', '3m']);
    const token = consentToken(t.deps.config.sessionSecret, `newcomer:${n.id}`);
    expect(await withdrawConsent(t.deps.db, t.clock, t.deps.config.sessionSecret, token)).toBe(
      'withdrawn',
    );
    const after = (await host.request({ url: `/api/newcomers/${n.id}` })).json();
    expect(after.consents).toMatchObject({ contact: false, checkIns: false });
    expect(after.consents.withdrawnAt).not.toBeNull();
    expect((await invitations()).every((i) => i.cancelledAt !== null)).toBe(true);
  });

  it('lets a host edit, record a move away and undo it; another municipality answers 404', async () => {
    const n = (await register(host, sampleNewcomer())).json();
    const edited = await host.request({
      method: 'PATCH',
      url: `/api/newcomers/${n.id}`,
      payload: { movedFrom: 'Bergen', reasons: ['family'], consents: { contact: false } },
    });
    expect(edited.statusCode).toBe(200);
    expect(edited.json()).toMatchObject({ movedFrom: 'Bergen', reasons: ['family'] });
    expect(edited.json().consents.contact).toBe(false);
    const foreign = await otherHost.request({
      method: 'PATCH',
      url: `/api/newcomers/${n.id}`,
      payload: { movedFrom: 'X' },
    });
    expect(foreign.statusCode).toBe(404);
    const away = await host.request({
      method: 'POST',
      url: `/api/newcomers/${n.id}/moved-away`,
      payload: { on: '2026-11-20' },
    });
    expect(away.json()).toMatchObject({ movedAwayOn: '2026-11-20', movedAwaySource: 'host' });
    const early = await host.request({
      method: 'POST',
      url: `/api/newcomers/${n.id}/moved-away`,
      payload: { on: '2026-01-01' },
    });
    expect(early.statusCode).toBe(400);
    expect(early.json().error.details[0].field).toBe('on');
    const living = (await host.request({ url: '/api/newcomers' })).json().newcomers;
    expect(living.map((x: { id: string }) => x.id)).not.toContain(n.id);
    const undo = await host.request({ method: 'DELETE', url: `/api/newcomers/${n.id}/moved-away` });
    expect(undo.json().movedAwayOn).toBeNull();
    const audit = await t.deps.db
      .selectFrom('auditLog')
      .select('action')
      .where('targetId', '=', n.id)
      .execute();
    expect(audit.map((a) => a.action)).toEqual(
      expect.arrayContaining([
        'newcomers.registered',
        'newcomers.updated',
        'newcomers.moved_away_recorded',
        'newcomers.moved_away_undone',
      ]),
    );
  });

  it('lists only contactable newcomers with their email for invitations', async () => {
    const res = await leader.request({ url: '/api/newcomers?contactable=true&status=all' });
    expect(res.statusCode).toBe(200);
    const list = res.json().newcomers as Array<{ consentContact: boolean; email: string | null }>;
    expect(list.length).toBeGreaterThan(0);
    expect(list.every((n) => n.consentContact && n.email)).toBe(true);
    const bad = await leader.request({ url: '/api/newcomers?municipality=12&status=gone' });
    expect(bad.statusCode).toBe(400);
    expect(
      bad
        .json()
        .error.details.map((d: { field: string }) => d.field)
        .sort(),
    ).toEqual(['municipality', 'status']);
  });
});
