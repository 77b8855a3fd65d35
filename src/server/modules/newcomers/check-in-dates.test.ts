import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../../../test/support/app.js';
import { createTestUser, signIn, type TestUser } from '../../../../test/support/auth.js';
import { testDialects } from '../../../../test/support/database.js';
import { sampleNewcomer } from '../../../../test/support/newcomers.js';
import { runSurveys, surveyMailsTo } from '../../../../test/support/surveys.js';

/** Check-ins count from the moving date: a corrected date moves the ones not sent yet. */
describe.each(testDialects)('check-ins following the moving date on %s', (dialect) => {
  let t: TestApp;
  let hostUser: TestUser;

  beforeAll(async () => {
    t = await createTestApp(dialect);
    hostUser = await createTestUser(t, { role: 'host', municipalityCodes: ['3427'] });
  });
  afterAll(async () => t?.close());

  const invitations = (id: string) =>
    t.deps.db
      .selectFrom('surveyInvitations')
      .select(['wave', 'sendAt', 'sentAt', 'cancelledAt'])
      .where('subjectRef', '=', `newcomer:${id}`)
      .orderBy('wave')
      .execute();

  async function registered(email: string, movingDate: string) {
    const host = await signIn(t, hostUser);
    const adult = { name: 'Kari Flyttdato', birthYear: 1990, email };
    const res = await host.request({
      method: 'POST',
      url: '/api/newcomers',
      payload: {
        ...sampleNewcomer({ movingDate, consents: { contact: true, checkIns: true } }),
        adults: [adult],
      },
    });
    expect(res.statusCode).toBe(201);
    return { host, id: res.json().id as string };
  }

  it('moves both pending check-ins when a host corrects the moving date', async () => {
    t.clock.set('2026-11-27T10:00:00.000Z');
    const { host, id } = await registered('flytt.a@example.no', '2026-10-01');
    const before = await invitations(id);
    expect(before.map((i) => [i.wave, new Date(i.sendAt).toISOString()])).toEqual([
      ['12m', '2027-10-01T08:00:00.000Z'],
      ['3m', '2027-01-01T08:00:00.000Z'],
    ]);
    const res = await host.request({
      method: 'PATCH',
      url: `/api/newcomers/${id}`,
      payload: { movingDate: '2026-11-20' },
    });
    expect(res.statusCode).toBe(200);
    const after = await invitations(id);
    expect(after.map((i) => [i.wave, new Date(i.sendAt).toISOString(), i.cancelledAt])).toEqual([
      ['12m', '2027-11-20T08:00:00.000Z', null],
      ['3m', '2027-02-20T08:00:00.000Z', null],
    ]);
    // Nothing goes out on the old day any more.
    t.clock.set('2027-01-02T10:00:00.000Z');
    await runSurveys(t);
    expect(await surveyMailsTo(t, 'flytt.a@example.no')).toHaveLength(0);
    t.clock.set('2027-02-21T10:00:00.000Z');
    await runSurveys(t);
    expect(await surveyMailsTo(t, 'flytt.a@example.no')).toHaveLength(1);
  });

  it('leaves an already sent check-in as it was and moves only the pending one', async () => {
    t.clock.set('2026-11-27T10:00:00.000Z');
    const { id } = await registered('flytt.b@example.no', '2026-10-01');
    // The three-month check-in goes out on its day.
    t.clock.set('2027-01-02T10:00:00.000Z');
    await runSurveys(t);
    expect(await surveyMailsTo(t, 'flytt.b@example.no')).toHaveLength(1);
    const sent = (await invitations(id)).find((i) => i.wave === '3m')!;
    expect(sent.sentAt).not.toBeNull();

    // A fresh sign-in: the session follows the test clock.
    const host = await signIn(t, hostUser);
    const res = await host.request({
      method: 'PATCH',
      url: `/api/newcomers/${id}`,
      payload: { movingDate: '2026-12-15' },
    });
    expect(res.statusCode).toBe(200);
    const after = await invitations(id);
    expect(after.find((i) => i.wave === '3m')).toEqual(sent);
    expect(after.find((i) => i.wave === '12m')).toMatchObject({
      sentAt: null,
      cancelledAt: null,
    });
    expect(new Date(after.find((i) => i.wave === '12m')!.sendAt).toISOString()).toBe(
      '2027-12-15T08:00:00.000Z',
    );
    // The sent one is not sent again on its new day.
    t.clock.set('2027-03-16T10:00:00.000Z');
    await runSurveys(t);
    const mails = await surveyMailsTo(t, 'flytt.b@example.no');
    expect(mails.filter((m) => m.purpose.startsWith('surveys.invitation:'))).toHaveLength(1);
  });
});
