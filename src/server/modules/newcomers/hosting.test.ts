import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../../../test/support/app.js';
import { createTestUser, signIn, type TestSession } from '../../../../test/support/auth.js';
import { testDialects } from '../../../../test/support/database.js';
import { addNewcomer, sampleNewcomer } from '../../../../test/support/newcomers.js';
import { createOpenCampaign, postTip, sampleTip } from '../../../../test/support/referral.js';
import { runRetentionPurge } from '../privacy/retention.service.js';

/** Conversion proposals, welcome checklists, the start page, retention, privacy. */
describe.each(testDialects)('newcomer hosting on %s', (dialect) => {
  let t: TestApp;
  let host: TestSession;
  let otherHost: TestSession;
  let leader: TestSession;
  let hostId: string;
  let campaignId: string;

  beforeAll(async () => {
    t = await createTestApp(dialect);
    const hostUser = await createTestUser(t, { role: 'host', municipalityCodes: ['3427'] });
    hostId = hostUser.id;
    host = await signIn(t, hostUser);
    otherHost = await signIn(
      t,
      await createTestUser(t, { role: 'host', municipalityCodes: ['3428'] }),
    );
    leader = await signIn(t, await createTestUser(t, { role: 'programme_leader' }));
    campaignId = (await createOpenCampaign(leader)).id;
  });
  afterAll(async () => t?.close());

  async function prospect(name: string, phone: string, household: string, code = '3428') {
    const res = await postTip(
      t,
      campaignId,
      sampleTip({
        person: { name, phone, household, addressLine: `${name} veg 1`, municipalityCode: code },
      }),
    );
    expect(res.statusCode).toBe(201);
    return t.deps.db
      .selectFrom('prospects')
      .select(['id', 'movedInOn', 'movedInMunicipalityCode'])
      .where('name', '=', name)
      .executeTakeFirstOrThrow();
  }

  it('proposes a matching prospect; the host confirms and the prospect has moved in', async () => {
    // Tipped to Tynset (3428), moved to Tynset's neighbour 3427: the 3427 host confirms.
    const p = await prospect('Siri Heimkomen', '93456789', 'Siri og Jon, ei jente');
    const id = await addNewcomer(t, {
      adults: [{ name: 'Siri Heimkomen', phone: '+47 934 56 789' }, { name: 'Jon Heimkomen' }],
      movingDate: '2026-11-01',
    });
    const detail = (await host.request({ url: `/api/newcomers/${id}` })).json();
    expect(detail.matches).toHaveLength(1);
    expect(detail.matches[0].reasons).toEqual(['phone', 'name', 'household']);
    const pending = (await host.request({ url: '/api/newcomer-matches' })).json().matches;
    expect(pending.map((m: { id: string }) => m.id)).toContain(detail.matches[0].id);
    // The other municipality's host does not see the newcomer, nor the proposal.
    const foreign = await otherHost.request({
      method: 'POST',
      url: `/api/newcomer-matches/${detail.matches[0].id}/confirm`,
      payload: {},
    });
    expect(foreign.statusCode).toBe(404);
    const confirm = await host.request({
      method: 'POST',
      url: `/api/newcomer-matches/${detail.matches[0].id}/confirm`,
      payload: {},
    });
    expect(confirm.statusCode).toBe(200);
    expect(confirm.json().status).toBe('confirmed');
    const moved = await t.deps.db
      .selectFrom('prospects')
      .select(['movedInOn', 'movedInMunicipalityCode'])
      .where('id', '=', p.id)
      .executeTakeFirstOrThrow();
    expect(moved).toEqual({ movedInOn: '2026-11-01', movedInMunicipalityCode: '3427' });
    // A double click changes nothing; rejecting a confirmed one is refused.
    const again = await host.request({
      method: 'POST',
      url: `/api/newcomer-matches/${detail.matches[0].id}/confirm`,
      payload: {},
    });
    expect(again.json().status).toBe('confirmed');
    const reject = await host.request({
      method: 'POST',
      url: `/api/newcomer-matches/${detail.matches[0].id}/reject`,
    });
    expect(reject.statusCode).toBe(409);
  });

  it('lets a host reject a proposal; nothing changes on the prospect', async () => {
    const p = await prospect('Ola Dobbel', '93456700', '', '3427');
    const id = await addNewcomer(t, { adults: [{ name: 'Ola Dobbel' }] });
    const [match] = (await host.request({ url: `/api/newcomers/${id}` })).json().matches;
    expect(match.reasons).toEqual(['name']);
    const res = await host.request({
      method: 'POST',
      url: `/api/newcomer-matches/${match.id}/reject`,
    });
    expect(res.json().status).toBe('rejected');
    const row = await t.deps.db
      .selectFrom('prospects')
      .select('movedInOn')
      .where('id', '=', p.id)
      .executeTakeFirstOrThrow();
    expect(row.movedInOn).toBeNull();
    const audit = await t.deps.db
      .selectFrom('auditLog')
      .select('action')
      .where('targetId', '=', id)
      .execute();
    expect(audit.map((a) => a.action)).toContain('newcomers.match_rejected');
  });

  it('gives newcomers their municipality’s checklist; done and undo; overdue on the start page', async () => {
    const put = await leader.request({
      method: 'PUT',
      url: '/api/welcome-checklists/3427',
      payload: {
        items: [
          { title: 'Velkomstbrev', dueOffsetDays: 0, responsibleUserId: hostId },
          { title: 'Invitasjon til møteplass', dueOffsetDays: 30 },
        ],
      },
    });
    expect(put.statusCode).toBe(200);
    expect(put.json().items.map((i: { title: string }) => i.title)).toEqual([
      'Velkomstbrev',
      'Invitasjon til møteplass',
    ]);
    const hostPut = await host.request({
      method: 'PUT',
      url: '/api/welcome-checklists/3427',
      payload: { items: [] },
    });
    expect(hostPut.statusCode).toBe(403);
    const bad = await leader.request({
      method: 'PUT',
      url: '/api/welcome-checklists/3427',
      payload: { items: [{ title: '', dueOffsetDays: 1.5 }] },
    });
    expect(
      bad
        .json()
        .error.details.map((d: { field: string }) => d.field)
        .sort(),
    ).toEqual(['items.0.dueOffsetDays', 'items.0.title']);
    const id = await addNewcomer(t, { movingDate: '2026-11-10' });
    const detail = (await host.request({ url: `/api/newcomers/${id}` })).json();
    expect(
      detail.checklist.map((c: { title: string; dueOn: string }) => [c.title, c.dueOn]),
    ).toEqual([
      ['Velkomstbrev', '2026-11-10'],
      ['Invitasjon til møteplass', '2026-12-10'],
    ]);
    const letter = detail.checklist[0];
    expect(letter.overdue).toBe(true);
    const start = (await host.request({ url: '/api/start-page' })).json();
    expect(start.overdueChecklist.map((c: { id: string }) => c.id)).toContain(letter.id);
    expect(start.newRegistrations.map((n: { id: string }) => n.id)).toContain(id);
    expect(start.events).toEqual([]);
    const done = await host.request({
      method: 'PATCH',
      url: `/api/newcomers/${id}/checklist/${letter.id}`,
      payload: { done: true },
    });
    expect(done.json()).toMatchObject({ overdue: false });
    expect(done.json().doneAt).not.toBeNull();
    const after = (await host.request({ url: '/api/start-page' })).json();
    expect(after.overdueChecklist.map((c: { id: string }) => c.id)).not.toContain(letter.id);
    const undo = await host.request({
      method: 'PATCH',
      url: `/api/newcomers/${id}/checklist/${letter.id}`,
      payload: { done: false },
    });
    expect(undo.json().doneAt).toBeNull();
    const foreign = await otherHost.request({
      method: 'PATCH',
      url: `/api/newcomers/${id}/checklist/${letter.id}`,
      payload: { done: true },
    });
    expect(foreign.statusCode).toBe(404);
    const otherStart = (await otherHost.request({ url: '/api/start-page' })).json();
    expect(otherStart.overdueChecklist).toEqual([]);
  });

  it('reports who still lives here after 12 and 24 months, as JSON, CSV and XLSX', async () => {
    await addNewcomer(t, { movingDate: '2024-06-01', municipalityCode: '3428' });
    const left = await addNewcomer(t, { movingDate: '2024-06-01', municipalityCode: '3428' });
    await t.deps.db
      .updateTable('newcomers')
      .set({ movedAwayOn: '2025-01-15' })
      .where('id', '=', left)
      .execute();
    await addNewcomer(t, { movingDate: '2026-01-01', municipalityCode: '3428' });
    const report = (await leader.request({ url: '/api/newcomer-retention' })).json();
    const tynset = report.municipalities.find((m: { code: string }) => m.code === '3428');
    expect(tynset.figures).toMatchObject({ cohort12: 2, living12: 1, rate12: 0.5, cohort24: 2 });
    const hostView = (await otherHost.request({ url: '/api/newcomer-retention' })).json();
    expect(hostView.municipalities.map((m: { code: string }) => m.code)).toEqual(['3428']);
    const csv = await leader.request({ url: '/api/newcomer-retention.csv' });
    expect(csv.headers['content-type']).toContain('text/csv');
    expect(csv.body.split('\r\n')[0]).toContain('living_here_after_12_months');
    const xlsx = await leader.request({ url: '/api/newcomer-retention.xlsx' });
    expect(xlsx.statusCode).toBe(200);
    expect(xlsx.rawPayload.subarray(0, 2).toString()).toBe('PK');
  });

  it('finds a newcomer in the access export, erases them, and purges old ones', async () => {
    const id = await addNewcomer(t, {
      adults: [{ name: 'Privat Person', phone: '48001122', email: 'privat@example.no' }],
    });
    const exported = await leader.request({
      method: 'POST',
      url: '/api/privacy/access-exports',
      payload: { lookup: { by: 'phone', phone: '480 01 122' } },
    });
    expect(exported.statusCode).toBe(200);
    const section = exported.json().sections.find((s: { id: string }) => s.id === 'newcomers');
    expect(section.records[0].adults[0]).toContain('Privat Person');
    const erased = await leader.request({
      method: 'POST',
      url: '/api/privacy/erasures',
      payload: { lookup: { by: 'email', email: 'privat@example.no' }, suppress: false },
    });
    expect(erased.statusCode).toBe(200);
    const gone = await t.deps.db
      .selectFrom('newcomers')
      .select('id')
      .where('id', '=', id)
      .execute();
    expect(gone).toEqual([]);
    const adults = await t.deps.db
      .selectFrom('newcomerAdults')
      .select('id')
      .where('newcomerId', '=', id)
      .execute();
    expect(adults).toEqual([]);

    const old = await addNewcomer(t, { movingDate: '2023-01-01' });
    const recent = await addNewcomer(t, sampleNewcomer({ movingDate: '2026-01-01' }));
    const counts = await runRetentionPurge(t.deps.db, t.clock);
    expect(counts.newcomers).toBeGreaterThanOrEqual(1);
    const left = await t.deps.db
      .selectFrom('newcomers')
      .select('id')
      .where('id', 'in', [old, recent])
      .execute();
    expect(left.map((r) => r.id)).toEqual([recent]);
  });
});
