import type { AGE_GROUP_KEYS } from '../../../contracts/statistics.js';
import {
  addCells,
  type FigureCell,
  harmonisedCell,
  ObservationIndex,
} from './statistics.figures.js';
import type { Lineage } from './statistics.lineage.js';
import type { DimObservation } from './statistics.repo.js';
import { parseDimsKey } from './statistics.tables.js';

/*
 * Population by age group from table 07459, and the change in each cohort from one 1 January
 * to the next (ADR 0007). The cohort change is net migration minus deaths in those birth years:
 * it is never called net migration.
 */

export type AgeGroupKey = (typeof AGE_GROUP_KEYS)[number];

export interface AgeGroup {
  key: AgeGroupKey;
  from: number;
  /** null: and older. */
  to: number | null;
}

export const AGE_GROUPS: AgeGroup[] = [
  { key: '0-19', from: 0, to: 19 },
  { key: '20-39', from: 20, to: 39 },
  { key: '40-66', from: 40, to: 66 },
  { key: '67+', from: 67, to: null },
];

/** The dimension that holds age; every other extra dimension (sex) is summed over. */
export const AGE_DIMENSION = 'Alder';

export interface AgeRange {
  from: number;
  /** null for an open code such as 105+. */
  to: number | null;
}

/** `020` → 20–20, `105+` → 105–, `020-024` (or `F020-024`) → 20–24; anything else null. */
export function parseAge(code: string): AgeRange | null {
  const m = /^F?(\d{1,3})(?:(\+)|-(\d{1,3}))?$/.exec(code);
  if (!m) return null;
  const from = Number(m[1]);
  if (m[2]) return { from, to: null };
  return { from, to: m[3] ? Number(m[3]) : from };
}

const NO_DATA: FigureCell = { value: null, status: null };
const NOT_AVAILABLE: FigureCell = { value: null, status: '..' };

/**
 * The sum of the ages from `lo` to `hi` (null: and older). Only when the published age codes
 * cover exactly that span: a code that straddles its edge (65–69 for 40–66) or a gap makes
 * the sum not available ("..") rather than a number that looks complete.
 */
export function sumAges(cells: Map<string, FigureCell>, lo: number, hi: number | null): FigureCell {
  let sum: FigureCell | null = null;
  const covered: AgeRange[] = [];
  for (const [code, cell] of cells) {
    const r = parseAge(code);
    if (!r) continue;
    const end = r.to ?? Number.POSITIVE_INFINITY;
    const top = hi ?? Number.POSITIVE_INFINITY;
    if (end < lo || r.from > top) continue;
    if (r.from < lo || end > top) return NOT_AVAILABLE;
    covered.push(r);
    sum = sum ? addCells(sum, cell) : cell;
  }
  if (!sum) return NO_DATA;
  covered.sort((a, b) => a.from - b.from);
  let next = lo;
  for (const r of covered) {
    if (r.from !== next) return NOT_AVAILABLE;
    next = r.to === null ? Number.POSITIVE_INFINITY : r.to + 1;
  }
  const complete = hi === null ? next === Number.POSITIVE_INFINITY : next === hi + 1;
  return complete ? sum : NOT_AVAILABLE;
}

export interface AgeYearCells {
  year: string;
  population: Record<AgeGroupKey, FigureCell>;
  cohortChange: Record<AgeGroupKey, FigureCell>;
}

/** Per year, each age code's count (summed over sex) for one area. */
export type AgeCounts = Map<string, Map<string, FigureCell>>;

/** Cells of a table with extra dimensions, indexed for harmonising (dims in the contents key). */
export function ageIndex(rows: DimObservation[]): {
  obs: ObservationIndex;
  keys: Array<{ contents: string; age: string }>;
  years: string[];
} {
  const keys = new Map<string, { contents: string; age: string }>();
  const years = new Set<string>();
  const obs = new ObservationIndex(
    rows.map((r) => {
      const contents = `${r.contentsCode}|${r.dims}`;
      keys.set(contents, { contents, age: parseDimsKey(r.dims)[AGE_DIMENSION] ?? '' });
      years.add(r.period);
      return { ...r, contentsCode: contents };
    }),
  );
  return { obs, keys: [...keys.values()], years: [...years].sort() };
}

/** One of today's municipalities: its count per age code and year, old numbers mapped (ADR 0004). */
export function municipalityAgeCounts(
  lineage: Lineage,
  index: ReturnType<typeof ageIndex>,
): AgeCounts {
  const out: AgeCounts = new Map();
  for (const year of index.years) {
    const ages = new Map<string, FigureCell>();
    for (const { contents, age } of index.keys) {
      const cell = harmonisedCell(lineage, index.obs, year, contents);
      const before = ages.get(age);
      ages.set(age, before ? addCells(before, cell) : cell);
    }
    out.set(year, ages);
  }
  return out;
}

/** Several areas' counts added, age by age (a region from its members). */
export function sumAgeCounts(areas: AgeCounts[]): AgeCounts {
  const out: AgeCounts = new Map();
  for (const area of areas) {
    for (const [year, ages] of area) {
      const into = out.get(year) ?? new Map<string, FigureCell>();
      for (const [age, cell] of ages) {
        const before = into.get(age);
        into.set(age, before ? addCells(before, cell) : cell);
      }
      out.set(year, into);
    }
  }
  return out;
}

const minus = (a: FigureCell, b: FigureCell): FigureCell =>
  a.value !== null && b.value !== null
    ? { value: a.value - b.value, status: null }
    : addCells(a, { value: null, status: b.status });

/**
 * Population per group and year, and the change in each cohort: the group's ages in year Y
 * minus one year younger in Y−1. Age 0 is left out of 0–19's cohort (born during the year).
 */
export function ageYears(counts: AgeCounts): AgeYearCells[] {
  const years = [...counts.keys()].sort();
  return years.map((year) => {
    const ages = counts.get(year)!;
    const before = counts.get(String(Number(year) - 1));
    const population = {} as Record<AgeGroupKey, FigureCell>;
    const cohortChange = {} as Record<AgeGroupKey, FigureCell>;
    for (const g of AGE_GROUPS) {
      population[g.key] = sumAges(ages, g.from, g.to);
      if (!before) {
        cohortChange[g.key] = NO_DATA;
        continue;
      }
      const lo = Math.max(g.from, 1);
      const now = sumAges(ages, lo, g.to);
      const then = sumAges(before, lo - 1, g.to === null ? null : g.to - 1);
      cohortChange[g.key] = minus(now, then);
    }
    return { year, population, cohortChange };
  });
}
