import type { RetentionFigures, RetentionReport } from '../../../contracts/newcomers.js';
import type { Db } from '../../db/database.js';
import type { Clock } from '../../deps.js';
import { scopeOf } from '../../plugins/access.js';
import { recordAudit } from '../audit/audit.service.js';
import { todayInOslo } from '../followup/tasks.service.js';
import { type Actor, auditActor, listCampaigns } from '../referral/campaigns.service.js';
import { listRegions } from '../regions/regions.service.js';
import { confirmedCampaigns } from './matches.repo.js';
import * as repo from './newcomers.repo.js';

/**
 * Retention: of the newcomers whose moving date is at least 12 (24) months ago, how many
 * still live here 12 (24) months after it. Someone registered more recently is not counted
 * yet (they have not had the chance to stay or leave). Per municipality and per campaign
 * cohort (the campaign of a confirmed conversion, else the campaign they heard of us through).
 */

const collator = new Intl.Collator('nb');

function monthsAfter(day: string, months: number): string {
  const d = new Date(`${day}T00:00:00Z`);
  d.setUTCMonth(d.getUTCMonth() + months);
  return d.toISOString().slice(0, 10);
}

const empty = (): RetentionFigures => ({
  cohort12: 0,
  living12: 0,
  rate12: null,
  cohort24: 0,
  living24: 0,
  rate24: null,
});

function add(
  f: RetentionFigures,
  row: { movingDate: string; movedAwayOn: string | null },
  today: string,
) {
  for (const months of [12, 24] as const) {
    const mark = monthsAfter(row.movingDate, months);
    if (mark > today) continue;
    f[`cohort${months}`] += 1;
    if (!row.movedAwayOn || row.movedAwayOn >= mark) f[`living${months}`] += 1;
  }
}

function rates(f: RetentionFigures): RetentionFigures {
  return {
    ...f,
    rate12: f.cohort12 ? f.living12 / f.cohort12 : null,
    rate24: f.cohort24 ? f.living24 / f.cohort24 : null,
  };
}

export async function buildRetentionReport(
  db: Db,
  clock: Clock,
  actor: Actor,
): Promise<RetentionReport> {
  const scope = scopeOf(actor.principal);
  const today = todayInOslo(clock.now());
  const rows = await repo.findNewcomers(db, scope, { status: 'all' });
  const converted = await confirmedCampaigns(
    db,
    rows.map((r) => r.id),
  );
  const regions = await listRegions(db, scope);
  const municipalities = regions
    .flatMap((r) => r.municipalities)
    .filter((m) => scope.municipalityCodes === 'all' || scope.municipalityCodes.includes(m.code));
  const campaigns = new Map(
    (await listCampaigns(db, { regionIds: scope.regionIds, municipalityCodes: 'all' })).map((c) => [
      c.id,
      c.name,
    ]),
  );
  const total = empty();
  const byCode = new Map(municipalities.map((m) => [m.code, empty()]));
  const byCampaign = new Map<string | null, RetentionFigures>();
  for (const row of rows) {
    add(total, row, today);
    const m = byCode.get(row.municipalityCode);
    if (m) add(m, row, today);
    const campaignId = converted.get(row.id) ?? row.heardViaCampaignId ?? null;
    if (!byCampaign.has(campaignId)) byCampaign.set(campaignId, empty());
    add(byCampaign.get(campaignId)!, row, today);
  }
  return {
    asOf: today,
    total: rates(total),
    municipalities: municipalities.map((m) => ({
      code: m.code,
      name: m.name,
      figures: rates(byCode.get(m.code)!),
    })),
    campaigns: [...byCampaign]
      .map(([campaignId, f]) => ({
        campaignId,
        name: campaignId ? (campaigns.get(campaignId) ?? null) : null,
        figures: rates(f),
      }))
      .sort((a, b) => collator.compare(a.name ?? '~', b.name ?? '~')),
  };
}

/** The report (counts only, no one's data); an export is audited. */
export async function getRetentionReport(
  db: Db,
  clock: Clock,
  actor: Actor,
  format: 'json' | 'csv' | 'xlsx' = 'json',
): Promise<RetentionReport> {
  const report = await buildRetentionReport(db, clock, actor);
  if (format !== 'json') {
    await recordAudit(db, clock.now(), {
      action: 'newcomers.retention_exported',
      ...auditActor(actor),
      regionId: actor.principal.regionId,
      details: { format },
    });
  }
  return report;
}
