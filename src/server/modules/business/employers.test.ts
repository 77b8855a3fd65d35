import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../../../test/support/app.js';
import { createTestUser, signIn, type TestSession } from '../../../../test/support/auth.js';
import { testDialects } from '../../../../test/support/database.js';
import { jobAdRow } from '../../../../test/support/jobs.js';
import type { EmployerList, ImportResult } from '../../../contracts/business.js';
import { upsertAds } from '../jobs/jobs.repo.js';
import { importEmployers } from './brreg.import.js';
import { isValidOrgNumber } from './brreg.rows.js';

const FIXTURES = join(import.meta.dirname, '../../../../test/fixtures/brreg');
const fixture = (name: string) => readFileSync(join(FIXTURES, name), 'utf8');

/** A file as the office sends it: multipart/form-data with one field "file". */
function multipart(name: string, content: string) {
  const boundary = '----flytthit-test-boundary';
  const body = [
    `--${boundary}`,
    `Content-Disposition: form-data; name="file"; filename="${name}"`,
    'Content-Type: application/octet-stream',
    '',
    content,
    `--${boundary}--`,
    '',
  ].join('\r\n');
  return {
    payload: body,
    headers: { 'content-type': `multipart/form-data; boundary=${boundary}` },
  };
}

describe('org.nr check digits', () => {
  it('accepts valid numbers and refuses a wrong check digit', () => {
    expect(isValidOrgNumber('921457103')).toBe(true);
    expect(isValidOrgNumber('921457902')).toBe(false);
    expect(isValidOrgNumber('12345678')).toBe(false);
  });
});

