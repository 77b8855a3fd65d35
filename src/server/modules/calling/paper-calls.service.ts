import type { PaperCallInput } from '../../../contracts/calling.js';
import type { Db } from '../../db/database.js';
import type { Clock } from '../../deps.js';
import { conflict, invalid, notFound } from '../../errors.js';
import { scopeOf } from '../../plugins/access.js';
import { type Actor, getCampaign } from '../referral/campaigns.service.js';
import { getProspectRow, isCallable } from '../referral/prospects.service.js';
import * as repo from './calls.repo.js';
import {
  checkCallBack,
  keyReused,
  recordCall,
  type SavedCall,
  toCall,
  withRetry,
} from './calls.service.js';
import * as claims from './claims.repo.js';

/**
 * A call made from a paper sheet, entered afterwards by staff of the person's municipality:
 * back-dated (never in the future), same effects as on the screen, saved once per key.
 */
export async function savePaperCall(
  db: Db,
  clock: Clock,
  actor: Actor,
  campaignId: string,
  input: PaperCallInput,
  idempotencyKey?: string,
): Promise<SavedCall> {
  const scope = scopeOf(actor.principal);
  const campaign = await getCampaign(db, scope, campaignId);
  if (campaign.kind !== 'referral') throw notFound('The campaign');
  const calledAt = new Date(input.calledAt);
  if (calledAt.getTime() > clock.now().getTime()) {
    throw invalid([{ field: 'calledAt', message: 'Not in the future' }]);
  }
  checkCallBack(input.callBackAt, calledAt);
  return withRetry(db, async (trx) => {
    const now = clock.now();
    if (idempotencyKey) {
      const earlier = await repo.findCallByKey(trx, actor.principal.userId, idempotencyKey);
      if (earlier) {
        const same =
          earlier.source === 'paper' &&
          earlier.campaignId === campaignId &&
          (earlier.prospectId === null || earlier.prospectId === input.prospectId);
        if (!same) throw keyReused();
        return { call: toCall(earlier), campaignId, replayed: true };
      }
    }
    const prospect = await getProspectRow(trx, scope, input.prospectId);
    if (prospect.campaignId !== campaignId) throw notFound('The prospect');
    if (!isCallable(prospect, calledAt)) {
      throw conflict(
        'Their postcard was not marked sent before that call, so it may not be recorded.',
        {
          reason: 'not_carded',
        },
      );
    }
    await claims.closeExpiredClaimsOn(trx, prospect.id, now.toISOString());
    if (await claims.findLiveClaimOnProspect(trx, prospect.id, now.toISOString())) {
      throw conflict('A caller holds this person right now; enter the paper call after theirs.', {
        reason: 'claimed',
      });
    }
    const call = await recordCall(
      trx,
      now,
      actor,
      {
        campaignId,
        regionId: prospect.regionId,
        municipalityCode: prospect.municipalityCode,
        prospectId: prospect.id,
        claimId: null,
      },
      {
        outcome: input.outcome,
        notes: input.notes,
        interests: input.interests,
        callBackAt: input.callBackAt,
        calledAt,
        source: 'paper',
        idempotencyKey,
      },
    );
    return { call, campaignId, replayed: false };
  });
}
