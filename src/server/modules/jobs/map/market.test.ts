import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../../../../test/support/app.js';
import { testDialects } from '../../../../../test/support/database.js';
import { insertJobAds } from '../../../../../test/support/jobs.js';
import { runHousekeeping } from '../../../jobs/housekeeping.js';
import { snapshotDailyCounts } from './market.service.js';

const html = { accept: 'text/html,application/xhtml+xml' };
const api = '/api/public/regions/fjellregionen/jobs';

describe.each(testDialects)('labour-market map on %s', (dialect) => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp(dialect);
    await insertJobAds(t.deps.db, t.demoRegionId, [
      { title: 'Sykepleier', municipalityCode: '3427', styrkCode: '2223', sector: 'public' },
      { title: 'Lege', municipalityCode: '3427', styrkCode: '2211', sector: 'public' },
      { title: 'Sjåfør', municipalityCode: '5025', styrkCode: '8332', sector: 'private' },
      {
        title: 'Miljøarbeider',
        municipalityCode: '5025',
        styrkCode: null,
        sector: 'Ideell organisasjon',
      },
      { title: 'Utløpt', municipalityCode: '3430', expiresAt: '2026-11-01T00:00:00.000Z' },
    ]);
  });
  afterAll(async () => t?.close());

  const counts = () =>
    t.deps.db
      .selectFrom('jobDailyCounts')
      .select(['date', 'municipalityCode', 'styrkMajorGroup', 'sector', 'count'])
      .where('regionId', '=', t.demoRegionId)
      .orderBy(['date', 'municipalityCode', 'styrkMajorGroup', 'sector'])
      .execute();

  it('keeps daily counts: the same day recomputed, earlier days left as they were', async () => {
    await snapshotDailyCounts(t.deps.db, t.clock, t.demoRegionId);
    const first = await counts();
    expect(first).toEqual([
      {
        date: '2026-11-27',
        municipalityCode: '3427',
        styrkMajorGroup: '2',
        sector: 'public',
        count: 2,
      },
      {
        date: '2026-11-27',
        municipalityCode: '5025',
        styrkMajorGroup: '-',
        sector: 'other',
        count: 1,
      },
      {
        date: '2026-11-27',
        municipalityCode: '5025',
        styrkMajorGroup: '8',
        sector: 'private',
        count: 1,
      },
    ]);
    await snapshotDailyCounts(t.deps.db, t.clock, t.demoRegionId);
    await runHousekeeping(t.deps); // housekeeping takes the same snapshot, for every region
    expect(await counts()).toEqual(first);

    t.clock.set('2026-11-28T09:00:00.000Z');
    await insertJobAds(t.deps.db, t.demoRegionId, [
      { title: 'Snekker', municipalityCode: '3428', styrkCode: '7115', sector: 'private' },
    ]);
    await snapshotDailyCounts(t.deps.db, t.clock);
    const both = await counts();
    expect(both.filter((r) => r.date === '2026-11-27')).toEqual(first);
    expect(both.filter((r) => r.date === '2026-11-28').reduce((n, r) => n + r.count, 0)).toBe(5);
  });

  it('gives the figures by occupation group, sector, municipality and day', async () => {
    const res = await t.app.inject({ method: 'GET', url: `${api}/market?lang=en` });
    expect(res.statusCode).toBe(200);
    const m = res.json();
    expect(m.total).toBe(5);
    expect(m.byOccupation.find((o: { code: string }) => o.code === '2')).toEqual({
      code: '2',
      name: 'Professionals',
      count: 2,
    });
    expect(m.byOccupation.find((o: { code: string }) => o.code === '-').count).toBe(1);
    expect(m.bySector).toEqual([
      { code: 'public', name: 'Public', count: 2 },
      { code: 'private', name: 'Private', count: 2 },
      { code: 'other', name: 'Other / unknown', count: 1 },
    ]);
    expect(m.byMunicipality).toHaveLength(7);
    expect(m.byMunicipality.find((x: { code: string }) => x.code === '3430').count).toBe(0);
    expect(m.daily).toEqual([
      { date: '2026-11-27', total: 4, public: 2, private: 1, other: 1 },
      { date: '2026-11-28', total: 5, public: 2, private: 2, other: 1 },
    ]);
  });

  it('exports CSV and XLSX with the counts as numbers and no formula anywhere', async () => {
    const csv = await t.app.inject({ method: 'GET', url: `${api}/market.csv?lang=nb` });
    expect(csv.statusCode).toBe(200);
    expect(csv.headers['content-type']).toBe('text/csv; charset=utf-8');
    expect(csv.headers['content-disposition']).toBe(
      'attachment; filename="fjellregionen-jobs-2026-11-28.csv"',
    );
    const lines = csv.body.replace(/^\uFEFF/, '').split('\r\n');
    expect(lines[0]).toBe('dimension;code;name;count');
    expect(lines).toContain('total;;Fjellregionen;5');
    expect(lines).toContain('occupation_group;2;Akademiske yrker;2');
    expect(lines).toContain('sector;other;Annet / ukjent;1');
    expect(lines).toContain('municipality;5025;Røros;2');
    expect(lines).toContain('date;total;public;private;other');
    expect(lines).toContain('2026-11-27;4;2;1;1');

    const xlsx = await t.app.inject({ method: 'GET', url: `${api}/market.xlsx?lang=en` });
    expect(xlsx.statusCode).toBe(200);
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(xlsx.rawPayload as unknown as ArrayBuffer);
    const sheet = book.getWorksheet('vacancies')!;
    expect(sheet.getRow(1).values).toEqual([undefined, 'dimension', 'code', 'name', 'count']);
    expect(sheet.getRow(2).values).toEqual([undefined, 'total', '', 'Fjellregionen', 5]);
    const daily = book.getWorksheet('daily')!;
    expect(daily.getRow(3).values).toEqual([undefined, '2026-11-28', 5, 2, 2, 1]);
    for (const ws of book.worksheets) {
      ws.eachRow((row) =>
        row.eachCell((cell) => expect(cell.formula, String(cell.value)).toBeUndefined()),
      );
    }
  });

  it('draws the charts and the map as labelled SVG, and refuses an unknown kind by name', async () => {
    for (const kind of ['occupation', 'sector', 'municipality', 'trend']) {
      const res = await t.app.inject({
        method: 'GET',
        url: `${api}/chart.svg?kind=${kind}&lang=nn`,
      });
      expect(res.statusCode, kind).toBe(200);
      expect(res.headers['content-type']).toBe('image/svg+xml; charset=utf-8');
      expect(res.body).toMatch(/^<svg [^>]*role="img" aria-labelledby="/);
      expect(res.body).toContain('<title id=');
    }
    const map = await t.app.inject({ method: 'GET', url: `${api}/chart.svg?kind=municipality` });
    expect(map.body).toContain('Røros: 2');
    expect(map.body).toContain('© Kartverket');
    const bad = await t.app.inject({ method: 'GET', url: `${api}/chart.svg?kind=pie&days=3` });
    expect(bad.statusCode).toBe(400);
    expect(
      bad
        .json()
        .error.details.map((d: { field: string }) => d.field)
        .sort(),
    ).toEqual(['days', 'kind']);
  });

  it('shows the public labour-market page with a table for every chart, in each language', async () => {
    const res = await t.app.inject({ method: 'GET', url: '/nn/arbeidsmarked', headers: html });
    expect(res.statusCode).toBe(200);
    expect(res.body).toContain('<html lang="nn"');
    expect(res.body).toContain('Arbeidsmarknaden i Fjellregionen');
    expect(res.body).toContain('Ledige stillingar no: 5');
    for (const kind of ['occupation', 'sector', 'municipality', 'trend']) {
      expect(res.body).toContain(`chart.svg?kind=${kind}&amp;lang=nn`);
      expect(res.body).toContain(`id="market-table-${kind}"`);
    }
    expect(res.body).toContain('market.csv?lang=nn');
    expect(res.body).not.toMatch(/<script/i);
    expect(res.body).not.toMatch(/\sstyle=/i);
  });
});