describe.each(testDialects)('the employer register on %s', (dialect) => {
  let t: TestApp;
  let leader: TestSession;
  let host: TestSession;
  let otherHost: TestSession;

  beforeAll(async () => {
    t = await createTestApp(dialect);
    leader = await signIn(t, await createTestUser(t, { role: 'programme_leader' }));
    host = await signIn(t, await createTestUser(t, { role: 'host', municipalityCodes: ['3427'] }));
    otherHost = await signIn(
      t,
      await createTestUser(t, { role: 'host', municipalityCodes: ['3428'] }),
    );
  });
  afterAll(async () => t?.close());

  const upload = (name: string, content = fixture(name)) =>
    leader.request({ method: 'POST', url: '/api/employers/imports', ...multipart(name, content) });
  const employerCount = async () =>
    (await t.deps.db.selectFrom('employers').select('id').execute()).length;
  const list = async (session: TestSession, query = '') => {
    const res = await session.request({ url: `/api/employers${query}` });
    expect(res.statusCode).toBe(200);
    return res.json() as EmployerList;
  };
  const byName = (l: EmployerList, name: string) => l.employers.find((e) => e.name === name)!;

  it("refuses a file that is not Enhetsregisteret's, clearly, and writes nothing", async () => {
    for (const name of ['ikke-brreg.csv', 'ikke-brreg.json']) {
      const res = await upload(name);
      expect(res.statusCode).toBe(400);
      expect(res.json().error.message).toMatch(/^Not an Enhetsregisteret file/);
      expect(res.json().error.details[0].field).toBe('file');
    }
    const cut = await upload('cut.json', fixture('enheter.json').slice(0, 900));
    expect(cut.statusCode).toBe(400);
    expect(cut.json().error.message).toContain('cut off');
    expect(await employerCount()).toBe(0);
  });

  it("imports the region's good JSON rows, reports bad rows with numbers, and again changes nothing", async () => {
    const res = await upload('enheter.json');
    expect(res.statusCode).toBe(200);
    const result = res.json() as ImportResult;
    expect(result).toMatchObject({
      format: 'json',
      rowsRead: 12,
      rowsInRegion: 10,
      added: 7,
      updated: 0,
      badRowCount: 3,
    });
    expect(result.badRows.map((b) => b.row)).toEqual([10, 11, 12]);
    expect(result.badRows[0]!.reasons[0]).toContain('check digit');
    expect(result.badRows[1]!.reasons).toEqual(['navn: missing']);
    expect(result.badRows[2]!.reasons).toEqual([
      'naeringskode1.kode: not a NACE code',
      'antallAnsatte: not a whole number',
    ]);
    // The old number 0437 is Tynset today; Oslo and Bergen are not in the region.
    const all = await list(leader);
    expect(all.total).toBe(7);
    expect(byName(all, 'TYNSET GAMLE KOMMUNENUMMER AS').municipalityCode).toBe('3427');
    expect(all.employers.some((e) => e.name.startsWith('HOVEDSTADEN'))).toBe(false);
    expect(byName(all, 'FJELLBAKST AS')).toMatchObject({ naceSection: 'C', employees: 12 });

    const again = (await upload('enheter.json')).json() as ImportResult;
    expect(again).toMatchObject({ importId: null, added: 0, updated: 0, unchanged: 7 });
    const updated = (await upload('enheter-oppdatert.json')).json() as ImportResult;
    expect(updated).toMatchObject({ added: 0, updated: 2, unchanged: 5 });
    expect(byName(await list(leader), 'FJELLBAKST AS').employees).toBe(15);
    const imports = (await leader.request({ url: '/api/employers/imports' })).json();
    expect(imports.imports).toHaveLength(2);
  });

  it('imports CSV with commas or semicolons, naming each bad row', async () => {
    const res = await upload('enheter.csv');
    expect(res.statusCode).toBe(200);
    const result = res.json() as ImportResult;
    expect(result).toMatchObject({ format: 'csv', rowsRead: 11, rowsInRegion: 10, badRowCount: 3 });
    expect(result.badRows.map((b) => [b.row, b.reasons])).toEqual([
      [9, ['organisasjonsnummer: not a valid number (check digit)']],
      [10, ['slettedato: not a date', 'konkurs: not true or false']],
      [11, ['Has 3 fields, the header 17']],
    ]);
    // The same units as the JSON file: nothing new, the older figures come back as updates.
    expect(result.added).toBe(0);
    expect(result.updated + result.unchanged).toBe(7);
    const semi = (await upload('enheter-semikolon.csv')).json() as ImportResult;
    expect(semi).toMatchObject({ format: 'csv', rowsRead: 3, added: 0, badRowCount: 0 });
  });

  it('imports in one transaction from the CLI path too (service), idempotently', async () => {
    const region = t.demoRegionId;
    const who = { userId: null, label: 'cli', ip: null };
    const result = await importEmployers(t.deps.db, t.clock, who, fixture('enheter.csv'), {
      regionId: region,
      fileName: 'enheter.csv',
    });
    expect(result.added + result.updated).toBe(0);
  });

  it('filters by municipality, industry, size and NAV ads in the last 12 months', async () => {
    const all = await list(leader);
    const bakery = byName(all, 'FJELLBAKST AS');
    const joinery = byName(all, 'TOLGA TREVARE AS');
    await upsertAds(t.deps.db, [
      jobAdRow(t.demoRegionId, { title: 'Baker', employerOrgNumber: bakery.orgNumber }),
      jobAdRow(t.demoRegionId, { title: 'Baker 2', employerOrgNumber: bakery.orgNumber }),
      // More than 12 months ago: does not count.
      jobAdRow(t.demoRegionId, {
        title: 'Snekker',
        employerOrgNumber: joinery.orgNumber,
        publishedAt: '2025-06-01T08:00:00.000Z',
      }),
    ]);
    const posted = await list(leader, '?postedOnNav=yes');
    expect(posted.employers.map((e) => [e.name, e.navAds12Months])).toEqual([['FJELLBAKST AS', 2]]);
    const notPosted = await list(leader, '?postedOnNav=no');
    expect(notPosted.total).toBe(6);
    expect(notPosted.postedOnNav).toBe(0);
    expect((await list(leader, '?municipality=3426')).employers.map((e) => e.name)).toEqual([
      joinery.name,
    ]);
    expect((await list(leader, '?section=Q')).employers.map((e) => e.name)).toEqual([
      'OS HELSE OG OMSORG SA',
    ]);
    expect((await list(leader, '?size=100%2B')).total).toBe(1);
    expect((await list(leader, '?size=0')).employers.map((e) => e.name)).toEqual([
      'ALVDAL ELEKTRO AS',
    ]);
    const bad = await leader.request({
      url: '/api/employers?size=huge&section=Z&postedOnNav=maybe',
    });
    expect(bad.statusCode).toBe(400);
    expect(
      bad
        .json()
        .error.details.map((d: { field: string }) => d.field)
        .sort(),
    ).toEqual(['postedOnNav', 'section', 'size']);
  });

  it("shows hosts only their municipalities; another municipality's employer is 404", async () => {
    const mine = await list(host);
    expect(new Set(mine.employers.map((e) => e.municipalityCode))).toEqual(new Set(['3427']));
    const tolga = byName(await list(leader), 'TOLGA TREVARE AS');
    expect((await host.request({ url: `/api/employers/${tolga.id}` })).statusCode).toBe(404);
    const patch = await otherHost.request({
      method: 'PATCH',
      url: `/api/employers/${tolga.id}/outreach`,
      payload: { status: 'contacted' },
    });
    expect(patch.statusCode).toBe(404);
    expect(
      (
        await host.request({
          method: 'POST',
          url: '/api/employers/imports',
          ...multipart('x.json', '[]'),
        })
      ).statusCode,
    ).toBe(403);
  });

  it('runs the outreach campaign with contact, counts per status, and undo of the last change', async () => {
    const bakery = byName(await list(host), 'FJELLBAKST AS');
    const change = (payload: object) =>
      host.request({ method: 'PATCH', url: `/api/employers/${bakery.id}/outreach`, payload });
    const contacted = await change({
      status: 'contacted',
      contactName: 'Kari Bakar',
      contactEmail: 'kari@fjellbakst.example',
      contactPhone: '912 34 567',
      notes: 'Ring igjen i januar',
    });
    expect(contacted.statusCode).toBe(200);
    expect(contacted.json()).toMatchObject({
      outreachStatus: 'contacted',
      contactPhone: '+4791234567',
      canUndo: true,
    });
    expect((await change({ status: 'agreed' })).json().outreachStatus).toBe('agreed');
    const counts = (await list(host)).statusCounts;
    expect(counts.agreed).toBe(1);

    const undo = () =>
      host.request({ method: 'POST', url: `/api/employers/${bakery.id}/outreach/undo` });
    expect((await undo()).json().outreachStatus).toBe('contacted');
    expect((await undo()).json()).toMatchObject({
      outreachStatus: 'not_contacted',
      canUndo: false,
    });
    expect((await undo()).statusCode).toBe(409);
    // The contact stays through status changes; bad input names every field.
    const bad = await change({ status: 'maybe', contactEmail: 'nope', contactPhone: '12' });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error.details.map((d: { field: string }) => d.field)).toEqual(
      expect.arrayContaining(['status', 'contactEmail']),
    );
    const history = await t.deps.db
      .selectFrom('auditLog')
      .select('action')
      .where('targetId', '=', bakery.id)
      .execute();
    expect(history.map((h) => h.action)).toEqual(
      expect.arrayContaining(['business.outreach_changed', 'business.outreach_undone']),
    );
    await change({ status: 'contacted' });
  });

  it('exports CSV and XLSX with formulas neutralised, and audits the export', async () => {
    const bakery = byName(await list(leader), 'FJELLBAKST AS');
    await leader.request({
      method: 'PATCH',
      url: `/api/employers/${bakery.id}/outreach`,
      payload: { notes: '=HYPERLINK("http://evil.example")' },
    });
    const csv = await host.request({ url: '/api/employers.csv?municipality=3427' });
    expect(csv.statusCode).toBe(200);
    expect(csv.headers['content-type']).toContain('text/csv');
    expect(csv.body.split('\r\n')[0]).toBe(
      '\uFEFForg_number;name;municipality_code;municipality;nace_code;nace_section;nace_description;employees;nav_ads_12_months;outreach_status;contact_name;contact_email;contact_phone;notes',
    );
    expect(csv.body).toContain(`${bakery.orgNumber};FJELLBAKST AS;3427;Tynset`);
    expect(csv.body).toContain(`"'=HYPERLINK(""http://evil.example"")"`);
    expect(csv.body).not.toContain('TOLGA');
    const xlsx = await leader.request({ url: '/api/employers.xlsx' });
    expect(xlsx.statusCode).toBe(200);
    const { default: ExcelJS } = await import('exceljs');
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(xlsx.rawPayload as unknown as ArrayBuffer);
    const cells = book.getWorksheet('employers')!.getSheetValues().flat().map(String);
    expect(cells).toContain('\'=HYPERLINK("http://evil.example")');
    const audits = await t.deps.db
      .selectFrom('auditLog')
      .select('action')
      .where('action', '=', 'business.employers_exported')
      .execute();
    expect(audits).toHaveLength(2);
  });

  it('schedules the employer survey once per contacted employer with an email', async () => {
    const send = () =>
      leader.request({
        method: 'POST',
        url: '/api/employers/survey-invitations',
        payload: { year: 2026 },
      });
    const first = await send();
    expect(first.statusCode).toBe(200);
    expect(first.json()).toEqual({ wave: '2026', scheduled: 1, alreadySent: 0, withoutEmail: 0 });
    expect((await send()).json()).toMatchObject({ scheduled: 0, alreadySent: 1 });
    const invitations = await t.deps.db
      .selectFrom('surveyInvitations')
      .select(['surveyKey', 'wave', 'email'])
      .execute();
    expect(invitations).toEqual([
      { surveyKey: 'employer', wave: '2026', email: 'kari@fjellbakst.example' },
    ]);
    const indicator = await host.request({ url: '/api/employers/labour-access?year=2026' });
    expect(indicator.json()).toEqual({ year: 2026, share: null, answers: 0 });
    expect(
      (
        await host.request({
          method: 'POST',
          url: '/api/employers/survey-invitations',
          payload: {},
        })
      ).statusCode,
    ).toBe(403);
  });

  it('keeps each employer once when two imports run at the same time', async () => {
    const before = await employerCount();
    const results = await Promise.allSettled([upload('enheter.json'), upload('enheter.json')]);
    expect(results.every((r) => r.status === 'fulfilled')).toBe(true);
    expect(await employerCount()).toBe(before);
  });
});
