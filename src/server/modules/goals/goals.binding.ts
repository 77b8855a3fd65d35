import {
  CAMPAIGN_MEASURES,
  COUNT_MEASURES,
  type IndicatorSource,
  STATISTICS_SERIES,
  type Unit,
  VISIT_MEASURES,
} from '../../../contracts/goals.js';
import { AGE_GROUP_KEYS } from '../../../contracts/statistics.js';
import type { FieldIssue } from '../../errors.js';
import { surveyDefinition } from '../surveys/definitions/index.js';

/**
 * What an indicator may be bound to, checked with messages that say what exists, so that a
 * programme never holds an indicator that can only ever show "no data".
 */

const list = (xs: readonly string[]) => xs.join(', ');
const has = (xs: readonly string[], x: string) => xs.includes(x);

/** The surveys indicators may read: their 1–5 questions. */
export const GOAL_SURVEYS = ['resident', 'employer', 'wellbeing'] as const;

export function scaleQuestions(surveyKey: string): string[] {
  const def = surveyDefinition(surveyKey);
  return def ? def.questions.filter((q) => q.type === 'scale5').map((q) => q.key) : [];
}

export function checkSource(
  source: IndicatorSource,
  at: string,
  campaignIds: ReadonlySet<string>,
): FieldIssue[] {
  const issue = (field: string, message: string) => [{ field: `${at}.${field}`, message }];
  switch (source.kind) {
    case 'statistics':
      if (!has(STATISTICS_SERIES, source.series)) {
        return issue(
          'series',
          `There is no statistics series "${source.series}" (there are: ${list(STATISTICS_SERIES)})`,
        );
      }
      if (source.series === 'netMigration') {
        return source.ageBand === null
          ? []
          : issue('ageBand', 'Net migration (table 01222) has no age bands: leave it empty');
      }
      if (source.ageBand === null || !has(AGE_GROUP_KEYS, source.ageBand)) {
        return issue(
          'ageBand',
          `There is no age band "${source.ageBand ?? ''}" (there are: ${list(AGE_GROUP_KEYS)})`,
        );
      }
      return [];
    case 'campaign':
      if (!has(CAMPAIGN_MEASURES, source.measure)) {
        return issue('measure', `Unknown campaign measure (there are: ${list(CAMPAIGN_MEASURES)})`);
      }
      if (source.campaignId !== null && !campaignIds.has(source.campaignId)) {
        return issue('campaignId', 'There is no such campaign in this region');
      }
      return [];
    case 'survey': {
      if (!has(GOAL_SURVEYS, source.survey) || !surveyDefinition(source.survey)) {
        return issue(
          'survey',
          `There is no survey "${source.survey}" (there are: ${list(GOAL_SURVEYS)})`,
        );
      }
      const questions = scaleQuestions(source.survey);
      return has(questions, source.question)
        ? []
        : issue(
            'question',
            `The survey has no 1–5 question "${source.question}" (there are: ${list(questions)})`,
          );
    }
    case 'count':
      if (!has(COUNT_MEASURES, source.measure)) {
        return issue('measure', `Unknown count (there are: ${list(COUNT_MEASURES)})`);
      }
      return source.mediaLevel !== null && source.measure !== 'mediaMentions'
        ? issue('mediaLevel', 'Only media mentions have a level')
        : [];
    case 'siteVisits':
      return has(VISIT_MEASURES, source.measure)
        ? []
        : issue('measure', `Unknown visit measure (there are: ${list(VISIT_MEASURES)})`);
  }
}

export function unitOf(source: IndicatorSource): Unit {
  switch (source.kind) {
    case 'statistics':
    case 'campaign':
      return 'people';
    case 'survey':
      return source.survey === 'employer' && source.question === 'labourAccess' ? 'share' : 'mean5';
    case 'count':
      return 'count';
    case 'siteVisits':
      return 'views';
  }
}
