import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../../../test/support/app.js';
import { createTestUser, signIn, type TestSession } from '../../../../test/support/auth.js';
import { testDialects } from '../../../../test/support/database.js';
import { pdfText } from '../../../../test/support/pdf.js';
import { createOpenCampaign } from '../../../../test/support/referral.js';
import { createTestRegion } from '../../../../test/support/regions.js';
import { insertResponses } from '../../../../test/support/surveys.js';
import { saveProgramme } from '../goals/goals.service.js';
import { seedSnapshotIfEmpty } from '../statistics/statistics.demo.js';

const Q1_2015 = 'from=2015-01-01&to=2015-03-31';
const pageCount = (pdf: Buffer) => pdf.toString('latin1').match(/\/Type \/Page\b/g)?.length ?? 0;

async function workbook(body: Buffer) {
  const book = new ExcelJS.Workbook();
  await book.xlsx.load(body as unknown as ArrayBuffer);
  return book;
}

/** Every number a sheet holds, as numbers. */
function numbersIn(sheet: ExcelJS.Worksheet): number[] {
  const out: number[] = [];
  sheet.eachRow((row) => {
    row.eachCell((cell) => {
      if (typeof cell.value === 'number') out.push(cell.value);
    });
  });
  return out;
}

/**
 * The council report through HTTP: a real PDF and workbook with the region's figures, in the
 * language asked for; bad periods named; another region's leader gets 404; no survey cell
 * under five anywhere.
 */
