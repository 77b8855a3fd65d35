import { employer } from './employer.js';
import { resident } from './resident.js';
import type { SurveyDefinition } from './types.js';
import { wellbeing } from './wellbeing.js';

/**
 * Every survey the product can send. Adding one (the resident survey) is one file beside
 * these and a line here. Keep old versions' question keys meaningful: responses keep theirs.
 */
export const SURVEYS: Record<string, SurveyDefinition> = {
  [wellbeing.key]: wellbeing,
  [employer.key]: employer,
  [resident.key]: resident,
};

export const SURVEY_KEYS = Object.keys(SURVEYS);

export function surveyDefinition(key: string): SurveyDefinition | undefined {
  return Object.hasOwn(SURVEYS, key) ? SURVEYS[key] : undefined;
}
