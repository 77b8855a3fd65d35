import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../../../test/support/app.js';
import { createTestUser, signIn, type TestSession } from '../../../../test/support/auth.js';
import { testDialects } from '../../../../test/support/database.js';
import { createOpenCampaign } from '../../../../test/support/referral.js';

describe.each(testDialects)('campaign calling hours on %s', (dialect) => {
  let t: TestApp;
  let leader: TestSession;

  beforeAll(async () => {
    t = await createTestApp(dialect);
    leader = await signIn(t, await createTestUser(t, { role: 'programme_leader' }));
  });
  afterAll(async () => t?.close());

  const patch = (id: string, payload: Record<string, unknown>) =>
    leader.request({ method: 'PATCH', url: `/api/campaigns/${id}`, payload });

  it('has no calling hours of its own by default (weekdays 09–21), and keeps what is set', async () => {
    const campaign = await createOpenCampaign(leader);
    expect((await leader.request({ url: `/api/campaigns/${campaign.id}` })).json()).toMatchObject({
      callingHours: null,
    });
    const hours = { days: [1, 2, 3, 4, 6], from: '10:00', to: '20:30' };
    const res = await patch(campaign.id, { callingHours: hours });
    expect(res.statusCode).toBe(200);
    expect(res.json().callingHours).toEqual(hours);
    // Another change leaves the hours as they are; null puts the default back.
    expect((await patch(campaign.id, { name: 'Nytt navn' })).json().callingHours).toEqual(hours);
    expect((await patch(campaign.id, { callingHours: null })).json().callingHours).toBeNull();
    const row = await t.deps.db
      .selectFrom('campaigns')
      .select('callingHours')
      .where('id', '=', campaign.id)
      .executeTakeFirstOrThrow();
    expect(row.callingHours).toBeNull();
  });

  it('takes calling hours when a campaign is made', async () => {
    const hours = { days: [6, 7], from: '12:00', to: '16:00' };
    const res = await leader.request({
      method: 'POST',
      url: '/api/campaigns',
      payload: {
        name: 'Helgeringing',
        kind: 'referral',
        startsOn: '2026-12-01',
        endsOn: '2026-12-31',
        texts: { nb: { title: 'Helg', intro: '' } },
        callingHours: hours,
      },
    });
    expect(res.statusCode).toBe(201);
    expect(res.json().callingHours).toEqual(hours);
  });

  it('names the field of bad calling hours', async () => {
    const campaign = await createOpenCampaign(leader);
    const cases: Array<[unknown, string]> = [
      [{ days: [], from: '09:00', to: '21:00' }, 'callingHours.days'],
      [{ days: [8], from: '09:00', to: '21:00' }, 'callingHours.days.0'],
      [{ days: [1], from: '9', to: '21:00' }, 'callingHours.from'],
      [{ days: [1], from: '18:00', to: '09:00' }, 'callingHours.to'],
      [{ days: [1], from: '09:00', to: '21:00', zone: 'UTC' }, 'callingHours.zone'],
    ];
    for (const [callingHours, field] of cases) {
      const res = await patch(campaign.id, { callingHours });
      expect(res.statusCode, JSON.stringify(callingHours)).toBe(400);
      const fields = res.json().error.details.map((d: { field: string }) => d.field);
      expect(fields).toContain(field);
    }
  });
});
