import type {
  ProspectDetail,
  ProspectStage,
  ProspectSummary,
} from '../../../contracts/referral-office.js';
import type { Db } from '../../db/database.js';
import { fromDbBool } from '../../db/portable.js';
import type { Clock } from '../../deps.js';
import { conflict, notFound } from '../../errors.js';
import { type Scope, scopeOf } from '../../plugins/access.js';
import { recordAudit } from '../audit/audit.service.js';
import { eraseCallsOf } from '../calling/erasure.service.js';
import { type Actor, auditActor, getCampaign } from './campaigns.service.js';
import * as repo from './prospects.repo.js';
import * as tips from './tips.repo.js';
import { INFORM_WITHIN_DAYS } from './tips.service.js';

const HOLD_MS = INFORM_WITHIN_DAYS * 86_400_000;

/** Prospects first tipped before this, still without a sent card, are held. */
export const heldCutoff = (now: Date): string => new Date(now.getTime() - HOLD_MS).toISOString();

/**
 * May anyone call this prospect now? Only once their postcard (their privacy notice) is
 * marked sent. For the calling-day issue: a claim must check this, in the same transaction.
 */
export function isCallable(prospect: { cardedAt: string | Date | null }, now: Date): boolean {
  if (prospect.cardedAt === null) return false;
  return new Date(prospect.cardedAt).getTime() <= now.getTime();
}

function stageOf(row: repo.ProspectWithCounts, now: Date): ProspectStage {
  if (row.cardedAt) return 'carded';
  if (row.inBatch > 0) return 'in_batch';
  if (!row.releasedAt && row.firstTippedAt <= heldCutoff(now)) return 'held';
  return 'new';
}

export function toSummary(row: repo.ProspectWithCounts, now: Date): ProspectSummary {
  return {
    id: row.id,
    campaignId: row.campaignId,
    municipalityCode: row.municipalityCode,
    name: row.name,
    household: row.household,
    phone: row.phoneE164,
    addressLine: row.addressLine,
    postcode: row.postcode,
    city: row.city,
    tipCount: row.tipCount,
    firstTippedAt: row.firstTippedAt,
    informBy: new Date(Date.parse(row.firstTippedAt) + HOLD_MS).toISOString(),
    cardedAt: row.cardedAt,
    stage: stageOf(row, now),
    callable: isCallable(row, now),
  };
}

/**
 * A campaign's prospects the actor may see. `held`: only those held out of every list (no
 * card 30 days after the first tip); otherwise everyone else. Reading is audited.
 */
export async function listProspects(
  db: Db,
  clock: Clock,
  actor: Actor,
  campaignId: string,
  held: boolean,
): Promise<ProspectSummary[]> {
  const scope = scopeOf(actor.principal);
  const campaign = await getCampaign(db, scope, campaignId);
  const now = clock.now();
  const rows = await repo.findProspects(db, scope, campaignId, held, heldCutoff(now));
  await recordAudit(db, now, {
    action: held ? 'referral.held_prospects_read' : 'referral.prospects_read',
    ...auditActor(actor),
    target: { type: 'campaign', id: campaignId },
    regionId: campaign.regionId,
    details: { returned: rows.length },
  });
  return rows.map((r) => toSummary(r, now));
}

export async function getProspectRow(db: Db, scope: Scope, id: string) {
  const row = await repo.findProspectInScope(db, scope, id);
  if (!row) throw notFound('The prospect');
  return row;
}

/** One prospect with every tip about them ("three people miss you"), without the audit entry. */
export async function loadProspectDetail(
  db: Db,
  scope: Scope,
  id: string,
  now: Date,
): Promise<ProspectDetail> {
  const row = await getProspectRow(db, scope, id);
  const rows = await tips.findTipsOfProspect(db, scope, id);
  return {
    ...toSummary(row, now),
    tips: rows.map((t) => ({
      id: t.id,
      createdAt: t.createdAt,
      tipperName: t.tipperName,
      tipperEmail: t.tipperEmail,
      tipperPhone: t.tipperPhone,
      tipperMayBeNamed: fromDbBool(t.tipperMayBeNamed),
      tipperWantsNews: fromDbBool(t.tipperWantsNews),
      personName: t.personName,
      personPhone: t.personPhone,
      personAddressLine: t.personAddressLine,
      personPostcode: t.personPostcode,
      personCity: t.personCity,
      livesNow: t.personLivesNow,
      connection: t.personConnection,
      household: t.personHousehold,
      reason: t.personReason,
      source: t.source,
      purpose: t.purpose,
      legalBasis: t.legalBasis,
      informBy: t.informBy,
    })),
  };
}

export async function getProspect(
  db: Db,
  clock: Clock,
  actor: Actor,
  id: string,
): Promise<ProspectDetail> {
  const now = clock.now();
  const detail = await loadProspectDetail(db, scopeOf(actor.principal), id, now);
  await recordAudit(db, now, {
    action: 'referral.prospect_read',
    ...auditActor(actor),
    target: { type: 'prospect', id },
    municipalityCode: detail.municipalityCode,
    details: { tips: detail.tips.length },
  });
  return detail;
}

/** Erases people: what their tips say about them, then their prospect rows (and all links). */
export async function erasePeople(db: Db, prospectIds: string[], at: Date): Promise<void> {
  await tips.eraseTipPersonData(db, prospectIds, at.toISOString());
  await eraseCallsOf(db, prospectIds);
  await repo.deleteProspects(db, prospectIds);
}

/** Staff decide about a held prospect: erase them now. */
export async function eraseProspect(db: Db, clock: Clock, actor: Actor, id: string) {
  await db.transaction().execute(async (trx) => {
    const row = await getProspectRow(trx, scopeOf(actor.principal), id);
    await erasePeople(trx, [id], clock.now());
    await recordAudit(trx, clock.now(), {
      action: 'referral.prospect_erased',
      ...auditActor(actor),
      target: { type: 'prospect', id },
      regionId: row.regionId,
      municipalityCode: row.municipalityCode,
      details: { campaignId: row.campaignId, tips: row.tipCount },
    });
  });
}

/** Staff decide about a held prospect: send a card after all (the next batch takes them). */
export async function releaseProspect(db: Db, clock: Clock, actor: Actor, id: string) {
  return db.transaction().execute(async (trx) => {
    const scope = scopeOf(actor.principal);
    const now = clock.now();
    const row = await getProspectRow(trx, scope, id);
    if (stageOf(row, now) !== 'held') throw conflict('Only a held prospect can be released.');
    await repo.updateProspect(trx, id, {
      releasedAt: now.toISOString(),
      updatedAt: now.toISOString(),
    });
    await recordAudit(trx, now, {
      action: 'referral.prospect_released',
      ...auditActor(actor),
      target: { type: 'prospect', id },
      regionId: row.regionId,
      municipalityCode: row.municipalityCode,
    });
    return loadProspectDetail(trx, scope, id, now);
  });
}
