import {
  type MovedInInput,
  type Pipeline,
  type PipelineProspect,
  STAGES,
  type Stage,
  type StageCounts,
} from '../../../contracts/followup.js';
import type { Db } from '../../db/database.js';
import type { Clock } from '../../deps.js';
import { conflict, invalid, notFound } from '../../errors.js';
import { scopeOf } from '../../plugins/access.js';
import { recordAudit } from '../audit/audit.service.js';
import { type Actor, auditActor, getCampaign } from '../referral/campaigns.service.js';
import { getRegionById } from '../regions/regions.service.js';
import * as repo from './pipeline.repo.js';
import { todayInOslo } from './tasks.service.js';
import { thankTippersOnce } from './thank-you.js';

type StageStamps = Pick<
  repo.PipelineRow,
  | 'cardedAt'
  | 'firstCalledAt'
  | 'reachedAt'
  | 'interestedAt'
  | 'visitingAt'
  | 'movedInOn'
  | 'settledAt'
>;

/** The furthest stage a prospect has reached, from the stamps each step leaves. */
export function stageOf(p: StageStamps): Stage {
  if (p.settledAt) return 'settled';
  if (p.movedInOn) return 'moved_in';
  if (p.visitingAt) return 'visiting';
  if (p.interestedAt) return 'interested';
  if (p.reachedAt) return 'reached';
  if (p.firstCalledAt) return 'called';
  if (p.cardedAt) return 'carded';
  return 'tipped';
}

export const zeroCounts = (): StageCounts =>
  Object.fromEntries(STAGES.map((s) => [s, 0])) as StageCounts;

const day = (value: string | null) => (value ? value.slice(0, 10) : null);

function toPipelineProspect(row: repo.PipelineRow): PipelineProspect {
  return {
    id: row.id,
    name: row.name,
    phone: row.phoneE164,
    municipalityCode: row.municipalityCode,
    stage: stageOf(row),
    visitingOn: day(row.visitingAt),
    movedInOn: row.movedInOn,
    movedInMunicipalityCode: row.movedInMunicipalityCode,
    settledOn: day(row.settledAt),
    tippersThanked: row.tipperThankedAt !== null,
  };
}

const collator = new Intl.Collator('nb');

/** A campaign's prospects by stage, counted per municipality in scope. Reading is audited. */
export async function getPipeline(
  db: Db,
  clock: Clock,
  actor: Actor,
  campaignId: string,
): Promise<Pipeline> {
  const scope = scopeOf(actor.principal);
  const campaign = await getCampaign(db, scope, campaignId);
  const region = await getRegionById(db, campaign.regionId);
  const rows = await repo.findPipelineRows(db, scope, campaignId);
  const visible = region.municipalities.filter(
    (m) => scope.municipalityCodes === 'all' || scope.municipalityCodes.includes(m.code),
  );
  const byCode = new Map(visible.map((m) => [m.code, zeroCounts()]));
  const total = zeroCounts();
  const prospects = rows.map(toPipelineProspect);
  for (const p of prospects) {
    total[p.stage] += 1;
    const counts = byCode.get(p.municipalityCode);
    if (counts) counts[p.stage] += 1;
  }
  await recordAudit(db, clock.now(), {
    action: 'followup.pipeline_read',
    ...auditActor(actor),
    target: { type: 'campaign', id: campaignId },
    regionId: campaign.regionId,
    details: { returned: prospects.length },
  });
  return {
    campaignId,
    stages: [...STAGES],
    municipalities: visible.map((m) => ({
      code: m.code,
      name: m.name,
      counts: byCode.get(m.code)!,
    })),
    total,
    prospects: prospects.sort((a, b) => collator.compare(a.name, b.name)),
    regionMunicipalities: region.municipalities.map((m) => ({ code: m.code, name: m.name })),
  };
}

export type PipelineChange =
  | { step: 'visiting'; on: string }
  | { step: 'moved-in'; input: MovedInInput }
  | { step: 'settled'; on: string | undefined };

function notInFuture(on: string, today: string): void {
  if (on > today) throw invalid([{ field: 'on', message: 'Not in the future' }]);
}

/**
 * A host records a step (visiting, moved in, settled) or undoes one, for a prospect of their
 * municipality (another's answers 404). The first "moved in" thanks the tippers who asked.
 */
export async function changePipeline(
  db: Db,
  clock: Clock,
  actor: Actor,
  id: string,
  change: PipelineChange | { step: 'visiting' | 'moved-in' | 'settled'; undo: true },
): Promise<PipelineProspect> {
  return db.transaction().execute(async (trx) => {
    const scope = scopeOf(actor.principal);
    const now = clock.now();
    const today = todayInOslo(now);
    const row = await repo.findPipelineRow(trx, scope, id);
    if (!row) throw notFound('The prospect');
    const updatedAt = now.toISOString();
    let thanked = 0;
    if ('undo' in change) {
      if (change.step === 'moved-in' && row.settledAt) {
        throw conflict('Undo "settled" first.', { reason: 'settled' });
      }
      await repo.updatePipeline(trx, id, {
        updatedAt,
        ...(change.step === 'visiting' ? { visitingAt: null } : {}),
        ...(change.step === 'moved-in' ? { movedInOn: null, movedInMunicipalityCode: null } : {}),
        ...(change.step === 'settled' ? { settledAt: null } : {}),
      });
    } else if (change.step === 'visiting') {
      await repo.updatePipeline(trx, id, { visitingAt: change.on, updatedAt });
    } else if (change.step === 'moved-in') {
      const { on, municipalityCode } = change.input;
      notInFuture(on, today);
      const region = await getRegionById(trx, row.regionId);
      const municipality = region.municipalities.find((m) => m.code === municipalityCode);
      if (!municipality) {
        throw invalid([{ field: 'municipalityCode', message: 'Not a municipality of the region' }]);
      }
      await repo.updatePipeline(trx, id, {
        movedInOn: on,
        movedInMunicipalityCode: municipalityCode,
        updatedAt,
      });
      const campaign = await getCampaign(trx, scope, row.campaignId);
      thanked = await thankTippersOnce(trx, clock, {
        prospectId: id,
        regionId: row.regionId,
        name: row.name,
        campaignName: campaign.name,
        municipalityName: municipality.name,
        regionName: region.name,
      });
    } else {
      if (!row.movedInOn) {
        throw conflict('Record that they moved in first.', { reason: 'not_moved_in' });
      }
      const on = change.on ?? today;
      notInFuture(on, today);
      if (on < row.movedInOn) {
        throw invalid([{ field: 'on', message: 'Not before they moved in' }]);
      }
      await repo.updatePipeline(trx, id, { settledAt: on, updatedAt });
    }
    await recordAudit(trx, now, {
      action: `followup.${change.step.replace('-', '_')}_${'undo' in change ? 'undone' : 'recorded'}`,
      ...auditActor(actor),
      target: { type: 'prospect', id },
      regionId: row.regionId,
      municipalityCode: row.municipalityCode,
      details: { campaignId: row.campaignId, tippersThanked: thanked },
    });
    const stored = await repo.findPipelineRow(trx, scope, id);
    return toPipelineProspect(stored!);
  });
}
