import type { Call, CallOutcome, Interest, OutcomeInput } from '../../../contracts/calling.js';
import type { Db } from '../../db/database.js';
import { fromDbJson, newId, toDbJson } from '../../db/portable.js';
import type { Clock } from '../../deps.js';
import { AppError, conflict, invalid, notFound } from '../../errors.js';
import { scopeOf } from '../../plugins/access.js';
import { auditRow, listAudit, recordAudit } from '../audit/audit.service.js';
import { createFollowUpTasks } from '../followup/tasks.service.js';
import { type Actor, auditActor } from '../referral/campaigns.service.js';
import { applyOptOut } from '../referral/opt-out.service.js';
import { getProspectRow } from '../referral/prospects.service.js';
import * as repo from './calls.repo.js';
import * as claims from './claims.repo.js';

/** A person nobody answered for is tried again this much later (the same day, if it is early). */
export const NO_ANSWER_RETRY_MS = 2 * 60 * 60_000;
const SAVE_ATTEMPTS = 3;

/**
 * What each outcome does to the person's place in the pool. Reached means someone took the
 * call and answered for themselves (interested, not now, not interested, opt-out). "Not now"
 * closes calling for the campaign like the other answers: they said their piece, and calling
 * again would be pestering; the pipeline keeps them as reached. A call-back was not a
 * conversation yet, so it is not reached. See docs/decisions/0010-calling-day-claims.md.
 */
export const EFFECTS: Record<CallOutcome, { reached: boolean; closes: boolean }> = {
  interested: { reached: true, closes: true },
  not_now: { reached: true, closes: true },
  not_interested: { reached: true, closes: true },
  wrong_number: { reached: false, closes: true },
  no_answer: { reached: false, closes: false },
  call_back: { reached: false, closes: false },
  opt_out: { reached: true, closes: true },
};

export interface SavedCall {
  call: Call;
  campaignId: string;
  /** The same Idempotency-Key came again: nothing was written, this is the first answer. */
  replayed: boolean;
}

export function toCall(row: repo.CallRow): Call {
  return {
    id: row.id,
    claimId: row.claimId,
    prospectId: row.prospectId,
    outcome: row.outcome as CallOutcome,
    notes: row.notes,
    interests: fromDbJson<Interest[]>(row.interests, []),
    callBackAt: row.callBackAt,
    calledAt: row.calledAt,
    recordedAt: row.recordedAt,
    source: row.source as Call['source'],
  };
}

/** Runs a save, again when a simultaneous twin got there first (or PostgreSQL broke a deadlock). */
export async function withRetry<T>(db: Db, work: (trx: Db) => Promise<T>): Promise<T> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await db.transaction().execute(work);
    } catch (error) {
      if (!claims.isRetryable(error) || attempt >= SAVE_ATTEMPTS) throw error;
    }
  }
}

export const keyReused = () =>
  conflict('This Idempotency-Key was used for another call.', { reason: 'idempotency_key_reused' });

export interface CallTarget {
  campaignId: string;
  regionId: string;
  municipalityCode: string;
  prospectId: string;
  claimId: string | null;
}

interface CallFacts {
  outcome: CallOutcome;
  notes: string | undefined;
  interests: Interest[];
  callBackAt: string | undefined;
  calledAt: Date;
  source: 'screen' | 'paper';
  idempotencyKey: string | undefined;
}

/**
 * Stores the call and applies it, in the caller's transaction (which has closed the claim, if
 * the call had one): the pool and pipeline stamps, follow-up tasks for an interested person,
 * or the opt-out (the person is erased at once and the call stays without them). Returns the
 * stored call as it is after all that.
 */
export async function recordCall(
  trx: Db,
  now: Date,
  actor: Actor,
  target: CallTarget,
  facts: CallFacts,
): Promise<Call> {
  const id = newId();
  const calledAt = facts.calledAt.toISOString();
  const callBackAt = facts.callBackAt ? new Date(facts.callBackAt).toISOString() : null;
  const row: repo.CallRow = {
    ...target,
    id,
    callerId: facts.source === 'screen' ? actor.principal.userId : null,
    outcome: facts.outcome,
    notes: facts.notes ? facts.notes : null,
    interests: toDbJson(facts.interests),
    callBackAt,
    calledAt,
    recordedAt: now.toISOString(),
    recordedBy: actor.principal.userId,
    source: facts.source,
    idempotencyKey: facts.idempotencyKey ?? null,
  };
  const audited = {
    action: facts.source === 'paper' ? 'calling.paper_call_recorded' : 'calling.outcome_recorded',
    ...auditActor(actor),
    target: { type: 'call', id },
    regionId: target.regionId,
    municipalityCode: target.municipalityCode,
    details: { campaignId: target.campaignId, claimId: target.claimId, outcome: facts.outcome },
  };
  if (facts.outcome === 'opt_out') {
    await repo.insertCall(trx, row);
    const prospect = await getProspectRow(trx, scopeOf(actor.principal), target.prospectId);
    const erased = await applyOptOut(trx, now, { code: prospect.optOutCode });
    await recordAudit(trx, now, {
      action: 'calling.opt_out',
      ...auditActor(actor),
      target: { type: 'call', id },
      regionId: target.regionId,
      municipalityCode: target.municipalityCode,
      details: { erasedProspects: erased },
    });
    await recordAudit(trx, now, audited);
  } else {
    const effect = EFFECTS[facts.outcome];
    const nextCallAt =
      facts.outcome === 'no_answer'
        ? new Date(facts.calledAt.getTime() + NO_ANSWER_RETRY_MS).toISOString()
        : facts.outcome === 'call_back'
          ? callBackAt
          : null;
    const change: repo.PoolChange = {
      calledAt,
      outcome: facts.outcome,
      nextCallAt,
      closeCalling: effect.closes,
      reached: effect.reached,
      interested: facts.outcome === 'interested',
      updatedAt: now.toISOString(),
    };
    await repo.storeCall(
      trx,
      row,
      { prospectId: target.prospectId, change },
      auditRow(now, audited),
    );
    if (facts.outcome === 'interested') {
      await createFollowUpTasks(trx, now, { ...target, id, interests: facts.interests });
    }
  }
  // Only the opt-out changes the row after the insert (erasure nulls its person and notes).
  if (facts.outcome !== 'opt_out') return toCall(row);
  const stored = await repo.findCall(trx, id);
  if (!stored) throw new Error('the call just stored is missing');
  return toCall(stored);
}

