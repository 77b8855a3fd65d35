import type { DataPoint, GoalStatus } from '../../../contracts/goals.js';

/**
 * An indicator's status at a glance (ADR 0013). The latest value is compared with where it
 * should be by now on a straight line from the baseline (at the period's start) to the target
 * (at its end):
 * - on_track: the target is reached, or progress keeps up with the time gone (10 points slack);
 * - at_risk: it moves the right way from the baseline but lags;
 * - off_track: it stands still or moves the wrong way;
 * - no_data: nothing to compare (no value in the period, or suppressed).
 * Without a baseline there is no line: reached is on track, within 10 % of the target at risk.
 */

export interface StatusInput {
  latest: { label: string; value: number } | null;
  baseline: number | null;
  target: number;
  period: { from: string; to: string } | null;
}

/** Where in the target period a yearly point stands: its year's end, 0–1. */
function elapsed(period: { from: string; to: string }, label: string): number {
  const start = Date.parse(`${period.from}T00:00:00Z`);
  const end = Date.parse(`${period.to}T00:00:00Z`);
  const at = Date.parse(`${label}-12-31T00:00:00Z`);
  if (end <= start) return 1;
  return Math.min(1, Math.max(0, (at - start) / (end - start)));
}

export function statusOf(input: StatusInput): GoalStatus {
  const { latest, baseline, target, period } = input;
  if (!latest) return 'no_data';
  const v = latest.value;
  const upward = target >= (baseline ?? Number.NEGATIVE_INFINITY);
  const reached = upward ? v >= target : v <= target;
  if (reached) return 'on_track';
  if (baseline === null || baseline === target) {
    const gap = Math.abs(target - v) / Math.max(Math.abs(target), 1);
    return gap <= 0.1 ? 'at_risk' : 'off_track';
  }
  const progress = (v - baseline) / (target - baseline);
  const due = period ? elapsed(period, latest.label) : 1;
  if (progress >= due - 0.1) return 'on_track';
  return progress > 0 ? 'at_risk' : 'off_track';
}

export function latestOf(points: DataPoint[]): { label: string; value: number } | null {
  for (let i = points.length - 1; i >= 0; i--) {
    const p = points[i]!;
    if (p.value !== null) return { label: p.label, value: p.value };
  }
  return null;
}