describe.each(testDialects)('council report on %s', (dialect) => {
  let t: TestApp;
  let leader: TestSession;
  let admin: TestSession;
  let otherLeader: TestSession;
  let campaignName: string;

  beforeAll(async () => {
    t = await createTestApp(dialect);
    leader = await signIn(t, await createTestUser(t, { role: 'programme_leader' }));
    admin = await signIn(t, await createTestUser(t, { role: 'admin' }));
    const other = await createTestRegion(t);
    otherLeader = await signIn(
      t,
      await createTestUser(t, { role: 'programme_leader', regionId: other }),
    );
    await seedSnapshotIfEmpty(t.deps.db, t.clock); // SSB's real 2015K1 file
    const campaign = await createOpenCampaign(leader, {
      startsOn: '2015-01-05',
      endsOn: '2015-03-20',
      callingDays: ['2015-02-10'],
    });
    campaignName = (
      (await leader.request({ url: `/api/campaigns/${campaign.id}` })).json() as { name: string }
    ).name;
    // Well-being: 7 say 5 and 3 say 2 (a cell of three: hidden); the employer survey has only
    // three answers in all (the whole group hidden).
    await insertResponses(t, 7, {
      period: '2015K1',
      answers: { wellbeing: 5, plansToStay: 'yes' },
    });
    await insertResponses(t, 3, {
      period: '2015K1',
      answers: { wellbeing: 2, plansToStay: 'yes' },
    });
    await insertResponses(t, 3, { period: '2015K1', surveyKey: 'employer', answers: {} });
    await saveProgramme(t.deps.db, t.clock, null, t.demoRegionId, {
      mainGoal: { nb: 'Et foregangsfylke for positiv markedsføring', nn: '', en: '' },
      phases: [{ name: 'Løft', from: '2002-01-01', to: null }],
      subGoals: [
        {
          title: { nb: 'Positiv nettoflytting', nn: 'Positiv nettoflytting', en: '' },
          indicators: [
            {
              name: { nb: 'Nettoflytting i regionen', nn: '', en: '' },
              source: { kind: 'statistics', series: 'netMigration', ageBand: null },
              baseline: 0,
              target: 100,
              period: { from: '2015-01-01', to: '2015-12-31' },
            },
            {
              name: { nb: 'Nyetableringer', nn: '', en: '' },
              source: { kind: 'count', measure: 'startups', mediaLevel: null },
              baseline: null,
              target: 10,
              period: { from: '2015-01-01', to: '2015-12-31' },
            },
          ],
        },
      ],
    });
  });
  afterAll(async () => t?.close());

  it('makes a real PDF in bokmål with the region, goals, figures, summary and funnel', async () => {
    const res = await leader.request({ url: `/api/reports/council.pdf?${Q1_2015}&locale=nb` });
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toBe('application/pdf');
    expect(res.headers['content-disposition']).toBe(
      'attachment; filename="rapport-fjellregionen-2015-01-01-2015-03-31.pdf"',
    );
    const pdf = res.rawPayload;
    expect(pdf.subarray(0, 5).toString('latin1')).toBe('%PDF-');
    expect(pageCount(pdf)).toBeGreaterThanOrEqual(3);
    const text = pdfText(pdf);
    expect(text).toContain('Rapport til regionrådet');
    expect(text).toContain('Fjellregionen');
    expect(text).toContain('Måloppnåelse');
    expect(text).toContain('Nettoflytting i regionen');
    expect(text).toContain('1. april 2015 hadde kommunene i Fjellregionen');
    expect(text).toContain(campaignName);
    expect(text).toMatch(/Side 2 av \d+/);
    // The well-being survey: ten answers shown, the cell of three never.
    expect(text).toContain('Antall svar: 10');
    expect(text).not.toMatch(/: 3( ·|$)/m);
    expect(text).toContain('Færre enn 5 svar i perioden');
  });

  it('writes the report in nynorsk when asked', async () => {
    const res = await leader.request({ url: `/api/reports/council.pdf?${Q1_2015}&locale=nn` });
    expect(res.statusCode).toBe(200);
    const text = pdfText(res.rawPayload);
    expect(text).toContain('Måloppnåing');
    expect(text).toContain('Flyttetal');
  });

  it('gives the same figures in a workbook, numbers as numbers, no survey cell under five', async () => {
    const pdf = await leader.request({ url: `/api/reports/council.pdf?${Q1_2015}` });
    const res = await leader.request({ url: `/api/reports/council.xlsx?${Q1_2015}` });
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-disposition']).toBe(
      'attachment; filename="rapport-fjellregionen-2015-01-01-2015-03-31.xlsx"',
    );
    const book = await workbook(res.rawPayload);
    const names = book.worksheets.map((s) => s.name);
    expect(names).toEqual([
      'Om rapporten',
      'Måloppnåelse',
      'Flyttetall',
      'Kvartalsoppsummeringer',
      'Kampanjer',
      'Spørreundersøkelser',
    ]);
    const migration = book.getWorksheet('Flyttetall')!;
    const row = migration.getRow(2);
    expect(row.getCell(1).value).toBe('2015K1');
    const net = row.getCell(4).value;
    expect(typeof net).toBe('number');
    // The PDF prints the same net migration.
    expect(pdfText(pdf.rawPayload)).toContain(new Intl.NumberFormat('nb-NO').format(net as number));
    const campaigns = book.getWorksheet('Kampanjer')!;
    expect(campaigns.getRow(2).getCell(1).value).toBe(campaignName);
    expect(typeof campaigns.getRow(2).getCell(2).value).toBe('number');
    const surveys = book.getWorksheet('Spørreundersøkelser')!;
    const counts = numbersIn(surveys).filter((n) => Number.isInteger(n));
    // plansToStay: all ten said yes; the well-being scale has a hidden cell, so only its mean.
    expect(counts).toContain(10);
    expect(counts.filter((n) => n > 0 && n < 5)).toEqual([]);
    const hidden: string[] = [];
    surveys.eachRow((r) => {
      if (r.getCell(5).value === 'skjult') hidden.push(String(r.getCell(2).value));
    });
    expect(hidden.length).toBeGreaterThan(0);
  });

  it('refuses bad periods, naming the field', async () => {
    const bad = [
      ['from=2015-13-01&to=2015-03-31', 'from'],
      ['from=2015-01-01', 'to'],
      ['from=2015-03-31&to=2015-01-01', 'to'],
      ['from=2000-01-01&to=2015-01-01', 'to'],
      [`${Q1_2015}&locale=de`, 'locale'],
    ] as const;
    for (const [query, field] of bad) {
      const res = await leader.request({ url: `/api/reports/council.pdf?${query}` });
      expect(res.statusCode, query).toBe(400);
      const fields = (res.json().error.details as Array<{ field: string }>).map((d) => d.field);
      expect(fields, query).toContain(field);
    }
  });

  it('says clearly when the period has nothing to report, instead of an empty PDF', async () => {
    const res = await leader.request({
      url: '/api/reports/council.pdf?from=1990-01-01&to=1990-12-31',
    });
    expect(res.statusCode).toBe(404);
    expect(res.headers['content-type']).toContain('application/json');
    expect(res.json().error.message).toContain('Nothing to report for Fjellregionen');
    expect(res.json().error.details).toEqual([
      { field: 'period', message: 'No data in the period' },
    ]);
  });

  it("keeps a region's report to its leaders and admins, and audits each download", async () => {
    const other = await otherLeader.request({
      url: `/api/reports/council.pdf?${Q1_2015}&region=${t.demoRegionId}`,
    });
    expect(other.statusCode).toBe(404);
    // Their own region's report holds their figures and nothing of Fjellregionen.
    const own = await otherLeader.request({ url: `/api/reports/council.pdf?${Q1_2015}` });
    expect(own.statusCode).toBe(200);
    const text = pdfText(own.rawPayload);
    expect(text).toContain('Annen region');
    expect(text).not.toContain('Fjellregionen');
    expect(text).not.toContain(campaignName);

    const noRegion = await admin.request({ url: `/api/reports/council.xlsx?${Q1_2015}` });
    expect(noRegion.statusCode).toBe(400);
    expect(noRegion.json().error.details[0].field).toBe('region');
    const asAdmin = await admin.request({
      url: `/api/reports/council.xlsx?${Q1_2015}&region=${t.demoRegionId}`,
    });
    expect(asAdmin.statusCode).toBe(200);

    const audit = await t.deps.db
      .selectFrom('auditLog')
      .select(['action', 'details'])
      .where('action', '=', 'reports.council_exported')
      .execute();
    expect(audit.length).toBeGreaterThanOrEqual(4);
    expect(audit.some((a) => String(a.details).includes('"format":"xlsx"'))).toBe(true);
  });
});
