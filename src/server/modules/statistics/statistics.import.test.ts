import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../../../test/support/app.js';
import { testDialects } from '../../../../test/support/database.js';
import { fixture, referenceRows } from '../../../../test/support/ssb.js';
import { dataDir } from '../../paths.js';
import { importTable, listImports } from './statistics.import.js';
import { parseStatFile } from './statistics.parse.js';
import { getSeries } from './statistics.series.js';
import { getQuarterSummary } from './statistics.service.js';

const realV1 = join(dataDir, 'source/ssb/api-examples/v0/dataset1108_2015K1_jsonstat1.json');
const read = (path: string) => readFileSync(path, 'utf8');

describe.each(testDialects)('statistics import on %s', (dialect) => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp(dialect);
  });
  afterAll(async () => t?.close());

  const count = async () =>
    Number(
      (
        await t.deps.db
          .selectFrom('statObservations')
          .select((eb) => eb.fn.countAll<number>().as('n'))
          .executeTakeFirstOrThrow()
      ).n,
    );

  it('imports the real JSON-stat 1.0 dataset of 2015K1 and keeps the status symbols', async () => {
    const parsed = parseStatFile(read(realV1), '01222');
    expect(parsed.format).toBe('json-stat1');
    expect(parsed.updated).toBe('2015-06-03T23:04:40Z');
    expect(parsed.cells).toHaveLength(430 * 11);
    const result = await importTable(t.deps.db, t.clock, parsed, {
      kind: 'file',
      name: 'dataset1108_2015K1_jsonstat1.json',
    });
    expect(result).toMatchObject({ status: 'imported', cells: 4730, changed: 4730 });
    expect(await count()).toBe(4730);
    // Harstad and Bjarkøy (-2012) have "." for the end population: a symbol, not a zero.
    const dots = await t.deps.db
      .selectFrom('statObservations')
      .select(['regionCode', 'contentsCode', 'value', 'status'])
      .where('status', 'is not', null)
      .orderBy('regionCode')
      .execute();
    expect(dots).toEqual([
      { regionCode: '1901', contentsCode: 'Folketallet11', value: null, status: '.' },
      { regionCode: '1915', contentsCode: 'Folketallet11', value: null, status: '.' },
    ]);
    const [provenance] = await listImports(t.deps.db, '01222');
    expect(provenance).toMatchObject({
      tableId: '01222',
      format: 'json-stat1',
      source: 'file:dataset1108_2015K1_jsonstat1.json',
      ssbUpdated: '2015-06-03T23:04:40Z',
      cellCount: 4730,
      changedCount: 4730,
    });
  });

  it('changes nothing when the same data is imported again', async () => {
    const before = await listImports(t.deps.db, '01222');
    const again = await importTable(t.deps.db, t.clock, parseStatFile(read(realV1), '01222'), {
      kind: 'file',
      name: 'copy.json',
    });
    expect(again).toMatchObject({ status: 'unchanged', changed: 0, importId: before[0]!.id });
    expect(await listImports(t.deps.db, '01222')).toEqual(before);
    expect(await count()).toBe(4730);
  });

  it("lands 2015 figures under old numbers on today's municipalities (real 2015K1 values)", async () => {
    const s = await getQuarterSummary(t.deps.db, 'fjellregionen', '2015K1', 'nb');
    const v = (name: keyof typeof s.figures) => s.figures[name].value;
    expect(v('popStart')).toBe(20702);
    expect(v('popEnd')).toBe(20696);
    expect(v('netMigration')).toBe(2);
    expect(v('movedIn')).toBe(185);
    expect(v('growth')).toBe(-6);
    expect(v('births')).toBe(47);
    expect(v('deaths')).toBe(55);
    for (const ref of referenceRows('2015K1').filter((r) => r.code2024 !== '')) {
      const m = s.municipalities.find((x) => x.code === ref.code2024)!;
      expect(m.figures.popStart.value, ref.name).toBe(ref.values.Folketallet1);
      expect(m.figures.netMigration.value, ref.name).toBe(ref.values.Nettoinnflytting9);
      expect(m.figures.growth.value, ref.name).toBe(ref.values.Folketilvekst10);
      expect(m.figures.popEnd.value, ref.name).toBe(ref.values.Folketallet11);
    }
    expect(s.largestNetInMigration).toEqual([{ code: '3424', name: 'Rendalen', netMigration: 12 }]);
    expect(s.municipalities.find((m) => m.code === '3427')!.history).toEqual([
      { code: '0437', name: 'Tynset', changedOn: '2020-01-01', kind: 'renumbered' },
    ]);
    expect(s.text).toBe(
      '1. april 2015 hadde kommunene i Fjellregionen 20\u00a0696 innbyggere, 6 færre enn ved nyttår. ' +
        'I alt 185 personer flyttet til regionen i 1. kvartal 2015, en nettoinnflytting på 2. ' +
        'Rendalen hadde størst nettoinnflytting (+12).',
    );
  });

  it('reads the same figures from JSON-stat 2.0 and SSB CSV, so nothing changes', async () => {
    for (const name of [
      '01222_2015K1_fjellregionen_jsonstat2-constructed.json',
      '01222_2015K1_fjellregionen_ssb-constructed.csv',
    ]) {
      const parsed = parseStatFile(read(fixture(name)), '01222');
      expect(parsed.cells).toHaveLength(77);
      const r = await importTable(t.deps.db, t.clock, parsed, { kind: 'file', name });
      expect(r.changed, name).toBe(0);
    }
  });

  it('compares the region with its counties and the country when they are imported', async () => {
    // Invented numbers for the test only, under today's county code and the country's.
    const lines = ['"region";"statistikkvariabel";"kvartal";"01222: Befolkning"'];
    for (const [code, name, pop] of [
      ['34', 'Innlandet', 1000],
      ['0', 'Hele landet', 5000],
    ] as const) {
      lines.push(`"${code} ${name}";"Folketallet1";"2015K1";${pop}`);
      lines.push(`"${code} ${name}";"Nettoinnflytting9";"2015K1";..`);
    }
    const parsed = parseStatFile(lines.join('\n'), '01222');
    await importTable(t.deps.db, t.clock, parsed, { kind: 'file', name: 'test.csv' });
    const series = await getSeries(t.deps.db, 'fjellregionen', { granularity: 'quarter' }, 'en');
    expect(series.comparisons.map((c) => [c.code, c.name])).toEqual([
      ['34', 'Innlandet'],
      ['0', 'Norway'],
    ]);
    const country = series.comparisons[1]!.series[0]!;
    expect(country.figures.popStart).toBe(5000);
    expect(country.figures.netMigration).toBeNull();
    expect(country.symbols.netMigration).toBe('..');
  });
});
