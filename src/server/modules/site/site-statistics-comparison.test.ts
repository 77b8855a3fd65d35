import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../../../test/support/app.js';
import { testDialects } from '../../../../test/support/database.js';
import {
  type CellValue,
  CONTENTS_01222,
  jsonStat2,
  referenceRows,
} from '../../../../test/support/ssb.js';
import { seedSnapshotIfEmpty } from '../statistics/statistics.demo.js';
import { importTable } from '../statistics/statistics.import.js';
import { parseStatFile } from '../statistics/statistics.parse.js';

const html = { accept: 'text/html,application/xhtml+xml' };
const NBSP = '\u00a0';
const MINUS = '\u2212';

/*
 * CONSTRUCTED, not real SSB figures: 01222 for 2015K1 with the region's real municipality rows
 * (the hand-checked reference values) plus invented rows for county 34 (Innlandet), county 50
 * (Trøndelag, whose net migration carries SSB's ".." symbol) and the country (0), in the shape
 * PxWebApi v2 returns. Order of values: Folketallet1 … Folketallet11 (CONTENTS_01222).
 */
const comparisonRows: Record<string, CellValue[]> = {
  '34': [370_603, 800, 900, -100, 300, 100, 2_000, 1_950, 250, 103, 370_706],
  '50': [450_000, 1_000, 1_000, 0, 400, 100, 3_000, 2_900, { status: '..' }, 500, 450_500],
  '0': [5_165_802, 14_000, 10_000, 4_000, 14_000, 7_000, 50_000, 50_000, 7_000, 11_000, 5_176_802],
};

function constructedFixture(): string {
  const members = referenceRows('2015K1').filter((r) => /^\d{4}$/.test(r.codeAtTime));
  const byCode = new Map(members.map((r) => [r.codeAtTime, r.values]));
  const contents = CONTENTS_01222.map(([c]) => c);
  return JSON.stringify(
    jsonStat2({
      tableId: '01222',
      label: '01222 (constructed for tests: real municipality rows, invented county/country rows)',
      updated: '2015-06-03T23:04:40Z',
      regions: [
        ...members.map((r) => [r.codeAtTime, r.name] as [string, string]),
        ['34', 'Innlandet'],
        ['50', 'Trøndelag - Trööndelage'],
        ['0', 'Heile landet'],
      ],
      contents: CONTENTS_01222,
      periods: ['2015K1'],
      value: (region, code) => {
        const row = comparisonRows[region];
        if (row) return row[contents.indexOf(code)]!;
        return byCode.get(region)![code]!;
      },
    }),
  );
}

/** The cells of the table row whose header is `name`, as text. */
function rowCells(body: string, tableId: string, name: string): string[] {
  const table = new RegExp(`<table[^>]*id="${tableId}"[\\s\\S]*?</table>`).exec(body)?.[0] ?? '';
  const row = new RegExp(`<tr><th scope="row">${name}</th>([\\s\\S]*?)</tr>`).exec(table)?.[1];
  if (row === undefined) throw new Error(`No row ${name} in ${tableId}`);
  return [...row.matchAll(/<td[^>]*>([^<]*)<\/td>/g)].map((m) => m[1]!);
}

describe.each(testDialects)(
  'statistics page: the region against county and country on %s',
  (dialect) => {
    let t: TestApp;
    beforeAll(async () => {
      t = await createTestApp(dialect);
    });
    afterAll(async () => t?.close());

    const get = (url: string) => t.app.inject({ method: 'GET', url, headers: html });

    it('says in one sentence how to import county and country figures when there are none', async () => {
      await seedSnapshotIfEmpty(t.deps.db, t.clock); // real 2015K1 file: municipalities only
      t.clock.advanceMinutes(1);
      const res = await get('/statistikk');
      expect(res.statusCode).toBe(200);
      expect(res.body).toContain('Regionen mot fylket og landet</h2>');
      expect(res.body).toContain(
        'Tall for fylket og hele landet er ikke hentet inn ennå; kommandoen flytthit stats import --table 01222 henter dem',
      );
      expect(res.body).not.toContain('id="fh-table-comparison"');
    });

    it('shows population, growth, net migration and the rate per 1,000 for each area', async () => {
      const parsed = parseStatFile(constructedFixture(), '01222');
      await importTable(t.deps.db, t.clock, parsed, { kind: 'file', name: 'constructed.json' });
      t.clock.advanceMinutes(1); // past the page cache
      const res = await get('/statistikk?quarter=2015K1');
      expect(res.statusCode).toBe(200);
      expect(res.body).not.toMatch(/\sstyle=/i);
      expect(res.body).not.toContain('er ikke hentet inn ennå; kommandoen');
      expect(res.body).toContain(
        '<caption id="fh-table-comparison-caption">Regionen mot fylket og landet, 1. kvartal 2015</caption>',
      );
      expect(res.body).toContain('<th scope="col">Område</th>');
      expect(res.body).toContain(`Nettoinnflytting per 1${NBSP}000 innbyggere</th>`);
      // Columns: population at the end, growth, net migration, net migration per 1,000 at start.
      // Region = sum of the seven members' real figures: 20 702 at start, net 2 → 0.097 per 1,000.
      expect(rowCells(res.body, 'fh-table-comparison', 'Fjellregionen')).toEqual([
        `20${NBSP}696`,
        `${MINUS}6`,
        '2',
        '0,1',
      ]);
      // 250 / 370 603 × 1000 = 0.67
      expect(rowCells(res.body, 'fh-table-comparison', 'Innlandet')).toEqual([
        `370${NBSP}706`,
        '103',
        '250',
        '0,7',
      ]);
      // SSB's ".." for net migration: shown as such, and no rate is made up.
      const trondelag = rowCells(res.body, 'fh-table-comparison', 'Trøndelag[^<]*');
      expect(trondelag).toEqual([`450${NBSP}500`, '500', '..', '..']);
      // 7 000 / 5 165 802 × 1000 = 1.355
      expect(rowCells(res.body, 'fh-table-comparison', 'Hele landet')).toEqual([
        `5${NBSP}176${NBSP}802`,
        `11${NBSP}000`,
        `7${NBSP}000`,
        '1,4',
      ]);
      expect(res.body).toContain('delt på folketallet ved inngangen av kvartalet, ganget med 1');

      const en = await get('/en/statistikk?quarter=2015K1');
      expect(en.body).toContain('The region against the county and the country, Q1 2015');
      expect(rowCells(en.body, 'fh-table-comparison', 'Norway')).toEqual([
        '5,176,802',
        '11,000',
        '7,000',
        '1.4',
      ]);
      const nn = await get('/nn/statistikk?quarter=2015K1');
      expect(nn.body).toContain(`Nettoinnflytting per 1${NBSP}000 innbyggjarar`);
    });
  },
);
