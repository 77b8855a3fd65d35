import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'csv-parse/sync';
import { dataDir } from '../../src/server/paths.js';

/*
 * Builders for SSB responses in their real shapes (shared/data/FORMATS.md §2.2), for tests
 * and the bench. Values come from real files where we have them (the 2015K1 reference values);
 * anything generated says so in its label.
 */

export type CellValue = number | { status: string };

export interface CubeSpec {
  tableId: string;
  label: string;
  updated: string;
  regions: Array<[code: string, label: string]>;
  contents: Array<[code: string, label: string]>;
  periods: string[];
  value(region: string, contents: string, period: string): CellValue;
}

const category = (pairs: Array<[string, string]>) => ({
  index: Object.fromEntries(pairs.map(([code], i) => [code, i])),
  label: Object.fromEntries(pairs),
});

/** A JSON-stat 2.0 dataset as PxWebApi v2 returns it (ids Region, ContentsCode, Tid). */
export function jsonStat2(spec: CubeSpec): Record<string, unknown> {
  const value: Array<number | null> = [];
  const status: Record<string, string> = {};
  for (const [region] of spec.regions) {
    for (const [contents] of spec.contents) {
      for (const period of spec.periods) {
        const v = spec.value(region, contents, period);
        if (typeof v === 'number') value.push(v);
        else {
          status[String(value.length)] = v.status;
          value.push(null);
        }
      }
    }
  }
  const periods = spec.periods.map((p) => [p, p] as [string, string]);
  return {
    version: '2.0',
    class: 'dataset',
    label: spec.label,
    source: 'Statistisk sentralbyrå',
    updated: spec.updated,
    role: { time: ['Tid'], metric: ['ContentsCode'], geo: ['Region'] },
    id: ['Region', 'ContentsCode', 'Tid'],
    size: [spec.regions.length, spec.contents.length, spec.periods.length],
    dimension: {
      Region: {
        label: 'region',
        category: category(spec.regions),
        extension: { elimination: true, show: 'value' },
        link: { describedby: [{ extension: { Region: 'urn:ssb:classification:klass:131' } }] },
      },
      ContentsCode: {
        label: 'statistikkvariabel',
        category: {
          ...category(spec.contents),
          unit: Object.fromEntries(
            spec.contents.map(([c]) => [c, { base: 'personar', decimals: 0 }]),
          ),
        },
        extension: { elimination: false, show: 'value' },
      },
      Tid: {
        label: 'kvartal',
        category: category(periods),
        extension: { elimination: false, show: 'code' },
      },
    },
    extension: {
      px: {
        infofile: 'None',
        tableid: spec.tableId,
        decimals: 0,
        'official-statistics': true,
        aggregallowed: true,
        language: 'no',
        contents: `${spec.tableId}: Befolkning`,
        descriptiondefault: false,
        heading: ['ContentsCode', 'Tid'],
        stub: ['Region'],
        matrix: 'Folkendrkv',
        'subject-code': 'be',
        'subject-area': 'Befolkning',
      },
    },
    value,
    ...(Object.keys(status).length ? { status } : {}),
  };
}

export const CONTENTS_01222: Array<[string, string]> = [
  ['Folketallet1', 'Folketalet ved inngangen av kvartalet'],
  ['Fodte2', 'Fødde'],
  ['Dode3', 'Døde'],
  ['Fodselsoverskudd4', 'Fødselsoverskot'],
  ['Innvandring5', 'Innvandring'],
  ['Utvandring6', 'Utvandring'],
  ['Tilflytting7', 'Innflytting, innalandsk'],
  ['Fraflytting8', 'Utflytting, innalandsk'],
  ['Nettoinnflytting9', 'Nettoinnflytting, inkl. inn- og utvandring'],
  ['Folketilvekst10', 'Folkevekst'],
  ['Folketallet11', 'Folketalet ved utgangen av kvartalet'],
];

export interface ReferenceRow {
  period: string;
  codeAtTime: string;
  code2024: string;
  name: string;
  values: Record<string, number>;
}

/** The hand-checked reference values (data/source/ssb/fjellregionen_reference_values.csv). */
export function referenceRows(period: string): ReferenceRow[] {
  const rows = parse(
    readFileSync(join(dataDir, 'source/ssb/fjellregionen_reference_values.csv'), 'utf8'),
    { columns: true },
  ) as Record<string, string>[];
  return rows
    .filter((r) => r.period === period)
    .map((r) => ({
      period: r.period!,
      codeAtTime: r.kommunenummer_at_time!,
      code2024: r.kommunenummer_2024!,
      name: r.name!,
      values: Object.fromEntries(
        CONTENTS_01222.map(([code]) => {
          const column = Object.keys(r).find((k) => k.startsWith(`${code}_`))!;
          return [code, Number(r[column])];
        }),
      ),
    }));
}

export const fixture = (name: string) => join(dataDir, '..', 'test', 'fixtures', 'ssb', name);
