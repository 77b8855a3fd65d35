import type { DataPoint, IndicatorSource } from '../../../contracts/goals.js';
import type { Db } from '../../db/database.js';
import { employerLabourAccessIndicator } from '../business/employers.survey.js';
import { startupsEstablishedIndicator } from '../business/startups.service.js';
import { getFunnel } from '../followup/funnel.service.js';
import type { Actor } from '../referral/campaigns.service.js';
import { listCampaigns } from '../referral/campaigns.service.js';
import { siteVisitsIndicator } from '../site/site.visits.js';
import { getAgeStatistics } from '../statistics/statistics.age.service.js';
import { figuresFor, regionContext } from '../statistics/statistics.service.js';
import { summariseSurvey } from '../surveys/surveys.service.js';
import * as repo from './goals.repo.js';

/**
 * Reads one indicator's yearly data points from the module that holds the data, through its
 * service. Every survey value comes from the engine's suppressed summary: a group under five
 * is null, never a number.
 */

export interface SourceContext {
  db: Db;
  regionId: string;
  regionSlug: string;
  /** YYYY-MM-DD, inclusive. */
  from: string;
  to: string;
  years: number[];
  /** Reads other modules' figures as the region's programme leader would see them. */
  reader: Actor;
}

const point = (label: string, value: number | null, suppressed = false): DataPoint => ({
  label,
  value,
  suppressed,
});

/** The part of a year inside the evaluated period. */
function clip(ctx: SourceContext, year: number): { from: string; to: string } {
  const from = `${year}-01-01` < ctx.from ? ctx.from : `${year}-01-01`;
  const to = `${year}-12-31` > ctx.to ? ctx.to : `${year}-12-31`;
  return { from, to };
}

async function statistics(
  ctx: SourceContext,
  source: Extract<IndicatorSource, { kind: 'statistics' }>,
): Promise<DataPoint[]> {
  if (source.series === 'cohortChange') {
    const age = await getAgeStatistics(ctx.db, ctx.regionSlug, 'nb');
    const band = source.ageBand as keyof (typeof age.regionYears)[number]['cohortChange'];
    const byYear = new Map(age.regionYears.map((y) => [String(y.year), y.cohortChange[band]]));
    return ctx.years.map((y) => point(String(y), byYear.get(String(y)) ?? null));
  }
  const region = await regionContext(ctx.db, ctx.regionSlug);
  const quarters = ctx.years.flatMap((y) => [1, 2, 3, 4].map((q) => `${y}K${q}`));
  const figures = await figuresFor(ctx.db, region, quarters);
  return ctx.years.map((y) => {
    let sum: number | null = null;
    for (let q = 1; q <= 4; q++) {
      const v = figures.get(`${y}K${q}`)?.region.netMigration.value ?? null;
      if (v !== null) sum = (sum ?? 0) + v;
    }
    return point(String(y), sum);
  });
}

async function campaign(
  ctx: SourceContext,
  source: Extract<IndicatorSource, { kind: 'campaign' }>,
): Promise<DataPoint[]> {
  const scope = { regionIds: [ctx.regionId], municipalityCodes: 'all' as const };
  const campaigns = (await listCampaigns(ctx.db, scope)).filter(
    (c) => c.regionId === ctx.regionId && (!source.campaignId || c.id === source.campaignId),
  );
  const byYear = new Map<number, number>();
  for (const c of campaigns) {
    const day = [...c.callingDays].sort()[0];
    if (!day) continue;
    const year = Number(day.slice(0, 4));
    if (!ctx.years.includes(year)) continue;
    const funnel = await getFunnel(ctx.db, ctx.reader, c.id);
    const v = source.measure === 'called' ? funnel.total.called : funnel.total.movedWithin6Months;
    byYear.set(year, (byYear.get(year) ?? 0) + v);
  }
  return ctx.years.map((y) => point(String(y), byYear.get(y) ?? null));
}

/**
 * A 1–5 question's mean from the engine's suppressed summary (null under five answers, and
 * marked suppressed when there were answers at all). The employer survey's labour access is
 * the business module's own indicator: the share answering 4 or 5.
 */
async function surveyValue(
  ctx: SourceContext,
  source: Extract<IndicatorSource, { kind: 'survey' }>,
  year: number,
): Promise<DataPoint> {
  const label = String(year);
  if (source.survey === 'employer' && source.question === 'labourAccess') {
    const r = await employerLabourAccessIndicator(ctx.db, { regionId: ctx.regionId, year });
    return point(label, r.share, r.share === null && r.answers > 0);
  }
  // Resident and employer waves are years; newcomer check-ins are counted by answer quarter.
  const byWave = source.survey !== 'wellbeing';
  const summary = await summariseSurvey(ctx.db, {
    regionId: ctx.regionId,
    surveyKey: source.survey,
    wave: byWave ? label : undefined,
    from: byWave ? undefined : `${year}K1`,
    to: byWave ? undefined : `${year}K4`,
    groupBy: 'region',
  });
  const group = summary.groups.find((g) => g.key === ctx.regionId) ?? summary.groups[0];
  if (!group) return point(label, null);
  const mean = group.questions.find((q) => q.key === source.question)?.mean ?? null;
  return point(label, mean, mean === null);
}

async function counts(
  ctx: SourceContext,
  source: Extract<IndicatorSource, { kind: 'count' }>,
): Promise<DataPoint[]> {
  if (source.measure === 'mediaMentions') {
    const byYear = await repo.countMediaByYear(
      ctx.db,
      ctx.regionId,
      { from: ctx.from, to: ctx.to },
      source.mediaLevel,
    );
    return ctx.years.map((y) => point(String(y), byYear.get(String(y)) ?? 0));
  }
  return Promise.all(
    ctx.years.map(async (year) => {
      const r = await startupsEstablishedIndicator(ctx.db, { regionId: ctx.regionId, year });
      return point(String(year), r.total);
    }),
  );
}

export async function pointsOf(ctx: SourceContext, source: IndicatorSource): Promise<DataPoint[]> {
  switch (source.kind) {
    case 'statistics':
      return statistics(ctx, source);
    case 'campaign':
      return campaign(ctx, source);
    case 'survey':
      return Promise.all(ctx.years.map((y) => surveyValue(ctx, source, y)));
    case 'count':
      return counts(ctx, source);
    case 'siteVisits':
      return Promise.all(
        ctx.years.map(async (y) => {
          const r = await siteVisitsIndicator(ctx.db, { regionId: ctx.regionId, ...clip(ctx, y) });
          return point(String(y), source.measure === 'englishViews' ? r.englishViews : r.views);
        }),
      );
  }
}
