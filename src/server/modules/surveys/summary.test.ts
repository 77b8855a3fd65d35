import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { wellbeing } from './definitions/wellbeing.js';
import { buildSummary, suppress } from './summary.js';

/** The disclosure rules on their own: no figure of 1–4, and none recoverable by subtraction. */
describe('survey suppression', () => {
  it('hides a second group when one alone is hidden, and more until the hidden hold five', () => {
    expect([...suppress([12, 6, 3, 7]).hidden].sort()).toEqual([1, 2]);
    expect([...suppress([12, 1, 1, 9]).hidden].sort()).toEqual([1, 2, 3]);
    expect([...suppress([2, 2]).hidden].sort()).toEqual([0, 1]);
    expect(suppress([5, 6, 0]).hidden.size).toBe(0);
  });

  it('never leaves hidden parts that sum to 1–4, for any sizes', () => {
    fc.assert(
      fc.property(fc.array(fc.nat({ max: 30 }), { minLength: 1, maxLength: 12 }), (values) => {
        const { hidden } = suppress(values);
        const hiddenSum = [...hidden].reduce((s, i) => s + values[i]!, 0);
        const shown = values.filter((_, i) => !hidden.has(i));
        expect(shown.every((v) => v === 0 || v >= 5)).toBe(true);
        // Everything hidden (a total under five) is fine; otherwise at least five are hidden.
        if (hiddenSum > 0 && shown.some((v) => v > 0)) expect(hiddenSum).toBeGreaterThanOrEqual(5);
      }),
    );
  });

  it('shows no group of fewer than five and ignores answers outside the questions', () => {
    const rows = [
      ...Array.from({ length: 5 }, () => ({ group: 'a', answers: { wellbeing: 3, work: 'x' } })),
      ...Array.from({ length: 4 }, () => ({ group: 'b', answers: { wellbeing: 1 } })),
    ];
    const s = buildSummary(wellbeing, 'municipality', rows, { a: 'A', b: 'B' });
    // b alone is hidden, and a with it (else a region total would give b away).
    expect(s.groups.map((g) => [g.label, g.n, g.suppressed])).toEqual([
      ['A', null, 'complement'],
      ['B', null, 'small'],
    ]);
    const alone = buildSummary(wellbeing, 'region', rows.slice(0, 5), {});
    const work = alone.groups[0]!.questions.find((q) => q.key === 'work')!;
    expect(work.counts).toMatchObject({ none: 5, employed_here: 0 });
    expect(alone.groups[0]!.questions.find((q) => q.key === 'wellbeing')!.mean).toBe(3);
  });
});
