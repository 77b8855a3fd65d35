import type { IndicatorSource, Programme, ProgrammeInput } from '../../../contracts/goals.js';

/**
 * The programme as the editor holds it: every field a string, so a half-typed number stays
 * as typed; turned into the API's shape on save.
 */
export interface LT {
  nb: string;
  nn: string;
  en: string;
}

export interface DraftIndicator {
  name: LT;
  kind: IndicatorSource['kind'];
  series: string;
  ageBand: string;
  measure: string;
  campaignId: string;
  survey: string;
  question: string;
  mediaLevel: string;
  baseline: string;
  target: string;
  from: string;
  to: string;
}

export interface Draft {
  mainGoal: LT;
  phases: { name: string; from: string; to: string }[];
  subGoals: { title: LT; indicators: DraftIndicator[] }[];
}

export const emptyText = (): LT => ({ nb: '', nn: '', en: '' });

export function emptyIndicator(): DraftIndicator {
  return {
    name: emptyText(),
    kind: 'statistics',
    series: 'cohortChange',
    ageBand: '20-39',
    measure: '',
    campaignId: '',
    survey: 'resident',
    question: 'pride',
    mediaLevel: '',
    baseline: '',
    target: '',
    from: '',
    to: '',
  };
}

/** The measure a kind starts with when it is chosen. */
export const DEFAULT_MEASURE: Record<IndicatorSource['kind'], string> = {
  statistics: '',
  campaign: 'movedWithin6Months',
  survey: '',
  count: 'startups',
  siteVisits: 'views',
};

export function toDraft(p: Programme): Draft {
  return {
    mainGoal: { ...p.mainGoal },
    phases: p.phases.map((x) => ({ name: x.name, from: x.from, to: x.to ?? '' })),
    subGoals: p.subGoals.map((s) => ({
      title: { ...s.title },
      indicators: s.indicators.map((i) => {
        const d: DraftIndicator = {
          ...emptyIndicator(),
          name: { ...i.name },
          kind: i.source.kind,
          baseline: i.baseline === null ? '' : String(i.baseline),
          target: String(i.target),
          from: i.period?.from ?? '',
          to: i.period?.to ?? '',
        };
        const s = i.source;
        if (s.kind === 'statistics')
          Object.assign(d, { series: s.series, ageBand: s.ageBand ?? '' });
        if (s.kind === 'campaign')
          Object.assign(d, { measure: s.measure, campaignId: s.campaignId ?? '' });
        if (s.kind === 'survey') Object.assign(d, { survey: s.survey, question: s.question });
        if (s.kind === 'count')
          Object.assign(d, { measure: s.measure, mediaLevel: s.mediaLevel ?? '' });
        if (s.kind === 'siteVisits') d.measure = s.measure;
        return d;
      }),
    })),
  };
}

function sourceOf(d: DraftIndicator): IndicatorSource {
  switch (d.kind) {
    case 'statistics':
      return { kind: 'statistics', series: d.series, ageBand: d.ageBand || null };
    case 'campaign':
      return { kind: 'campaign', measure: d.measure, campaignId: d.campaignId || null };
    case 'survey':
      return { kind: 'survey', survey: d.survey, question: d.question };
    case 'count':
      return {
        kind: 'count',
        measure: d.measure,
        mediaLevel: (d.mediaLevel || null) as 'national' | 'regional' | 'local' | null,
      };
    case 'siteVisits':
      return { kind: 'siteVisits', measure: d.measure };
  }
}

/** A number as typed in Norwegian or English ("1 200,5"); NaN when it is not one. */
export const parseNumber = (s: string): number =>
  s.trim() === '' ? Number.NaN : Number(s.replace(/\s/g, '').replace(',', '.'));

/**
 * The API's shape, and what is plainly wrong before it is sent (by input path): a number that
 * is not one, a target without its period. Said in the reader's language at once.
 */
export interface BadField {
  path: string;
  why: 'number' | 'period' | 'date';
}

export function fromDraft(d: Draft): { input: ProgrammeInput; bad: BadField[] } {
  const bad: BadField[] = [];
  d.phases.forEach((p, i) => {
    if (!p.from) bad.push({ path: `phases.${i}.from`, why: 'date' });
  });
  const input: ProgrammeInput = {
    mainGoal: d.mainGoal,
    phases: d.phases.map((p) => ({ name: p.name, from: p.from, to: p.to || null })),
    subGoals: d.subGoals.map((s, i) => ({
      title: s.title,
      indicators: s.indicators.map((x, j) => {
        const at = `subGoals.${i}.indicators.${j}`;
        const baseline = x.baseline.trim() === '' ? null : parseNumber(x.baseline);
        const target = parseNumber(x.target);
        if (baseline !== null && Number.isNaN(baseline)) {
          bad.push({ path: `${at}.baseline`, why: 'number' });
        }
        if (Number.isNaN(target)) bad.push({ path: `${at}.target`, why: 'number' });
        if (!x.from || !x.to) {
          bad.push({ path: `${at}.period.${x.from ? 'to' : 'from'}`, why: 'period' });
        }
        return {
          name: x.name,
          source: sourceOf(x),
          baseline,
          target,
          period: x.from || x.to ? { from: x.from, to: x.to } : null,
        };
      }),
    })),
  };
  return { input, bad };
}

/** The input id of an API field path; a missing period points at its first date. */
export const inputId = (path: string): string =>
  `p-${path.replace(/\./g, '-')}${path.endsWith('.period') ? '-from' : ''}`;
