import type { Funnel, FunnelFigures } from '../../../contracts/followup.js';
import type { Db } from '../../db/database.js';
import type { Clock } from '../../deps.js';
import { scopeOf } from '../../plugins/access.js';
import { recordAudit } from '../audit/audit.service.js';
import { type Actor, auditActor, getCampaign } from '../referral/campaigns.service.js';
import { getRegionById } from '../regions/regions.service.js';
import * as repo from './pipeline.repo.js';

/** The cohort chart runs a year after the calling day, like the 12-month figure. */
export const COHORT_MONTHS = 12;

/** `day` plus `months` calendar months; the 31st becomes the month's last day when it must. */
export function addMonths(day: string, months: number): string {
  const [y, m, d] = day.split('-').map(Number) as [number, number, number];
  const first = new Date(Date.UTC(y, m - 1 + months, 1));
  const last = new Date(Date.UTC(first.getUTCFullYear(), first.getUTCMonth() + 1, 0)).getUTCDate();
  first.setUTCDate(Math.min(d, last));
  return first.toISOString().slice(0, 10);
}

/**
 * The month after the calling day a move falls in: 1 for [day, day + 1 month), and so on.
 * A move recorded before the calling day counts in month 1 (they moved within it).
 */
export function monthOfMove(callingDay: string, movedInOn: string): number {
  let month = 1;
  while (movedInOn >= addMonths(callingDay, month)) month += 1;
  return month;
}

interface Tally {
  tipped: number;
  carded: number;
  called: number;
  reached: number;
  interested: number;
  moved6: number;
  moved12: number;
  reachedMoved: number;
  notReachedCalled: number;
  notReachedMoved: number;
}

const emptyTally = (): Tally => ({
  tipped: 0,
  carded: 0,
  called: 0,
  reached: 0,
  interested: 0,
  moved6: 0,
  moved12: 0,
  reachedMoved: 0,
  notReachedCalled: 0,
  notReachedMoved: 0,
});

const rate = (part: number, whole: number) => (whole === 0 ? null : part / whole);

function figures(t: Tally): FunnelFigures {
  return {
    tipped: t.tipped,
    carded: t.carded,
    called: t.called,
    reached: t.reached,
    interested: t.interested,
    movedWithin6Months: t.moved6,
    movedWithin12Months: t.moved12,
    reachedMoved: t.reachedMoved,
    notReachedCalled: t.notReachedCalled,
    notReachedMoved: t.notReachedMoved,
    reachedMoveRate: rate(t.reachedMoved, t.reached),
    notReachedMoveRate: rate(t.notReachedMoved, t.notReachedCalled),
  };
}

function count(t: Tally, row: repo.FunnelRow, month: number | null): void {
  const moved12 = month !== null && month <= 12;
  t.tipped += 1;
  if (row.cardedAt) t.carded += 1;
  if (row.firstCalledAt) t.called += 1;
  if (row.reachedAt) t.reached += 1;
  if (row.interestedAt) t.interested += 1;
  if (month !== null && month <= 6) t.moved6 += 1;
  if (moved12) t.moved12 += 1;
  if (row.reachedAt && moved12) t.reachedMoved += 1;
  if (row.firstCalledAt && !row.reachedAt) {
    t.notReachedCalled += 1;
    if (moved12) t.notReachedMoved += 1;
  }
}

/** Someone who opted out during a call: tipped, carded, called and reached, never moved. */
function countOptOut(t: Tally, n: number): void {
  t.tipped += n;
  t.carded += n;
  t.called += n;
  t.reached += n;
}

/**
 * The campaign's funnel in the actor's scope (leaders: the region; hosts: their
 * municipalities): counts per municipality and in all, moves within 6 and 12 months of the
 * first calling day, reached against not reached, and the cohort of moves by month.
 */
async function computeFunnel(db: Db, actor: Actor, campaignId: string): Promise<Funnel> {
  const scope = scopeOf(actor.principal);
  const campaign = await getCampaign(db, scope, campaignId);
  const region = await getRegionById(db, campaign.regionId);
  const rows = await repo.findFunnelRows(db, scope, campaignId);
  const optOuts = await repo.countOptOutCalls(db, scope, campaignId);
  const callingDay = [...campaign.callingDays].sort()[0] ?? null;
  const visible = region.municipalities.filter(
    (m) => scope.municipalityCodes === 'all' || scope.municipalityCodes.includes(m.code),
  );
  const byCode = new Map(visible.map((m) => [m.code, emptyTally()]));
  const total = emptyTally();
  const movesByMonth = new Array<number>(COHORT_MONTHS + 1).fill(0);
  for (const row of rows) {
    const month = callingDay && row.movedInOn ? monthOfMove(callingDay, row.movedInOn) : null;
    if (month !== null && month <= COHORT_MONTHS) movesByMonth[month]! += 1;
    count(total, row, month);
    const tally = byCode.get(row.municipalityCode);
    if (tally) count(tally, row, month);
  }
  for (const o of optOuts) {
    countOptOut(total, o.n);
    const tally = byCode.get(o.municipalityCode);
    if (tally) countOptOut(tally, o.n);
  }
  let cumulative = 0;
  const cohort = callingDay
    ? movesByMonth.slice(1).map((moves, i) => {
        cumulative += moves;
        return { month: i + 1, moves, cumulative };
      })
    : [];
  return {
    campaignId,
    campaignName: campaign.name,
    callingDay,
    total: figures(total),
    municipalities: visible.map((m) => ({
      code: m.code,
      name: m.name,
      figures: figures(byCode.get(m.code)!),
    })),
    cohort,
  };
}

export async function getFunnel(db: Db, actor: Actor, campaignId: string): Promise<Funnel> {
  return computeFunnel(db, actor, campaignId);
}

/** The funnel for a download; exporting campaign results is audited. */
export async function exportFunnel(
  db: Db,
  clock: Clock,
  actor: Actor,
  campaignId: string,
  format: 'csv' | 'xlsx',
): Promise<Funnel> {
  const funnel = await computeFunnel(db, actor, campaignId);
  await recordAudit(db, clock.now(), {
    action: 'followup.funnel_exported',
    ...auditActor(actor),
    target: { type: 'campaign', id: campaignId },
    regionId: actor.principal.regionId,
    details: { format, municipalities: funnel.municipalities.length },
  });
  return funnel;
}
