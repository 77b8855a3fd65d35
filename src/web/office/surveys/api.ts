/** The survey screens' client for /api (results, downloads, check-in waves). */
import type {
  CheckInSettings,
  GroupBy,
  SurveyInfo,
  SurveyList,
  SurveySummary,
} from '../../../contracts/surveys.js';
import { call } from '../api-call.js';

export type { CheckInSettings, GroupBy, SurveyInfo, SurveySummary };

export interface SummaryFilter {
  region?: string | undefined;
  groupBy: GroupBy;
  wave?: string | undefined;
  from?: string | undefined;
  to?: string | undefined;
}

function query(filter: SummaryFilter, lang?: string): string {
  const search = new URLSearchParams({ groupBy: filter.groupBy });
  for (const key of ['region', 'wave', 'from', 'to'] as const) {
    const value = filter[key];
    if (value) search.set(key, value);
  }
  if (lang) search.set('lang', lang);
  return `?${search}`;
}

const id = encodeURIComponent;
const regionQuery = (region?: string) => (region ? `?region=${id(region)}` : '');

export const surveysApi = {
  list: (lang: string) => call<SurveyList>('GET', `/api/surveys?lang=${id(lang)}`),
  summary: (survey: string, filter: SummaryFilter) =>
    call<SurveySummary>('GET', `/api/surveys/${id(survey)}/summary${query(filter)}`),
  exportUrl: (survey: string, filter: SummaryFilter, format: 'csv' | 'xlsx', lang: string) =>
    `/api/surveys/${id(survey)}/summary.${format}${query(filter, lang)}`,
  checkIns: (region?: string) =>
    call<CheckInSettings>('GET', `/api/surveys/check-ins${regionQuery(region)}`),
  saveCheckIns: (months: number[], region?: string) =>
    call<CheckInSettings>(
      'PUT',
      '/api/surveys/check-ins',
      region ? { region, months } : { months },
    ),
};
