import type { DuplicateProposal, ProspectDetail } from '../../../contracts/referral-office.js';
import type { Db } from '../../db/database.js';
import type { Clock } from '../../deps.js';
import { invalid, notFound } from '../../errors.js';
import { scopeOf } from '../../plugins/access.js';
import { recordAudit } from '../audit/audit.service.js';
import { type Actor, auditActor, getCampaign } from './campaigns.service.js';
import * as repo from './duplicates.repo.js';
import * as prospects from './prospects.repo.js';
import { getProspectRow, loadProspectDetail, toSummary } from './prospects.service.js';
import { moveTips } from './tips.repo.js';

/** Open proposals the actor may decide, each with both prospects side by side. */
export async function listProposals(
  db: Db,
  clock: Clock,
  actor: Actor,
  campaignId: string,
): Promise<DuplicateProposal[]> {
  const scope = scopeOf(actor.principal);
  const campaign = await getCampaign(db, scope, campaignId);
  const now = clock.now();
  const rows = await repo.findOpenProposals(db, scope, { campaignId });
  const out: DuplicateProposal[] = [];
  for (const row of rows) {
    const a = await getProspectRow(db, scope, row.leftProspectId);
    const b = await getProspectRow(db, scope, row.rightProspectId);
    out.push({
      id: row.id,
      campaignId: row.campaignId,
      reason: row.reason as DuplicateProposal['reason'],
      createdAt: row.createdAt,
      a: toSummary(a, now),
      b: toSummary(b, now),
    });
  }
  await recordAudit(db, now, {
    action: 'referral.duplicates_read',
    ...auditActor(actor),
    target: { type: 'campaign', id: campaignId },
    regionId: campaign.regionId,
    details: { returned: out.length },
  });
  return out;
}

async function openProposal(db: Db, actor: Actor, id: string) {
  const [row] = await repo.findOpenProposals(db, scopeOf(actor.principal), { id });
  if (!row) throw notFound('The proposal');
  return row;
}

const earliest = (a: string | null, b: string | null) => (a && b ? (a < b ? a : b) : (a ?? b));

/**
 * The same household after all: every tip moves to the prospect that stays, which takes
 * what it lacked from the other (phone, address) and the earliest tip and card dates.
 */
export async function mergeProposal(
  db: Db,
  clock: Clock,
  actor: Actor,
  id: string,
  keepId: string,
): Promise<ProspectDetail> {
  return db.transaction().execute(async (trx) => {
    const scope = scopeOf(actor.principal);
    const proposal = await openProposal(trx, actor, id);
    const pair = [proposal.leftProspectId, proposal.rightProspectId];
    if (!pair.includes(keepId)) {
      throw invalid([{ field: 'keepId', message: 'Must be one of the two prospects' }]);
    }
    const goneId = pair.find((p) => p !== keepId)!;
    const keep = await getProspectRow(trx, scope, keepId);
    const gone = await getProspectRow(trx, scope, goneId);
    const at = clock.now().toISOString();
    await moveTips(trx, goneId, keepId);
    await repo.decideProposal(trx, id, { status: 'merged', at, by: actor.principal.userId });
    await repo.deleteOpenProposalsOf(trx, goneId);
    await prospects.deleteProspects(trx, [goneId]);
    await prospects.updateProspect(trx, keepId, {
      ...(keep.phoneE164 || !gone.phoneE164
        ? {}
        : { phoneE164: gone.phoneE164, phoneHash: gone.phoneHash }),
      ...(keep.addressKey || !gone.addressKey
        ? {}
        : {
            addressLine: gone.addressLine,
            postcode: gone.postcode,
            city: gone.city,
            addressKey: gone.addressKey,
            nameAddressHash: gone.nameAddressHash,
          }),
      household: keep.household ?? gone.household,
      firstTippedAt: earliest(keep.firstTippedAt, gone.firstTippedAt) ?? keep.firstTippedAt,
      cardedAt: earliest(keep.cardedAt, gone.cardedAt),
      updatedAt: at,
    });
    await recordAudit(trx, clock.now(), {
      action: 'referral.duplicates_merged',
      ...auditActor(actor),
      target: { type: 'prospect', id: keepId },
      regionId: keep.regionId,
      municipalityCode: keep.municipalityCode,
      details: { proposalId: id, mergedProspectId: goneId, tipsMoved: gone.tipCount },
    });
    return loadProspectDetail(trx, scope, keepId, clock.now());
  });
}

/** Two different households: the pair is not proposed again. */
export async function keepApart(db: Db, clock: Clock, actor: Actor, id: string): Promise<void> {
  await db.transaction().execute(async (trx) => {
    const proposal = await openProposal(trx, actor, id);
    const at = clock.now().toISOString();
    await repo.decideProposal(trx, id, { status: 'kept_apart', at, by: actor.principal.userId });
    await recordAudit(trx, clock.now(), {
      action: 'referral.duplicates_kept_apart',
      ...auditActor(actor),
      target: { type: 'duplicate_proposal', id },
      details: {
        leftProspectId: proposal.leftProspectId,
        rightProspectId: proposal.rightProspectId,
      },
    });
  });
}
