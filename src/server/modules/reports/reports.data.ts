import type { Funnel } from '../../../contracts/followup.js';
import type { GoalsEvaluation } from '../../../contracts/goals.js';
import type { SurveyInfo, SurveySummary } from '../../../contracts/surveys.js';
import type { Locale } from '../../../web/i18n/locales.js';
import type { Db } from '../../db/database.js';
import type { Principal } from '../../plugins/access.js';
import { getFunnel } from '../followup/funnel.service.js';
import { evaluateGoals } from '../goals/goals.evaluate.js';
import { listCampaigns } from '../referral/campaigns.service.js';
import { getRegionById } from '../regions/regions.service.js';
import {
  availableQuarters,
  getQuarterSummary,
  regionContext,
} from '../statistics/statistics.service.js';
import { listSurveys } from '../surveys/results.service.js';
import { summariseSurvey } from '../surveys/surveys.service.js';

/** Everything one council report shows, gathered once and drawn as PDF or XLSX. */

export interface QuarterFigures {
  quarter: string;
  popEnd: number | null;
  movedIn: number | null;
  netMigration: number | null;
  growth: number | null;
  /** The programme's published paragraph for the quarter (statistics module). */
  summary: string;
}

export interface SurveySection {
  info: SurveyInfo;
  summary: SurveySummary;
}

export interface CouncilReportData {
  region: { id: string; slug: string; name: string };
  from: string;
  to: string;
  locale: Locale;
  generatedAt: string;
  goals: GoalsEvaluation;
  quarters: QuarterFigures[];
  funnels: Funnel[];
  surveys: SurveySection[];
}

/** The SSB quarter a day falls in (2026-05-14 → 2026K2). */
export function quarterOf(day: string): string {
  const month = Number(day.slice(5, 7));
  return `${day.slice(0, 4)}K${Math.floor((month - 1) / 3) + 1}`;
}

/** Reads other modules as the region's programme leader would: the whole region, no more. */
function readerOf(regionId: string): Principal {
  return {
    userId: 'council-report',
    email: 'council-report',
    name: 'Council report',
    role: 'programme_leader',
    regionId,
    municipalityCodes: [],
    campaignId: null,
    via: 'token',
    mfaEnrolmentRequired: false,
  };
}

async function quarterFigures(
  db: Db,
  slug: string,
  from: string,
  to: string,
  locale: Locale,
): Promise<QuarterFigures[]> {
  const first = quarterOf(from);
  const last = quarterOf(to);
  const ctx = await regionContext(db, slug);
  const quarters = (await availableQuarters(db, ctx)).filter((q) => q >= first && q <= last);
  const out: QuarterFigures[] = [];
  for (const quarter of quarters) {
    const s = await getQuarterSummary(db, slug, quarter, locale);
    out.push({
      quarter,
      popEnd: s.figures.popEnd.value,
      movedIn: s.figures.movedIn.value,
      netMigration: s.figures.netMigration.value,
      growth: s.figures.growth.value,
      summary: s.text,
    });
  }
  return out;
}

/** Campaigns that ran (start to end) at some time in the period, with their funnels. */
async function funnelsOf(db: Db, regionId: string, from: string, to: string): Promise<Funnel[]> {
  const reader = { principal: readerOf(regionId), ip: null };
  const campaigns = await listCampaigns(db, { regionIds: [regionId], municipalityCodes: 'all' });
  const inPeriod = campaigns
    .filter((c) => c.startsOn <= to && c.endsOn >= from)
    .sort((a, b) => a.startsOn.localeCompare(b.startsOn));
  const out: Funnel[] = [];
  for (const c of inPeriod) out.push(await getFunnel(db, reader, c.id));
  return out;
}

/**
 * Survey answers in the period's quarters for the whole region. The surveys module hides every
 * group and cell under five (and what could reveal one) before anything reaches the report.
 */
async function surveysOf(
  db: Db,
  regionId: string,
  from: string,
  to: string,
  locale: Locale,
): Promise<SurveySection[]> {
  const out: SurveySection[] = [];
  for (const info of listSurveys(locale).surveys) {
    const summary = await summariseSurvey(db, {
      regionId,
      surveyKey: info.key,
      groupBy: 'region',
      from: quarterOf(from),
      to: quarterOf(to),
    });
    if (summary.groups.length > 0) out.push({ info, summary });
  }
  return out;
}

export async function collectCouncilReport(
  db: Db,
  input: { regionId: string; from: string; to: string; locale: Locale; now: Date },
): Promise<CouncilReportData> {
  const { regionId, from, to, locale } = input;
  const region = await getRegionById(db, regionId);
  return {
    region: { id: region.id, slug: region.slug, name: region.name },
    from,
    to,
    locale,
    generatedAt: input.now.toISOString(),
    goals: await evaluateGoals(db, { regionId, from, to }),
    quarters: await quarterFigures(db, region.slug, from, to, locale),
    funnels: await funnelsOf(db, regionId, from, to),
    surveys: await surveysOf(db, regionId, from, to, locale),
  };
}

/** Whether the report would show anything at all; an empty report is refused, not printed. */
export function hasData(report: CouncilReportData): boolean {
  // Counts (start-ups, media mentions, visits) are 0 for any year at all: only a figure
  // other than zero says the period has goal data.
  const goalPoints = report.goals.subGoals.some((s) =>
    s.indicators.some((i) => i.points.some((p) => p.value !== null && p.value !== 0)),
  );
  return (
    goalPoints ||
    report.quarters.length > 0 ||
    report.funnels.length > 0 ||
    report.surveys.length > 0
  );
}
