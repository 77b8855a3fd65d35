import type { GoalsEvaluation } from '../../../contracts/goals.js';
import type { Db } from '../../db/database.js';
import { invalid } from '../../errors.js';
import type { Principal } from '../../plugins/access.js';
import { getRegionById } from '../regions/regions.service.js';
import { getProgramme } from './goals.service.js';
import { pointsOf, type SourceContext } from './goals.sources.js';
import { latestOf, statusOf } from './goals.status.js';

export type { GoalsEvaluation } from '../../../contracts/goals.js';

const DAY = /^\d{4}-\d{2}-\d{2}$/;

/** Reads other modules as the region's programme leader: the whole region, nothing more. */
function readerOf(regionId: string): Principal {
  return {
    userId: 'goals',
    email: 'goals',
    name: 'Goals evaluation',
    role: 'programme_leader',
    regionId,
    municipalityCodes: [],
    campaignId: null,
    via: 'token',
    mfaEnrolmentRequired: false,
  };
}

/**
 * Every indicator of the region's programme with its yearly data points in the period
 * (ISO dates, both included), its latest value and its status. A region without a programme
 * gets an empty evaluation (mainGoal null), not an error. Used by the dashboard and by the
 * council report.
 */
export async function evaluateGoals(
  db: Db,
  input: { regionId: string; from: string; to: string },
): Promise<GoalsEvaluation> {
  if (!DAY.test(input.from)) throw invalid([{ field: 'from', message: 'A date as YYYY-MM-DD' }]);
  if (!DAY.test(input.to)) throw invalid([{ field: 'to', message: 'A date as YYYY-MM-DD' }]);
  if (input.from > input.to) {
    throw invalid([{ field: 'to', message: 'The period ends before it starts' }]);
  }
  if (Number(input.to.slice(0, 4)) - Number(input.from.slice(0, 4)) > 30) {
    throw invalid([{ field: 'from', message: 'At most 30 years at a time' }]);
  }
  const region = await getRegionById(db, input.regionId);
  const programme = await getProgramme(db, input.regionId);
  const empty = { regionId: input.regionId, from: input.from, to: input.to };
  if (!programme) return { ...empty, programme: { mainGoal: null, phases: [] }, subGoals: [] };
  const first = Number(input.from.slice(0, 4));
  const last = Number(input.to.slice(0, 4));
  const ctx: SourceContext = {
    db,
    regionId: input.regionId,
    regionSlug: region.slug,
    from: input.from,
    to: input.to,
    years: Array.from({ length: last - first + 1 }, (_, i) => first + i),
    reader: { principal: readerOf(input.regionId), ip: null },
  };
  const subGoals = [];
  for (const s of programme.subGoals) {
    const indicators = [];
    for (const ind of s.indicators) {
      const points = await pointsOf(ctx, ind.source);
      const latest = latestOf(points);
      indicators.push({ ...ind, points, latest, status: statusOf({ ...ind, latest }) });
    }
    subGoals.push({ id: s.id, title: s.title, indicators });
  }
  return {
    ...empty,
    programme: { mainGoal: programme.mainGoal, phases: programme.phases },
    subGoals,
  };
}
