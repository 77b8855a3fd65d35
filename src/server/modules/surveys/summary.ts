import {
  type GroupBy,
  MIN_GROUP_SIZE,
  type QuestionSummary,
  type SummaryGroup,
  type SurveySummary,
} from '../../../contracts/surveys.js';
import { allowedValues, type Question, type SurveyDefinition } from './definitions/types.js';

/**
 * Statistical disclosure control for survey reports. Two rules, applied twice:
 *
 * 1. Primary: a count of 1–4 is never shown (a group, or an answer cell in a group).
 * 2. Secondary: what is hidden must not be recoverable by subtraction. The hidden parts of a
 *    table (groups of a report, or cells of a question) must together hold 0 or at least five;
 *    while they hold 1–4, the smallest visible part is hidden too. So with one small group
 *    hidden, a second is always hidden with it, and "region total minus visible groups"
 *    reveals only a sum of at least five.
 *
 * A zero is shown: it is nobody. Averages are shown only over at least five answers.
 */

export interface SummaryInputRow {
  group: string | null;
  answers: Record<string, unknown>;
}

/** Which parts to hide, by the rules above. `values` are counts; returns hidden indexes. */
export function suppress(values: number[]): { hidden: Set<number>; complement: Set<number> } {
  const hidden = new Set<number>();
  values.forEach((v, i) => {
    if (v > 0 && v < MIN_GROUP_SIZE) hidden.add(i);
  });
  const complement = new Set<number>();
  const hiddenSum = () => [...hidden].reduce((s, i) => s + values[i]!, 0);
  while (hiddenSum() > 0 && hiddenSum() < MIN_GROUP_SIZE) {
    let next = -1;
    values.forEach((v, i) => {
      if (hidden.has(i) || v === 0) return;
      if (next === -1 || v < values[next]!) next = i;
    });
    if (next === -1) break;
    hidden.add(next);
    complement.add(next);
  }
  return { hidden, complement };
}

function answerOf(q: Question, raw: unknown): string | undefined {
  const s = typeof raw === 'number' ? String(raw) : typeof raw === 'string' ? raw : undefined;
  return s !== undefined && allowedValues(q).includes(s) ? s : undefined;
}

function summariseQuestion(q: Question, answers: Record<string, unknown>[]): QuestionSummary {
  const keys = [...allowedValues(q), 'none'];
  const tally = new Map<string, number>(keys.map((k) => [k, 0]));
  let sum = 0;
  let answered = 0;
  for (const a of answers) {
    const v = answerOf(q, a[q.key]);
    tally.set(v ?? 'none', tally.get(v ?? 'none')! + 1);
    if (v !== undefined && (q.type === 'scale5' || q.type === 'scale10')) {
      sum += Number(v);
      answered++;
    }
  }
  const values = keys.map((k) => tally.get(k)!);
  const { hidden } = suppress(values);
  const counts: Record<string, number | null> = {};
  keys.forEach((k, i) => {
    counts[k] = hidden.has(i) ? null : values[i]!;
  });
  const isScale = q.type === 'scale5' || q.type === 'scale10';
  const mean =
    isScale && answered >= MIN_GROUP_SIZE ? Math.round((sum / answered) * 10) / 10 : null;
  // With the visible cells, the group size and an average, two hidden scale cells could be
  // solved for: a scale with anything hidden shows its average only.
  const allHidden =
    keys.every((_, i) => hidden.has(i) || values[i] === 0) || (isScale && hidden.size > 0);
  return { key: q.key, mean, counts: allHidden ? null : counts };
}

const hiddenQuestion = (q: Question): QuestionSummary => ({ key: q.key, mean: null, counts: null });

export function buildSummary(
  definition: SurveyDefinition,
  groupBy: GroupBy,
  rows: SummaryInputRow[],
  labels: Record<string, string>,
): SurveySummary {
  const byGroup = new Map<string | null, Record<string, unknown>[]>();
  for (const row of rows) {
    const list = byGroup.get(row.group) ?? [];
    list.push(row.answers);
    byGroup.set(row.group, list);
  }
  const keys = [...byGroup.keys()].sort((a, b) =>
    (labels[a ?? ''] ?? a ?? '').localeCompare(labels[b ?? ''] ?? b ?? '', 'nb'),
  );
  const sizes = keys.map((k) => byGroup.get(k)!.length);
  const { hidden, complement } = suppress(sizes);
  const groups: SummaryGroup[] = keys.map((key, i) => {
    const label = key === null ? '' : (labels[key] ?? key);
    if (hidden.has(i)) {
      return {
        key,
        label,
        n: null,
        suppressed: complement.has(i) ? 'complement' : 'small',
        questions: definition.questions.map(hiddenQuestion),
      };
    }
    const answers = byGroup.get(key)!;
    return {
      key,
      label,
      n: answers.length,
      suppressed: null,
      questions: definition.questions.map((q) => summariseQuestion(q, answers)),
    };
  });
  return { surveyKey: definition.key, groupBy, minGroupSize: MIN_GROUP_SIZE, groups };
}
