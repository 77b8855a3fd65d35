import { describe, expect, it } from 'vitest';
import {
  combineQuarters,
  harmonisedCell,
  municipalityFigures,
  type Observation,
  ObservationIndex,
  sumFigureSets,
} from './statistics.figures.js';
import { type CodeChange, indexChanges, lineageOf } from './statistics.lineage.js';
import { TABLE_01222 } from './statistics.tables.js';

// Real KLASS 131 rows from data/municipalities/code-changes.csv.
const changes: CodeChange[] = [
  ['1601', 'Trondheim', '5001', 'Trondheim', '2018-01-01', 'renumbered'],
  ['5001', 'Trondheim', '5001', 'Trondheim', '2020-01-01', 'merged'],
  ['1662', 'Klæbu', '5030', 'Klæbu', '2018-01-01', 'renumbered'],
  ['5030', 'Klæbu', '5001', 'Trondheim', '2020-01-01', 'merged'],
  ['1850', 'Tysfjord', '1806', 'Narvik', '2020-01-01', 'split'],
  ['1850', 'Tysfjord', '1875', 'Hábmer - Hamarøy', '2020-01-01', 'split'],
  ['1805', 'Narvik', '1806', 'Narvik', '2020-01-01', 'merged'],
  ['1854', 'Ballangen', '1806', 'Narvik', '2020-01-01', 'merged'],
  ['0437', 'Tynset', '3427', 'Tynset', '2020-01-01', 'renumbered'],
].map(([oldCode, oldName, newCode, newName, changedOn, kind]) => ({
  oldCode: oldCode!,
  oldName: oldName!,
  newCode: newCode!,
  newName: newName!,
  changedOn: changedOn!,
  kind: kind!,
}));
const index = indexChanges(changes);
const o = (
  regionCode: string,
  period: string,
  value: number | null,
  status: string | null = null,
) => ({ regionCode, period, contentsCode: 'Fodte2', value, status }) satisfies Observation;

describe('figures across municipality reforms', () => {
  it('sums merged municipalities, each only while its number was in use', () => {
    const trondheim = lineageOf('5001', index);
    const obs = new ObservationIndex([
      o('1601', '2017K4', 100),
      o('1662', '2017K4', 4),
      o('5001', '2017K4', 999), // back-calculated under the new number: must not be added
      o('5001', '2019K4', 110),
      o('5030', '2019K4', 5),
      o('5030', '2020K1', null, '.'),
      o('5001', '2020K1', 120),
    ]);
    expect(harmonisedCell(trondheim, obs, '2017K4', 'Fodte2')).toEqual({
      value: 104,
      status: null,
    });
    expect(harmonisedCell(trondheim, obs, '2019K4', 'Fodte2')).toEqual({
      value: 115,
      status: null,
    });
    expect(harmonisedCell(trondheim, obs, '2020K1', 'Fodte2')).toEqual({
      value: 120,
      status: null,
    });
  });

  it('does not divide a split municipality: earlier quarters are not available', () => {
    const narvik = lineageOf('1806', index);
    expect(narvik.comparableFrom).toBe('2020-01-01');
    expect(narvik.splits.map((s) => s.code)).toEqual(['1850']);
    const obs = new ObservationIndex([o('1805', '2019K4', 40), o('1854', '2019K4', 3)]);
    expect(harmonisedCell(narvik, obs, '2019K4', 'Fodte2')).toEqual({ value: null, status: '..' });
  });

  it("prefers SSB's own harmonised K- series, and never turns a symbol into a zero", () => {
    const tynset = lineageOf('3427', index);
    const obs = new ObservationIndex([
      o('K-3427', '2015K1', 8),
      o('0437', '2015K1', 7),
      o('0437', '2016K1', null, ':'),
      o('0437', '2017K1', null, '-'),
    ]);
    expect(harmonisedCell(tynset, obs, '2015K1', 'Fodte2')).toEqual({ value: 8, status: null });
    expect(harmonisedCell(tynset, obs, '2016K1', 'Fodte2')).toEqual({ value: null, status: ':' });
    expect(harmonisedCell(tynset, obs, '2017K1', 'Fodte2')).toEqual({ value: null, status: '-' });
    expect(harmonisedCell(tynset, obs, '2018K1', 'Fodte2')).toEqual({ value: null, status: null });
  });

  it("sums a region, keeps SSB's growth, and combines quarters into a year", () => {
    const q = (popStart: number, growth: number, net: number, popEnd: number) => {
      const obs = new ObservationIndex(
        Object.entries({
          Folketallet1: popStart,
          Folketilvekst10: growth,
          Nettoinnflytting9: net,
          Fodselsoverskudd4: 0,
          Folketallet11: popEnd,
          Innvandring5: 1,
          Tilflytting7: 2,
        }).map(([contentsCode, value]) => ({
          regionCode: '3427',
          period: '2021K1',
          contentsCode,
          value,
          status: null,
        })),
      );
      return municipalityFigures(TABLE_01222, lineageOf('3427', index), obs, '2021K1');
    };
    // Growth 5 although natural increase 0 + net 3: SSB corrected the register; keep 5.
    const a = q(100, 5, 3, 105);
    expect(a.growth.value).toBe(5);
    expect(a.movedIn.value).toBe(3);
    expect(sumFigureSets([a, a]).popStart.value).toBe(200);
    expect(sumFigureSets([a, q(1, 1, 1, 2)]).births).toEqual({ value: null, status: null });
    const year = combineQuarters([a, q(106, 1, 1, 107), q(107, 0, 0, 107), q(107, -2, -2, 105)]);
    expect(year.popStart.value).toBe(100);
    expect(year.popEnd.value).toBe(105);
    expect(year.growth.value).toBe(5);
    expect(year.netMigration.value).toBe(2);
    expect(year.movedIn.value).toBe(12);
  });
});
