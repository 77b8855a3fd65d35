import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../../../test/support/app.js';
import { testDialects } from '../../../../test/support/database.js';
import { fixture } from '../../../../test/support/ssb.js';
import { AgeStatisticsSchema } from '../../../contracts/statistics.js';
import { parseAge, sumAges } from './statistics.age.js';
import { getAgeStatistics } from './statistics.age.service.js';
import { seedSnapshotIfEmpty } from './statistics.demo.js';
import { importTable, listImports } from './statistics.import.js';
import { parseStatFile } from './statistics.parse.js';

/* Constructed in 07459's documented shape, numbers invented (see the file's "note"). */
const FILE = '07459_2019-2020_fjellregionen_jsonstat2-constructed.json';
const text = readFileSync(fixture(FILE), 'utf8');
const CELLS = 14 * 2 * 106 * 2;

/** The same cells as SSB's long CSV, with labels for sex and age as SSB writes them. */
function asCsv(): string {
  const parsed = parseStatFile(text, '07459');
  const lines = ['"region";"kjønn";"alder";"statistikkvariabel";"år";"07459: Befolkning"'];
  for (const c of parsed.cells) {
    const dims = Object.fromEntries((c.dims ?? '').split(';').map((p) => p.split('=')));
    const sex = dims.Kjonn === '1' ? 'Menn' : 'Kvinner';
    const age = dims.Alder === '105+' ? '105 år eller eldre' : `${Number(dims.Alder)} år`;
    const value = c.value ?? c.status;
    lines.push(`"${c.region} X";"${sex}";"${age}";"Personer";"${c.period}";${value}`);
  }
  return lines.join('\n');
}

describe('age codes', () => {
  it('reads single years, open ends and five-year groups, and refuses straddling groups', () => {
    expect(parseAge('020')).toEqual({ from: 20, to: 20 });
    expect(parseAge('105+')).toEqual({ from: 105, to: null });
    expect(parseAge('F020-024')).toEqual({ from: 20, to: 24 });
    const five = new Map([
      ['060-064', { value: 10, status: null }],
      ['065-069', { value: 10, status: null }],
    ]);
    expect(sumAges(five, 60, 64)).toEqual({ value: 10, status: null });
    expect(sumAges(five, 40, 66)).toEqual({ value: null, status: '..' });
  });
});

