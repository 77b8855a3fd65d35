import i18next, { type TFunction } from 'i18next';
import { business as enBusiness } from './en/business.js';
import { calling as enCalling } from './en/calling.js';
import { common as enCommon } from './en/common.js';
import { content as enContent } from './en/content.js';
import { events as enEvents } from './en/events.js';
import { followup as enFollowup } from './en/followup.js';
import { goals as enGoals } from './en/goals.js';
import { jobs as enJobs } from './en/jobs.js';
import { newcomers as enNewcomers } from './en/newcomers.js';
import { office as enOffice } from './en/office.js';
import { privacy as enPrivacy } from './en/privacy.js';
import { progress as enProgress } from './en/progress.js';
import { referral as enReferral } from './en/referral.js';
import { reports as enReports } from './en/reports.js';
import { site as enSite } from './en/site.js';
import { sso as enSso } from './en/sso.js';
import { statistics as enStatistics } from './en/statistics.js';
import { surveys as enSurveys } from './en/surveys.js';
import { DEFAULT_LOCALE, LOCALES, type Locale } from './locales.js';
import { business as nbBusiness } from './nb/business.js';
import { calling as nbCalling } from './nb/calling.js';
import { common as nbCommon } from './nb/common.js';
import { content as nbContent } from './nb/content.js';
import { events as nbEvents } from './nb/events.js';
import { followup as nbFollowup } from './nb/followup.js';
import { goals as nbGoals } from './nb/goals.js';
import { jobs as nbJobs } from './nb/jobs.js';
import { newcomers as nbNewcomers } from './nb/newcomers.js';
import { office as nbOffice } from './nb/office.js';
import { privacy as nbPrivacy } from './nb/privacy.js';
import { progress as nbProgress } from './nb/progress.js';
import { referral as nbReferral } from './nb/referral.js';
import { reports as nbReports } from './nb/reports.js';
import { site as nbSite } from './nb/site.js';
import { sso as nbSso } from './nb/sso.js';
import { statistics as nbStatistics } from './nb/statistics.js';
import { surveys as nbSurveys } from './nb/surveys.js';
import { business as nnBusiness } from './nn/business.js';
import { calling as nnCalling } from './nn/calling.js';
import { common as nnCommon } from './nn/common.js';
import { content as nnContent } from './nn/content.js';
import { events as nnEvents } from './nn/events.js';
import { followup as nnFollowup } from './nn/followup.js';
import { goals as nnGoals } from './nn/goals.js';
import { jobs as nnJobs } from './nn/jobs.js';
import { newcomers as nnNewcomers } from './nn/newcomers.js';
import { office as nnOffice } from './nn/office.js';
import { privacy as nnPrivacy } from './nn/privacy.js';
import { progress as nnProgress } from './nn/progress.js';
import { referral as nnReferral } from './nn/referral.js';
import { reports as nnReports } from './nn/reports.js';
import { site as nnSite } from './nn/site.js';
import { sso as nnSso } from './nn/sso.js';
import { statistics as nnStatistics } from './nn/statistics.js';
import { surveys as nnSurveys } from './nn/surveys.js';

/**
 * Every namespace in every language. A namespace is one file per language under
 * nb/, nn/ and en/; the nn and en files are typed against nb, so a missing key fails the
 * typecheck. South Sámi (sma) will be a fourth folder with the same shape.
 */
export const resources = {
  nb: {
    business: nbBusiness,
    calling: nbCalling,
    common: nbCommon,
    content: nbContent,
    events: nbEvents,
    followup: nbFollowup,
    goals: nbGoals,
    jobs: nbJobs,
    newcomers: nbNewcomers,
    office: nbOffice,
    progress: nbProgress,
    privacy: nbPrivacy,
    referral: nbReferral,
    reports: nbReports,
    site: nbSite,
    sso: nbSso,
    statistics: nbStatistics,
    surveys: nbSurveys,
  },
  nn: {
    business: nnBusiness,
    calling: nnCalling,
    common: nnCommon,
    content: nnContent,
    events: nnEvents,
    followup: nnFollowup,
    goals: nnGoals,
    jobs: nnJobs,
    newcomers: nnNewcomers,
    office: nnOffice,
    progress: nnProgress,
    privacy: nnPrivacy,
    referral: nnReferral,
    reports: nnReports,
    site: nnSite,
    sso: nnSso,
    statistics: nnStatistics,
    surveys: nnSurveys,
  },
  en: {
    business: enBusiness,
    calling: enCalling,
    common: enCommon,
    content: enContent,
    events: enEvents,
    followup: enFollowup,
    goals: enGoals,
    jobs: enJobs,
    newcomers: enNewcomers,
    office: enOffice,
    progress: enProgress,
    privacy: enPrivacy,
    referral: enReferral,
    reports: enReports,
    site: enSite,
    sso: enSso,
    statistics: enStatistics,
    surveys: enSurveys,
  },
} satisfies Record<Locale, Record<string, unknown>>;

export type Namespace = keyof (typeof resources)['nb'];

const instance = i18next.createInstance();
void instance.init({
  resources,
  lng: DEFAULT_LOCALE,
  fallbackLng: DEFAULT_LOCALE,
  supportedLngs: [...LOCALES],
  defaultNS: 'common',
  ns: Object.keys(resources.nb),
  interpolation: { escapeValue: false },
  initAsync: false,
  showSupportNotice: false,
} as Parameters<typeof instance.init>[0]);

/** A translate function fixed to one language (server side). */
export function translator(locale: Locale, ns: Namespace = 'common'): TFunction {
  return instance.getFixedT(locale, ns);
}