export function checkCallBack(callBackAt: string | undefined, after: Date): void {
  if (callBackAt && Date.parse(callBackAt) <= after.getTime()) {
    throw invalid([{ field: 'callBackAt', message: 'A time after the call' }]);
  }
}

/** Why a claim that is not there is not there: erased mid-call, or never the caller's. */
async function missingClaim(db: Db, actor: Actor, claimId: string): Promise<AppError> {
  const claimed = await listAudit(
    db,
    { regionIds: 'all', municipalityCodes: 'all' },
    { userId: actor.principal.userId, action: 'calling.claimed', targetId: claimId },
    1,
    1,
  );
  if (claimed.total === 0) return notFound('The claim');
  return new AppError(
    'gone',
    'This person has asked not to be contacted (or was erased) while you held them. ' +
      'Nothing was saved; take the next person.',
    { details: { reason: 'prospect_erased' } },
  );
}

const claimTarget = (claim: claims.ClaimRow): CallTarget => ({
  campaignId: claim.campaignId,
  regionId: claim.regionId,
  municipalityCode: claim.municipalityCode,
  prospectId: claim.prospectId,
  claimId: claim.id,
});

/**
 * A claim that could not be closed for its outcome: its first save came again (the stored call,
 * written nothing), or it is not the caller's, or it is closed, or its lease ran out.
 */
async function whyNotOpen(
  trx: Db,
  now: Date,
  callerId: string,
  claimId: string,
  idempotencyKey: string | undefined,
): Promise<SavedCall | 'missing'> {
  if (idempotencyKey) {
    const earlier = await repo.findCallByKey(trx, callerId, idempotencyKey);
    if (earlier && earlier.claimId !== claimId) throw keyReused();
    if (earlier) return { call: toCall(earlier), campaignId: earlier.campaignId, replayed: true };
  }
  const claim = await claims.findClaimOfCaller(trx, claimId, callerId);
  if (!claim) return 'missing';
  if (claim.closeReason === 'outcome') {
    throw conflict('An outcome is already saved for this call.', { reason: 'claim_closed' });
  }
  if (claim.closedAt || claim.expiresAt <= now.toISOString()) {
    throw conflict(
      'Your hold on this person ran out, so they went back to the list. Take the next person.',
      { reason: 'claim_expired' },
    );
  }
  // Open and live after all (the close met a lease boundary or a twin that rolled back).
  throw conflict('Many callers at once: try again.', { reason: 'busy' });
}

/**
 * The outcome of a claimed call, saved once: the same Idempotency-Key again returns the
 * stored call and writes nothing; a claim already closed, or whose lease ran out, answers 409
 * and writes nothing; another caller's claim is not found. The claim is closed first, in one
 * statement that checks it (about six round trips in all on PostgreSQL, ADR 0010).
 */
export async function saveOutcome(
  db: Db,
  clock: Clock,
  actor: Actor,
  claimId: string,
  input: OutcomeInput,
  idempotencyKey?: string,
): Promise<SavedCall> {
  const callerId = actor.principal.userId;
  const result = await withRetry(db, async (trx): Promise<SavedCall | 'missing'> => {
    const now = clock.now();
    // The usual save is one statement before the call is stored: close the live claim.
    const claim = await claims.closeLiveClaimOfCaller(
      trx,
      { id: claimId, callerId },
      now.toISOString(),
    );
    if (!claim) return whyNotOpen(trx, now, callerId, claimId, idempotencyKey);
    checkCallBack(input.callBackAt, now);
    try {
      const call = await recordCall(trx, now, actor, claimTarget(claim), {
        outcome: input.outcome,
        notes: input.notes,
        interests: input.interests,
        callBackAt: input.callBackAt,
        calledAt: now,
        source: 'screen',
        idempotencyKey,
      });
      return { call, campaignId: claim.campaignId, replayed: false };
    } catch (error) {
      // The key belongs to the caller's call on another claim (this claim was still open).
      if (repo.isIdempotencyKeyTaken(error)) throw keyReused();
      throw error;
    }
  });
  if (result === 'missing') throw await missingClaim(db, actor, claimId);
  return result;
}