describe.each(testDialects)('statistics by age (07459) on %s', (dialect) => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp(dialect);
  });
  afterAll(async () => t?.close());

  const count = async () =>
    Number(
      (
        await t.deps.db
          .selectFrom('statDimObservations')
          .select((eb) => eb.fn.countAll<number>().as('n'))
          .executeTakeFirstOrThrow()
      ).n,
    );

  it('imports the file with its sex and age dimensions, in one import', async () => {
    const parsed = parseStatFile(text, '07459');
    expect(parsed.format).toBe('json-stat2');
    expect(parsed.cells).toHaveLength(CELLS);
    expect(parsed.cells[0]).toMatchObject({ region: '0432', dims: 'Kjonn=1;Alder=000' });
    const r = await importTable(t.deps.db, t.clock, parsed, { kind: 'file', name: FILE });
    expect(r).toMatchObject({ status: 'imported', cells: CELLS, changed: CELLS });
    expect(r).toMatchObject({ firstPeriod: '2019', lastPeriod: '2020', unknownRegions: [] });
    expect(await count()).toBe(CELLS);
    const stored = await t.deps.db
      .selectFrom('statDimObservations')
      .select(['value', 'status'])
      .where('regionCode', '=', '3429')
      .where('period', '=', '2020')
      .where('dims', '=', 'Kjonn=2;Alder=105+')
      .executeTakeFirstOrThrow();
    expect(stored).toEqual({ value: null, status: ':' });
  });

  it('changes nothing on re-import, nor from SSB CSV or JSON-stat 1.0 of the same cells', async () => {
    const before = await listImports(t.deps.db, '07459');
    const again = await importTable(t.deps.db, t.clock, parseStatFile(text, '07459'), {
      kind: 'file',
      name: 'copy.json',
    });
    expect(again).toMatchObject({ status: 'unchanged', changed: 0, importId: before[0]!.id });
    expect(await listImports(t.deps.db, '07459')).toEqual(before);
    const csv = parseStatFile(asCsv(), '07459');
    expect(csv.format).toBe('csv');
    const fromCsv = await importTable(t.deps.db, t.clock, csv, { kind: 'file', name: 'x.csv' });
    expect(fromCsv).toMatchObject({ cells: CELLS, changed: 0 });
    const { version: _v, class: _c, ...v1 } = JSON.parse(text) as Record<string, unknown>;
    const one = parseStatFile(JSON.stringify({ dataset: v1 }), '07459');
    expect(one.format).toBe('json-stat1');
    expect((await importTable(t.deps.db, t.clock, one, { kind: 'file', name: 'v1' })).changed).toBe(
      0,
    );
    expect(await count()).toBe(CELLS);
  });

  it('refuses a 07459 file without its age dimension', () => {
    const ds = JSON.parse(text) as { id: string[] };
    ds.id = ds.id.map((d) => (d === 'Alder' ? 'Age' : d));
    expect(() => parseStatFile(JSON.stringify(ds), '07459')).toThrow();
  });

  it("maps 2019's old numbers onto today's municipalities and sums age groups", async () => {
    const s = await getAgeStatistics(t.deps.db, 'fjellregionen', 'nb');
    expect(s.regionYears.map((y) => y.year)).toEqual(['2019', '2020']);
    const tynset = s.municipalities.find((m) => m.code === '3427')!;
    // 2019 under 0437 (10 a cell), 2020 under 3427 (11 a cell at 20–39).
    expect(tynset.years[0]!.population).toEqual({
      '0-19': 400,
      '20-39': 400,
      '40-66': 540,
      '67+': 780,
    });
    expect(tynset.years[1]!.population['20-39']).toBe(440);
    expect(tynset.years[0]!.cohortChange['20-39']).toBeNull();
    expect(tynset.years[0]!.cohortChangeSymbols['20-39']).toBe('none');
    // 20–39 in 2020 against 19–38 in 2019; 67+ against 66+ (the constructed data has no cohort
    // flows, so the oldest group loses the 66-year-olds of 2019 that nobody replaces).
    expect(tynset.years[1]!.cohortChange).toEqual({
      '0-19': 0,
      '20-39': 40,
      '40-66': 0,
      '67+': -20,
    });
    const roros = s.municipalities.find((m) => m.code === '5025')!;
    expect(roros.years[0]!.population['20-39']).toBe(360);
    const region2019 = s.regionYears[0]!;
    expect(region2019.population['20-39']).toBe(20 * 2 * 33);
    expect(s.regionYears[1]!.cohortChange['20-39']).toBe(20 * 2 * 40 - 20 * 2 * 33);
    // A confidential cell makes Folldal's and the region's 67+ unknown, never a smaller number.
    const folldal = s.municipalities.find((m) => m.code === '3429')!;
    expect(folldal.years[1]!.population['67+']).toBeNull();
    expect(folldal.years[1]!.populationSymbols['67+']).toBe(':');
    expect(s.regionYears[1]!.populationSymbols['67+']).toBe(':');
    expect(s.definitions.cohortChange).toContain('ikke det samme som nettoinnflytting');
  });

  it('serves the age figures publicly under the contract', async () => {
    const res = await t.app.inject('/api/public/regions/fjellregionen/statistics/age?lang=en');
    expect(res.statusCode).toBe(200);
    const body = AgeStatisticsSchema.parse(res.json());
    expect(body).toMatchObject({ table: '07459', youngerAdults: '20-39' });
    expect(body.provenance).toMatchObject({ tableId: '07459' });
    expect(body.definitions.cohortChange).toContain('not the same as net migration');
    const missing = await t.app.inject('/api/public/regions/nowhere/statistics/age');
    expect(missing.statusCode).toBe(404);
  });

  it('shows a captioned age table with definitions and credit on /statistikk', async () => {
    await seedSnapshotIfEmpty(t.deps.db, t.clock);
    t.clock.advanceMinutes(1);
    const get = (url: string) =>
      t.app.inject({ method: 'GET', url, headers: { accept: 'text/html' } });
    const nb = await get('/statistikk');
    expect(nb.statusCode).toBe(200);
    expect(nb.body).toContain('Folketall etter alder');
    expect(nb.body).toContain(
      'Folketall 1. januar etter aldersgruppe, og endring i kullet fra året før, i Fjellregionen',
    );
    expect(nb.body).toContain('Yngre voksne (20–39 år) per kommune, 1. januar 2020');
    expect(nb.body).toContain('Endring i kullet er hvor mange flere');
    expect(nb.body).toContain('tabell 07459');
    expect(nb.body).toMatch(/<th scope="row">2020<\/th>/);
    expect(nb.body).toContain('+280');
    const en = await get('/en/statistikk');
    expect(en.body).toContain('Change in the cohort');
    expect(en.body).toContain('Source: Statistics Norway, table 07459');
    expect((await get('/nn/statistikk')).body).toContain('Folketal etter alder');
  });
});
