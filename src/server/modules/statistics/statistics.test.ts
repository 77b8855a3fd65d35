import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../../../test/support/app.js';
import { createTestUser, signIn, type TestSession } from '../../../../test/support/auth.js';
import { testDialects } from '../../../../test/support/database.js';
import { fixture } from '../../../../test/support/ssb.js';
import { dataDir } from '../../paths.js';

const realV1 = readFileSync(
  join(dataDir, 'source/ssb/api-examples/v0/dataset1108_2015K1_jsonstat1.json'),
  'utf8',
);
const csv = readFileSync(fixture('01222_2015K1_fjellregionen_ssb-constructed.csv'), 'utf8');
const base = '/api/public/regions/fjellregionen/statistics';

describe.each(testDialects)('statistics API on %s', (dialect) => {
  let t: TestApp;
  let admin: TestSession;
  beforeAll(async () => {
    t = await createTestApp(dialect);
    admin = await signIn(t, await createTestUser(t, { role: 'admin' }));
  });
  afterAll(async () => t?.close());

  it('lets only admins and programme leaders import; others get 401/403 and nothing is written', async () => {
    const anonymous = await t.app.inject({
      method: 'POST',
      url: '/api/statistics/imports?table=01222',
      headers: { 'content-type': 'application/json' },
      payload: realV1,
    });
    expect(anonymous.statusCode).toBe(401);
    const host = await signIn(t, await createTestUser(t, { role: 'host' }));
    const denied = await host.request({
      method: 'POST',
      url: '/api/statistics/imports?table=01222',
      headers: { 'content-type': 'application/json' },
      payload: realV1,
    });
    expect(denied.statusCode).toBe(403);
    expect((await t.app.inject(`${base}/summary?quarter=2015K1`)).statusCode).toBe(404);
  });

  it('answers 400 naming what is wrong with a bad file, and imports nothing', async () => {
    const res = await admin.request({
      method: 'POST',
      url: '/api/statistics/imports?table=01222&filename=bad.csv',
      payload: { csv: csv.replace('"Fødde"', '"Levendefødte"') },
    });
    expect(res.statusCode).toBe(400);
    expect(res.json().error.message).toMatch(/unknown contents code "Levendefødte"/);
    const unknown = await admin.request({
      method: 'POST',
      url: '/api/statistics/imports?table=09588',
      headers: { 'content-type': 'application/json' },
      payload: realV1,
    });
    expect(unknown.statusCode).toBe(400);
    expect(unknown.json().error.message).toMatch(/Table 09588 is not supported/);
    const list = await admin.request({ method: 'GET', url: '/api/statistics/imports' });
    expect(list.json().imports).toEqual([]);
  });

  it('imports the real JSON-stat 1.0 file over HTTP and shows provenance', async () => {
    const res = await admin.request({
      method: 'POST',
      url: '/api/statistics/imports?table=01222&filename=dataset1108.json',
      headers: { 'content-type': 'application/json' },
      payload: realV1,
    });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({
      status: 'imported',
      cells: 4730,
      unknownRegions: ['1901', '1915'],
    });
    const list = (await admin.request({ method: 'GET', url: '/api/statistics/imports' })).json();
    expect(list.imports[0]).toMatchObject({
      source: 'file:dataset1108.json',
      ssbUpdated: '2015-06-03T23:04:40Z',
      cellCount: 4730,
    });
    expect(list.imports[0].contentHash).toBeUndefined();
  });

  it('serves the public summary in the requested language, with definitions and credit', async () => {
    const res = await t.app.inject(`${base}/summary?quarter=2015K1&lang=en`);
    expect(res.statusCode).toBe(200);
    const s = res.json();
    expect(s.text).toMatch(/^On 1 April 2015 the municipalities of Fjellregionen had 20,696/);
    expect(s.figures).toMatchObject({
      popStart: 20702,
      popEnd: 20696,
      netMigration: 2,
      movedIn: 185,
    });
    expect(s.credit).toBe('Source: Statistics Norway');
    expect(s.definitions.movedIn).toMatch(/immigration plus domestic in-migration/);
    expect(s.provenance).toMatchObject({ tableId: '01222', ssbUpdated: '2015-06-03T23:04:40Z' });
    const latest = await t.app.inject(`${base}/summary`);
    expect(latest.json().quarter).toBe('2015K1');
    expect(latest.json().text).toMatch(/^1\. april 2015/);
  });

  it('answers 404 for a quarter without data and a region that does not exist, 400 for a bad quarter', async () => {
    const q = await t.app.inject(`${base}/summary?quarter=2009K1`);
    expect(q.statusCode).toBe(404);
    expect(q.json().error.message).toBe(
      'No figures for 2009K1 in Fjellregionen: figures exist for 2015K1–2015K1.',
    );
    const region = await t.app.inject('/api/public/regions/nowhere/statistics/summary');
    expect(region.statusCode).toBe(404);
    expect(region.json().error.message).toBe('There is no region "nowhere".');
    const bad = await t.app.inject(`${base}/summary?quarter=2015Q1`);
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error.details[0].field).toBe('quarter');
  });

  it('serves the series and a CSV download that spreadsheets cannot run', async () => {
    const series = (await t.app.inject(`${base}/series`)).json();
    expect(series.regionSeries).toEqual([
      expect.objectContaining({
        period: '2015K1',
        figures: expect.objectContaining({ popEnd: 20696 }),
      }),
    ]);
    expect(series.municipalities).toHaveLength(7);
    // The 2015 file has municipalities only: no county or country to compare with.
    expect(series.comparisons).toEqual([]);
    // A calendar year needs all four quarters: 2015 is incomplete, so it is not shown.
    expect((await t.app.inject(`${base}/series?granularity=year`)).json().regionSeries).toEqual([]);
    const res = await t.app.inject(`${base}/series.csv?lang=nb`);
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toBe('text/csv; charset=utf-8');
    const lines = res.body
      .replace(/^\uFEFF/, '')
      .trim()
      .split('\r\n');
    expect(lines[0]).toMatch(/^period;area_code;area;Folketall ved inngangen;Fødte/);
    expect(lines[1]).toBe('2015K1;;Fjellregionen;20702;47;55;-8;36;10;149;173;2;-6;20696;185');
    expect(lines.at(-1)).toBe('Kilde: Statistisk sentralbyrå');
    const xlsx = await t.app.inject(`${base}/series.xlsx?lang=en`);
    expect(xlsx.statusCode).toBe(200);
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(xlsx.rawPayload as unknown as ArrayBuffer);
    const sheet = book.getWorksheet('01222')!;
    expect(sheet.getRow(1).getCell(4).value).toBe('Population at the start');
    expect(sheet.getRow(2).getCell(4).value).toBe(20702);
    expect(book.getWorksheet('info')!.getRow(1).getCell(2).value).toMatch(/immigration plus/);
  });

  it('draws net migration per municipality as an accessible SVG map with credits', async () => {
    const res = await t.app.inject(`${base}/map.svg?quarter=2015K1&lang=nb`);
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toBe('image/svg+xml; charset=utf-8');
    const svg = res.body;
    expect(svg).toContain('role="img"');
    expect(svg).toContain(
      '<title id="map-title">Nettoinnflytting per kommune, 1. kvartal 2015</title>',
    );
    expect(svg.match(/<path /g)).toHaveLength(7);
    expect(svg).toContain('Rendalen: +12');
    expect(svg).toContain('Tynset: \u22129');
    expect(svg).toContain('Kilde: Statistisk sentralbyrå. Kart: © Kartverket.');
    // Rings rewound for d3-geo: no municipality fills the whole frame.
    const boxes = [...svg.matchAll(/<path d="M([\d.]+),([\d.]+)/g)].map((m) => Number(m[1]));
    expect(boxes.every((x) => x > 0 && x < 640)).toBe(true);
  });

  it('draws the series as accessible SVG charts, leaving missing figures out', async () => {
    const res = await t.app.inject(`${base}/chart.svg?kind=components&lang=en`);
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toBe('image/svg+xml; charset=utf-8');
    expect(res.body).toContain(
      '<title id="chart-title">Natural increase and net migration in Fjellregionen</title>',
    );
    expect(res.body).toContain('<title>Q1 2015, Net migration: 2</title>');
    expect(res.body).toContain('<title>Q1 2015, Natural increase: -8</title>');
    const population = await t.app.inject(`${base}/chart.svg?kind=population&lang=nb`);
    expect(population.body).toContain('1. kvartal 2015, Folketall ved utgangen: 20\u00a0696');
    expect((await t.app.inject(`${base}/chart.svg?kind=pie`)).statusCode).toBe(400);
  });
});
