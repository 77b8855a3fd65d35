import { harmonisedCode, inUse, type Lineage } from './statistics.lineage.js';
import {
  FIGURE_NAMES,
  type FigureName,
  type PublishedFigure,
  periodStart,
  type TableDefinition,
} from './statistics.tables.js';

/** A figure: a number, or null and why (an SSB symbol; null symbol means no data at all). */
export interface FigureCell {
  value: number | null;
  status: string | null;
}

export type FigureSet = Record<FigureName, FigureCell>;

export interface Observation {
  regionCode: string;
  period: string;
  contentsCode: string;
  value: number | null;
  status: string | null;
}

const NO_DATA: FigureCell = { value: null, status: null };

/** Which missing value wins when several are combined: the one that says most. */
const RANK: Record<string, number> = { ':': 5, '..': 4, '...': 4, '.': 1, '-': 0 };
const rank = (c: FigureCell) => (c.status === null ? 3 : (RANK[c.status] ?? 2));

export class ObservationIndex {
  private readonly map = new Map<string, Observation>();
  constructor(rows: Observation[]) {
    for (const r of rows) this.map.set(`${r.regionCode}|${r.period}|${r.contentsCode}`, r);
  }
  get(region: string, period: string, contents: string): Observation | undefined {
    return this.map.get(`${region}|${period}|${contents}`);
  }
}

/**
 * One figure of today's municipality for one period: SSB's harmonised K- series when we have
 * it, else the sum of the codes in use then (see statistics.lineage.ts). "." (code not in use)
 * adds nothing; "-" (nil) adds nothing; ":" "..", or a code in use without data, make the sum
 * unknown, and that symbol is reported rather than a number that would look complete.
 */
export function harmonisedCell(
  lineage: Lineage,
  obs: ObservationIndex,
  period: string,
  contents: string,
): FigureCell {
  const own = obs.get(harmonisedCode(lineage.code), period, contents);
  if (own) return { value: own.value, status: own.value === null ? own.status : null };
  if (lineage.comparableFrom && beforeSplit(period, lineage.comparableFrom)) {
    return { value: null, status: '..' };
  }
  let sum: number | null = null;
  let blocked: FigureCell | null = null;
  let nil = false;
  let anyInUse = false;
  for (const source of lineage.sources) {
    if (!inUse(source, period)) continue;
    anyInUse = true;
    const o = obs.get(source.code, period, contents);
    if (o && o.value !== null) {
      sum = (sum ?? 0) + o.value;
    } else if (o?.status === '.') {
      // The code was not in use after all: nothing to add.
    } else if (o?.status === '-') {
      nil = true;
    } else {
      const missing = { value: null, status: o?.status ?? null };
      if (!blocked || rank(missing) > rank(blocked)) blocked = missing;
    }
  }
  if (blocked) return blocked;
  if (sum !== null) return { value: sum, status: null };
  if (nil) return { value: null, status: '-' };
  return anyInUse ? { value: null, status: '.' } : NO_DATA;
}

const quarterOf = (isoDay: string) =>
  `${isoDay.slice(0, 4)}K${Math.floor((Number(isoDay.slice(5, 7)) - 1) / 3) + 1}`;

/** A quarter before the split's quarter; a year (a count on 1 January) before the split's day. */
const beforeSplit = (period: string, day: string) =>
  /^\d{4}$/.test(period) ? periodStart(period) < day : period < quarterOf(day);

/** Two cells added: a number when both are, else the missing value that says most. */
export function addCells(a: FigureCell, b: FigureCell): FigureCell {
  return add(a, b);
}

function add(a: FigureCell, b: FigureCell): FigureCell {
  if (a.value !== null && b.value !== null) return { value: a.value + b.value, status: null };
  if (a.value === null && b.value === null) return rank(a) >= rank(b) ? a : b;
  return a.value === null ? a : b;
}

/** "Moved to the region" = immigration + domestic in-migration (FORMATS §1.2, made explicit). */
function withDerived(set: Omit<FigureSet, 'movedIn'>): FigureSet {
  return { ...set, movedIn: add(set.immigration, set.domesticIn) };
}

/** All figures of one municipality for one period. */
export function municipalityFigures(
  table: TableDefinition,
  lineage: Lineage,
  obs: ObservationIndex,
  period: string,
): FigureSet {
  const set = {} as Record<PublishedFigure, FigureCell>;
  for (const c of table.contents) set[c.figure] = harmonisedCell(lineage, obs, period, c.code);
  return withDerived(set);
}

/**
 * A region's figures: each figure summed over its member municipalities. Moves between members
 * count, as the programme defines "moved to the region". SSB's growth is summed as published,
 * never recomputed as natural increase + net migration.
 */
export function sumFigureSets(sets: FigureSet[]): FigureSet {
  const out = {} as FigureSet;
  for (const name of FIGURE_NAMES) {
    out[name] = sets.length === 0 ? NO_DATA : sets.map((s) => s[name]).reduce(add);
  }
  return out;
}

/**
 * Several consecutive quarters as one period (a calendar or rolling year): flows summed,
 * population at the start of the first and the end of the last. Growth over the period is the
 * difference between those two counts, SSB's own definition of growth.
 */
export function combineQuarters(quarters: FigureSet[]): FigureSet {
  if (quarters.length === 0) throw new Error('combineQuarters needs at least one quarter');
  const out = sumFigureSets(quarters);
  out.popStart = quarters[0]!.popStart;
  out.popEnd = quarters[quarters.length - 1]!.popEnd;
  const { popStart, popEnd } = out;
  out.growth =
    popStart.value !== null && popEnd.value !== null
      ? { value: popEnd.value - popStart.value, status: null }
      : add(popStart, popEnd);
  return out;
}

/** True when no figure has any data (nothing imported for that period). */
export function isEmpty(set: FigureSet): boolean {
  return FIGURE_NAMES.every((n) => set[n].value === null && set[n].status === null);
}

export interface Ranked {
  code: string;
  name: string;
  netMigration: number;
}

/** The member(s) with the largest net in-migration; several when tied; none without data. */
export function largestNetInMigration(
  members: Array<{ code: string; name: string; figures: FigureSet }>,
): Ranked[] {
  const known = members.filter((m) => m.figures.netMigration.value !== null);
  if (known.length === 0) return [];
  const best = Math.max(...known.map((m) => m.figures.netMigration.value!));
  return known
    .filter((m) => m.figures.netMigration.value === best)
    .map((m) => ({ code: m.code, name: m.name, netMigration: best }));
}
