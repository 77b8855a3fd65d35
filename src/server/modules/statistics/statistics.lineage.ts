import { periodStart } from './statistics.tables.js';

/*
 * How figures published under old municipality numbers land on today's municipality.
 *
 * - Renumbering (0437 Tynset → 3427): the old code's figures are the new code's history.
 * - Merger (several old codes → one new code): the old codes' figures are summed, as SSB's own
 *   harmonised series (codelist agg_KommSummer) do.
 * - Split (one old code → parts of several new codes, e.g. 1850 Tysfjord → Narvik and
 *   Hamarøy in 2020): the old figures cannot be divided honestly, so the successors have no
 *   harmonised figures for quarters before the split; they are reported as not available.
 *
 * A published code counts only for periods in which it was in use: an old code before the
 * date it changed, a new code from the date it came into use (unless KLASS says it existed
 * already, as when Trondheim 5001 took in Klæbu). That way a series SSB back-calculated under
 * a new number is never added on top of the old number's figures.
 */

export interface CodeChange {
  oldCode: string;
  oldName: string;
  newCode: string;
  newName: string;
  changedOn: string;
  kind: string;
}

export interface LineageSource {
  code: string;
  /** First day the code was in use, or null when it was in use before anything we know of. */
  validFrom: string | null;
  /** The day it stopped being used, or null while it is in use. */
  validTo: string | null;
}

export interface LineageEvent {
  code: string;
  name: string;
  changedOn: string;
  kind: string;
}

export interface Lineage {
  code: string;
  sources: LineageSource[];
  /** Periods starting before this day cannot be derived (an earlier municipality was split). */
  comparableFrom: string | null;
  /** Earlier municipalities whose figures are part of this one's history, newest first. */
  history: LineageEvent[];
  /** Earlier municipalities that were split, part of which is now here. */
  splits: LineageEvent[];
}

export interface ChangeIndex {
  into: Map<string, CodeChange[]>;
  existedBefore: Set<string>;
}

export function indexChanges(changes: CodeChange[]): ChangeIndex {
  const into = new Map<string, CodeChange[]>();
  const existedBefore = new Set<string>();
  for (const c of changes) {
    if (c.oldCode === c.newCode) {
      existedBefore.add(`${c.newCode}|${c.changedOn}`);
      continue;
    }
    into.set(c.newCode, [...(into.get(c.newCode) ?? []), c]);
  }
  return { into, existedBefore };
}

function validFrom(code: string, index: ChangeIndex): string | null {
  const incoming = index.into.get(code) ?? [];
  if (incoming.length === 0) return null;
  const first = incoming.map((c) => c.changedOn).sort()[0]!;
  return index.existedBefore.has(`${code}|${first}`) ? null : first;
}

/** The codes whose published figures make up today's municipality `code`, over time. */
export function lineageOf(code: string, index: ChangeIndex): Lineage {
  const sources: LineageSource[] = [{ code, validFrom: validFrom(code, index), validTo: null }];
  const history: LineageEvent[] = [];
  const splits: LineageEvent[] = [];
  let comparableFrom: string | null = null;
  const seen = new Set([code]);
  const queue = [code];
  while (queue.length > 0) {
    const current = queue.shift()!;
    for (const c of index.into.get(current) ?? []) {
      const event = { code: c.oldCode, name: c.oldName, changedOn: c.changedOn, kind: c.kind };
      if (c.kind === 'split') {
        splits.push(event);
        if (!comparableFrom || c.changedOn > comparableFrom) comparableFrom = c.changedOn;
        continue;
      }
      if (seen.has(c.oldCode)) continue;
      seen.add(c.oldCode);
      history.push(event);
      sources.push({
        code: c.oldCode,
        validFrom: validFrom(c.oldCode, index),
        validTo: c.changedOn,
      });
      queue.push(c.oldCode);
    }
  }
  history.sort((a, b) => b.changedOn.localeCompare(a.changedOn));
  return { code, sources, comparableFrom, history, splits };
}

export function inUse(source: LineageSource, period: string): boolean {
  const start = periodStart(period);
  return (
    (source.validFrom === null || start >= source.validFrom) &&
    (source.validTo === null || start < source.validTo)
  );
}

/** SSB's harmonised series for a current municipality, when fetched with agg_KommSummer. */
export const harmonisedCode = (code: string) => `K-${code}`;
