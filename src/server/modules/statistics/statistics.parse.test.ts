import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { fixture } from '../../../../test/support/ssb.js';
import { AppError } from '../../errors.js';
import { dataDir } from '../../paths.js';
import { parseStatFile } from './statistics.parse.js';

const realV1 = readFileSync(
  join(dataDir, 'source/ssb/api-examples/v0/dataset1108_2015K1_jsonstat1.json'),
  'utf8',
);
const v2 = readFileSync(fixture('01222_2015K1_fjellregionen_jsonstat2-constructed.json'), 'utf8');
const csv = readFileSync(fixture('01222_2015K1_fjellregionen_ssb-constructed.csv'), 'utf8');
const realOtherTable = readFileSync(
  join(dataDir, 'source/ssb/api-examples/v2/data_11118_jsonstat2.json'),
  'utf8',
);

function failure(text: string, table = '01222'): AppError {
  try {
    parseStatFile(text, table);
  } catch (error) {
    expect(error).toBeInstanceOf(AppError);
    expect((error as AppError).code).toBe('validation');
    return error as AppError;
  }
  throw new Error('expected the file to be refused');
}

const edit = (text: string, change: (json: Record<string, unknown>) => void) => {
  const json = JSON.parse(text);
  change(json);
  return JSON.stringify(json);
};

describe('SSB file parsing', () => {
  it('reads dimensions and codes from each format', () => {
    const a = parseStatFile(v2, '01222');
    const b = parseStatFile(csv, '01222');
    expect(a.format).toBe('json-stat2');
    expect(b.format).toBe('csv');
    const key = (c: { region: string; contents: string }) => `${c.region}|${c.contents}`;
    expect(new Set(a.cells.map(key))).toEqual(new Set(b.cells.map(key)));
    const tynset = b.cells.find((c) => c.region === '0437' && c.contents === 'Nettoinnflytting9');
    expect(tynset).toEqual({
      region: '0437',
      contents: 'Nettoinnflytting9',
      period: '2015K1',
      value: -9,
      status: null,
    });
    expect(b.regionLabels.get('0441')).toBe('Os (Hedm.)');
  });

  it('keeps status symbols in CSV cells', () => {
    const text = csv
      .replace('"2015K1";1885', '"2015K1";..')
      .replace('"2015K1";1\r', '"2015K1";:\r');
    const cells = parseStatFile(text, '01222').cells;
    expect(cells.filter((c) => c.status !== null).map((c) => [c.value, c.status])).toEqual([
      [null, '..'],
      [null, ':'],
    ]);
  });

  it('refuses an unknown table, and a file of another table', () => {
    expect(failure(v2, '09588').message).toMatch(/Table 09588 is not supported/);
    expect(failure(realOtherTable).message).toBe('The file holds table 11118, not 01222.');
  });

  it('refuses unknown contents codes, naming them', () => {
    const text = v2.replaceAll('"Fodte2"', '"Levendefodte2"');
    expect(failure(text).message).toBe('Unknown contents code for table 01222: Levendefodte2.');
    expect(failure(csv.replace('"Fødde"', '"Levendefødte"')).message).toMatch(
      /line 3 unknown contents code "Levendefødte"/,
    );
  });

  it('refuses values that are not numbers, naming the cell', () => {
    const text = edit(v2, (j) => {
      (j.value as unknown[])[1] = 'abc';
    });
    expect(failure(text).message).toBe(
      'The file has values that are not numbers: Not a number at Region=0432, ContentsCode=Fodte2, Tid=2015K1: "abc".',
    );
    expect(failure(csv.replace('"2015K1";1885', '"2015K1";many')).message).toMatch(
      /line 2 "many" is not a number or an SSB symbol/,
    );
  });

  it('refuses truncated and wrong-shaped files', () => {
    expect(failure(realV1.slice(0, 20_000)).message).toMatch(/not valid JSON \(truncated\?\)/);
    const short = edit(v2, (j) => {
      (j.value as unknown[]).pop();
    });
    expect(failure(short).message).toBe(
      'JSON-stat 2.0 dataset: "value" has 76 cells but the dimensions (7 × 11 × 1) need 77: the file is truncated or wrong-shaped.',
    );
    const noTime = edit(v2, (j) => {
      j.id = ['Region', 'ContentsCode'];
    });
    expect(failure(noTime).message).toMatch(/"size" must give one size per dimension/);
    const truncatedCsv = csv.split('\r\n').slice(0, 10).join('\r\n').slice(0, -8);
    expect(failure(truncatedCsv).message).toMatch(/truncated/);
    expect(failure('').message).toBe('The file is empty.');
    expect(failure('{"hello": 1}').message).toMatch(/neither JSON-stat 2.0 nor a JSON-stat 1.0/);
  });
});
