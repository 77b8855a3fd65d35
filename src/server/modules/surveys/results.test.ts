import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../../../test/support/app.js';
import { createTestUser, signIn, type TestSession } from '../../../../test/support/auth.js';
import { testDialects } from '../../../../test/support/database.js';
import { createTestRegion } from '../../../../test/support/regions.js';
import {
  answer,
  DAY,
  insertResponses,
  linkIn,
  runSurveys,
  schedule,
  surveyMailsTo,
} from '../../../../test/support/surveys.js';
import type { SurveySummary } from '../../../contracts/surveys.js';
import { runHousekeeping } from '../../jobs/housekeeping.js';

/** Every number a CSV shows (counts and group sizes; averages have a decimal point). */
const csvCounts = (csv: string) =>
  csv
    .split('\r\n')
    .slice(1)
    .flatMap((line) => {
      const cells = line.split(';');
      return [cells[2], cells[5]].filter((c): c is string => !!c && /^\d+$/.test(c)).map(Number);
    });

/**
 * Reports through HTTP: no group and no cell under five is ever shown or exported, nor a
 * figure that would give one away by subtraction; hosts see their municipalities only.
 */
describe.each(testDialects)('survey results on %s', (dialect) => {
  let t: TestApp;
  let leader: TestSession;
  let host: TestSession;
  let admin: TestSession;
  let caller: TestSession;
  let otherLeader: TestSession;

  beforeAll(async () => {
    t = await createTestApp(dialect);
    leader = await signIn(t, await createTestUser(t, { role: 'programme_leader' }));
    host = await signIn(t, await createTestUser(t, { role: 'host', municipalityCodes: ['3427'] }));
    admin = await signIn(t, await createTestUser(t, { role: 'admin' }));
    caller = await signIn(t, await createTestUser(t, { role: 'caller' }));
    const other = await createTestRegion(t);
    otherLeader = await signIn(
      t,
      await createTestUser(t, { role: 'programme_leader', regionId: other }),
    );
    // 3427: 12 answers, 3428: 6, 3429: 3 (too few), 3430: 7; and 2 in the next quarter.
    await insertResponses(t, 7, {
      municipalityCode: '3427',
      answers: { wellbeing: 5, plansToStay: 'yes' },
    });
    await insertResponses(t, 3, {
      municipalityCode: '3427',
      answers: { wellbeing: 2, plansToStay: 'no' },
    });
    await insertResponses(t, 2, {
      municipalityCode: '3427',
      answers: { wellbeing: 4, plansToStay: 'unsure' },
    });
    await insertResponses(t, 6, { municipalityCode: '3428' });
    await insertResponses(t, 3, { municipalityCode: '3429' });
    await insertResponses(t, 7, { municipalityCode: '3430' });
    await insertResponses(t, 2, { municipalityCode: '3430', period: '2027K1' });
  });
  afterAll(async () => t?.close());

  const summary = async (session: TestSession, query: string) => {
    const res = await session.request({ url: `/api/surveys/wellbeing/summary?${query}` });
    return { status: res.statusCode, body: res.json() as SurveySummary };
  };

  it('hides a group under five and the next smallest, so neither can be worked out', async () => {
    const { status, body } = await summary(leader, 'groupBy=municipality&to=2026K4');
    expect(status).toBe(200);
    const byKey = Object.fromEntries(body.groups.map((g) => [g.key, g]));
    expect(byKey['3429']).toMatchObject({ n: null, suppressed: 'small' });
    // One small group alone could be found as "region total minus the rest": 3428 goes too.
    expect(byKey['3428']).toMatchObject({ n: null, suppressed: 'complement' });
    expect(byKey['3427']!.n).toBe(12);
    expect(byKey['3427']!.label).toBe('Tynset');
    for (const g of body.groups.filter((x) => x.suppressed)) {
      expect(g.questions.every((q) => q.mean === null && q.counts === null)).toBe(true);
    }
  });

  it('hides answer cells under five inside a group, and enough others that none can be derived', async () => {
    const { body } = await summary(leader, 'groupBy=municipality&to=2026K4');
    const tynset = body.groups.find((g) => g.key === '3427')!;
    const stay = tynset.questions.find((q) => q.key === 'plansToStay')!;
    // yes 7, no 3, unsure 2: no and unsure are hidden (together 5); zeros are shown.
    expect(stay.counts).toEqual({ yes: 7, unsure: null, no: null, none: 0 });
    const wellbeing = tynset.questions.find((q) => q.key === 'wellbeing')!;
    expect(wellbeing.mean).toBe(4.1);
    // A scale with hidden cells shows its average only (cells + average would solve them).
    expect(wellbeing.counts).toBeNull();
  });

  it('exports CSV and XLSX with the same suppression, and audits the export', async () => {
    const csv = await leader.request({
      url: '/api/surveys/wellbeing/summary.csv?groupBy=municipality&to=2026K4',
    });
    expect(csv.statusCode).toBe(200);
    expect(csv.headers['content-type']).toContain('text/csv');
    const counts = csvCounts(csv.body);
    expect(counts.length).toBeGreaterThan(0);
    expect(counts.filter((n) => n > 0 && n < 5)).toEqual([]);
    // The small group's row shows no size and no counts.
    expect(csv.body).toMatch(/^3429;[^;]*;:;/m);
    expect(csv.body).not.toMatch(/^3429;[^;]*;:;[^;]*;[^;]*;\d/m);
    const xlsx = await leader.request({ url: '/api/surveys/wellbeing/summary.xlsx?groupBy=wave' });
    expect(xlsx.statusCode).toBe(200);
    const { default: ExcelJS } = await import('exceljs');
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(xlsx.rawPayload as unknown as ArrayBuffer);
    const numbers: number[] = [];
    book.worksheets[0]!.eachRow((row, i) => {
      if (i === 1) return;
      for (const c of [row.getCell(3).value, row.getCell(6).value]) {
        if (typeof c === 'number') numbers.push(c);
      }
    });
    expect(numbers).toContain(30);
    expect(numbers.filter((n) => n > 0 && n < 5)).toEqual([]);
    const audit = await t.deps.db
      .selectFrom('auditLog')
      .select('action')
      .where('action', '=', 'surveys.export')
      .execute();
    expect(audit).toHaveLength(2);
  });

  it('never lets the complement of one hidden group through, whatever the grouping', async () => {
    // By quarter: 2027K1 has 2 answers; with one other group, both are hidden.
    await insertResponses(t, 1, { municipalityCode: '3430', wave: '12m' });
    const { body } = await summary(leader, 'groupBy=wave');
    const visible = body.groups.filter((g) => g.n !== null);
    const hidden = body.groups.filter((g) => g.n === null);
    expect(hidden.length === 0 || hidden.length >= 2).toBe(true);
    expect(visible.every((g) => g.n! >= 5)).toBe(true);
    expect(body.groups.find((g) => g.key === '12m')!.n).toBeNull();
  });

  it('shows hosts the answers from their own municipalities only', async () => {
    const { status, body } = await summary(host, 'groupBy=region&to=2026K4');
    expect(status).toBe(200);
    expect(body.groups).toHaveLength(1);
    expect(body.groups[0]!.n).toBe(12);
    const byMunicipality = await summary(host, 'groupBy=municipality');
    expect(byMunicipality.body.groups.map((g) => g.key)).toEqual(['3427']);
  });

  it('refuses callers, another region and bad queries (naming the fields)', async () => {
    expect((await caller.request({ url: '/api/surveys/wellbeing/summary' })).statusCode).toBe(403);
    const foreign = await otherLeader.request({
      url: `/api/surveys/wellbeing/summary?region=${t.demoRegionId}`,
    });
    expect(foreign.statusCode).toBe(404);
    const empty = await summary(otherLeader, 'groupBy=region');
    expect(empty.body.groups).toEqual([]);
    const bad = await leader.request({
      url: '/api/surveys/wellbeing/summary?groupBy=person&from=2026Q1',
    });
    expect(bad.statusCode).toBe(400);
    const fields = (bad.json().error.details as { field: string }[]).map((d) => d.field).sort();
    expect(fields).toEqual(['from', 'groupBy']);
    expect((await leader.request({ url: '/api/surveys/nope/summary' })).statusCode).toBe(404);
    const adminNoRegion = await admin.request({ url: '/api/surveys/wellbeing/summary' });
    expect(adminNoRegion.statusCode).toBe(400);
    expect(adminNoRegion.json().error.details[0].field).toBe('region');
    const adminRegion = await summary(admin, `region=${t.demoRegionId}&groupBy=region&to=2026K4`);
    expect(adminRegion.body.groups[0]!.n).toBe(29);
  });

  it('keeps the check-in waves per region: 3 and 12 months by default, programme leaders edit', async () => {
    const read = await leader.request({ url: '/api/surveys/check-ins' });
    expect(read.json()).toEqual({ regionId: t.demoRegionId, months: [3, 12], custom: false });
    const bad = await leader.request({
      method: 'PUT',
      url: '/api/surveys/check-ins',
      payload: { months: [0, 6.5, 6.5] },
    });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error.details.map((d: { field: string }) => d.field)).toContain('months.0');
    const saved = await leader.request({
      method: 'PUT',
      url: '/api/surveys/check-ins',
      payload: { months: [24, 6] },
    });
    expect(saved.json()).toMatchObject({ months: [6, 24], custom: true });
    const { getCheckInWaves } = await import('./surveys.service.js');
    expect(await getCheckInWaves(t.deps.db, t.demoRegionId)).toEqual([
      { months: 6, wave: '6m' },
      { months: 24, wave: '24m' },
    ]);
    const hostPut = await host.request({
      method: 'PUT',
      url: '/api/surveys/check-ins',
      payload: { months: [3] },
    });
    expect(hostPut.statusCode).toBe(403);
  });

  it('finds invitations by email for access, erases them, and purges closed ones after 60 days', async () => {
    const email = 'innsyn.undersokelse@example.no';
    await schedule(t, { email });
    await schedule(t, {
      email,
      wave: '12m',
      sendAt: new Date(t.clock.now().getTime() + 365 * DAY),
    });
    await runSurveys(t);
    const access = await leader.request({
      method: 'POST',
      url: '/api/privacy/access-exports',
      payload: { lookup: { by: 'email', email } },
    });
    expect(access.statusCode).toBe(200);
    const section = access
      .json()
      .sections.find((s: { id: string }) => s.id === 'survey_invitations');
    expect(section.records).toHaveLength(2);
    const erased = await leader.request({
      method: 'POST',
      url: '/api/privacy/erasures',
      payload: { lookup: { by: 'email', email } },
    });
    expect(erased.statusCode).toBe(200);
    expect(erased.json().counts).toMatchObject({ surveyInvitations: 2 });
    expect(await surveyMailsTo(t, email)).toHaveLength(0);

    // Retention: an answered invitation goes 60 days after, an open one stays.
    const kept = 'beholdt@example.no';
    await schedule(t, { email: 'gammel@example.no' });
    await schedule(t, { email: kept, sendAt: new Date(t.clock.now().getTime() + 200 * DAY) });
    await runSurveys(t);
    const path = linkIn((await surveyMailsTo(t, 'gammel@example.no'))[0]!.textBody);
    expect((await answer(t, path, { wellbeing: '3' })).statusCode).toBe(303);
    t.clock.advance(59 * DAY);
    await runHousekeeping(t.deps);
    const count = async (to: string) =>
      (
        await t.deps.db
          .selectFrom('surveyInvitations')
          .select('id')
          .where('email', '=', to)
          .execute()
      ).length;
    expect(await count('gammel@example.no')).toBe(1);
    t.clock.advance(2 * DAY);
    expect((await runHousekeeping(t.deps)).surveyInvitations).toBeGreaterThanOrEqual(1);
    expect(await count('gammel@example.no')).toBe(0);
    expect(await count(kept)).toBe(1);
  });
});
