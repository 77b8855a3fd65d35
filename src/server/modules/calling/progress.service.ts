import type {
  CallerProgress,
  CampaignProgress,
  MunicipalityProgress,
  ProgressCounts,
} from '../../../contracts/calling-progress.js';
import type { Db } from '../../db/database.js';
import type { Clock } from '../../deps.js';
import { notFound } from '../../errors.js';
import { type Principal, scopeOf } from '../../plugins/access.js';
import { resolveApiToken } from '../auth/session.service.js';
import { getCampaign } from '../referral/campaigns.service.js';
import { getRegionById } from '../regions/regions.service.js';
import * as repo from './progress.repo.js';

/** The topic the calling module publishes a campaign id on after each committed claim or outcome. */
export const PROGRESS_TOPIC = 'campaign-progress';

/**
 * Everything about one campaign's progress that any viewer may be shown a part of. Read once
 * and shared by every live screen of the campaign in this process (see progress.hub.ts);
 * `viewFor` cuts out what one person may see.
 */
export interface FullProgress {
  campaignId: string;
  campaignName: string;
  regionId: string;
  isDemo: boolean;
  targetCalls: number | null;
  /** Every municipality of the region, in the region's order, with zeros where nothing happened. */
  municipalities: MunicipalityProgress[];
  callers: repo.CallerCountsRow[];
  asOf: string;
}

/** The campaign a principal may follow: 404 for another region's, or another campaign's caller. */
export async function campaignForProgress(db: Db, principal: Principal, campaignId: string) {
  if (principal.role === 'caller' && principal.campaignId && principal.campaignId !== campaignId) {
    throw notFound('The campaign');
  }
  return getCampaign(db, scopeOf(principal), campaignId);
}

const emptyCounts = (): ProgressCounts => ({
  calls: 0,
  reached: 0,
  interested: 0,
  remaining: 0,
  inProgress: 0,
  carded: 0,
});

/** Reads the whole region's progress of a campaign: four small queries, none per municipality. */
export async function loadFullProgress(
  db: Db,
  clock: Clock,
  campaignId: string,
): Promise<FullProgress> {
  const campaign = await getCampaign(
    db,
    { regionIds: 'all', municipalityCodes: 'all' },
    campaignId,
  );
  const region = await getRegionById(db, campaign.regionId);
  const codes = region.municipalities.map((m) => m.code);
  const now = clock.now().toISOString();
  const counts = new Map(
    (await repo.countByMunicipality(db, campaignId, codes, now)).map((r) => [
      r.municipalityCode,
      r,
    ]),
  );
  const callers = await repo.countByCaller(db, campaignId, codes, null);
  return {
    campaignId,
    campaignName: campaign.name,
    regionId: campaign.regionId,
    isDemo: region.isDemo,
    targetCalls: campaign.targets.calls ?? null,
    municipalities: region.municipalities.map((m) => {
      const { municipalityCode: _, ...c } = counts.get(m.code) ?? {
        municipalityCode: m.code,
        ...emptyCounts(),
      };
      return { code: m.code, name: m.name, ...c };
    }),
    callers,
    asOf: now,
  };
}

function sumCounts(rows: ProgressCounts[]): ProgressCounts {
  const total = emptyCounts();
  for (const r of rows) {
    for (const key of Object.keys(total) as Array<keyof ProgressCounts>) total[key] += r[key];
  }
  return total;
}

/**
 * What one person sees: admins and programme leaders the whole region; hosts their
 * municipalities; callers their municipality's totals and only their own row of callers.
 */
export function viewFor(full: FullProgress, principal: Principal): CampaignProgress {
  const whole = principal.role === 'admin' || principal.role === 'programme_leader';
  const mine = new Set(principal.municipalityCodes);
  const municipalities = whole
    ? full.municipalities
    : full.municipalities.filter((m) => mine.has(m.code));
  const visible = new Set(municipalities.map((m) => m.code));
  const perCaller = new Map<string, CallerProgress>();
  for (const row of full.callers) {
    if (!visible.has(row.municipalityCode)) continue;
    if (principal.role === 'caller' && row.callerId !== principal.userId) continue;
    const seen = perCaller.get(row.callerId) ?? {
      callerId: row.callerId,
      name: row.name,
      calls: 0,
      reached: 0,
      interested: 0,
    };
    seen.calls += row.calls;
    seen.reached += row.reached;
    seen.interested += row.interested;
    perCaller.set(row.callerId, seen);
  }
  const collator = new Intl.Collator('nb');
  const callers = [...perCaller.values()].sort(
    (a, b) => b.calls - a.calls || collator.compare(a.name, b.name),
  );
  const totals = sumCounts(municipalities);
  return {
    campaignId: full.campaignId,
    campaignName: full.campaignName,
    isDemo: full.isDemo,
    scope: whole ? 'region' : 'municipalities',
    totals,
    municipalities,
    callers,
    target:
      whole && full.targetCalls
        ? {
            calls: full.targetCalls,
            percent: Math.floor((100 * totals.calls) / full.targetCalls),
          }
        : null,
    asOf: full.asOf,
  };
}

/** GET /api/campaigns/:campaignId/progress, and the first event of a live stream. */
export async function getCampaignProgress(
  db: Db,
  clock: Clock,
  principal: Principal,
  campaignId: string,
): Promise<CampaignProgress> {
  await campaignForProgress(db, principal, campaignId);
  return viewFor(await loadFullProgress(db, clock, campaignId), principal);
}

/** How a live stream's viewer signed in, so the stream can stop when that ends. */
export type Credential = { kind: 'session'; sessionId: string } | { kind: 'token'; token: string };

/**
 * Still signed in? A live screen is not activity: the session is only checked, not
 * extended, so the idle limit still signs out someone who walked away.
 */
export async function stillSignedIn(db: Db, clock: Clock, credential: Credential) {
  if (credential.kind === 'session') {
    return repo.sessionStillValid(db, credential.sessionId, clock.now().toISOString());
  }
  return (await resolveApiToken(db, clock, credential.token)) !== undefined;
}
