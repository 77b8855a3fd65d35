import type { CallOutcome, CallProspect, ClaimResponse } from '../../../contracts/calling.js';
import type { Campaign } from '../../../contracts/referral.js';
import type { Db } from '../../db/database.js';
import { newId } from '../../db/portable.js';
import type { Clock } from '../../deps.js';
import { AppError, conflict, invalid, notFound } from '../../errors.js';
import { type Principal, type Scope, scopeOf } from '../../plugins/access.js';
import { recordAudit } from '../audit/audit.service.js';
import { type Actor, auditActor, getCampaign } from '../referral/campaigns.service.js';
import { firstName } from '../referral/normalise.js';
import { loadProspectDetail } from '../referral/prospects.service.js';
import { describeHours, effectiveHours, withinCallingHours } from './calling-hours.js';
import { findCallingState } from './calls.repo.js';
import * as repo from './claims.repo.js';

/** How long a caller holds a person before they return to the pool. */
export const CLAIM_LEASE_MINUTES = 15;
/** Retries when a simultaneous claim won (unique index) or PostgreSQL broke a deadlock. */
const CLAIM_ATTEMPTS = 3;
/** Picks in one transaction, when simultaneous callers keep winning the chosen person. */
const PICKS = 20;

/**
 * The campaign a principal may call for: a referral campaign in their region that is open,
 * and for a caller the one campaign they were given (another answers 404 like a missing one).
 */
export async function getCallingCampaign(
  db: Db,
  principal: Principal,
  campaignId: string,
): Promise<Campaign> {
  const campaign = await getCampaign(db, scopeOf(principal), campaignId);
  if (principal.role === 'caller' && principal.campaignId !== campaignId) {
    throw notFound('The campaign');
  }
  if (campaign.kind !== 'referral') throw notFound('The campaign');
  if (campaign.status !== 'open') {
    throw conflict('The campaign is not open for calling.', { reason: 'campaign_not_open' });
  }
  return campaign;
}

/** Callers call for their municipality; hosts with several, and managers, name one. */
function municipalityFor(principal: Principal, requested: string | undefined): string {
  const own = principal.municipalityCodes;
  if (principal.role === 'admin' || principal.role === 'programme_leader') {
    if (!requested) {
      throw invalid([{ field: 'municipality', message: 'Name the municipality to call for' }]);
    }
    return requested;
  }
  if (requested) {
    if (!own.includes(requested)) {
      throw invalid([{ field: 'municipality', message: 'Not one of your municipalities' }]);
    }
    return requested;
  }
  if (own.length === 1) return own[0]!;
  if (own.length === 0) throw new AppError('forbidden', 'You have no municipality to call for.');
  throw invalid([{ field: 'municipality', message: 'Name the municipality to call for' }]);
}

function assertCallingHours(campaign: Campaign, now: Date): void {
  const hours = effectiveHours(campaign.callingHours);
  if (withinCallingHours(hours, now)) return;
  throw conflict(`Outside calling hours: people are called ${describeHours(hours)}.`, {
    reason: 'outside_calling_hours',
    callingHours: hours,
  });
}

const unique = (values: Array<string | null>) => [
  ...new Set(values.map((v) => v?.trim()).filter((v): v is string => !!v)),
];

/** The person as the calling screen shows them: tippers by first name, where they allowed it. */
async function callProspect(db: Db, scope: Scope, id: string, now: Date): Promise<CallProspect> {
  const detail = await loadProspectDetail(db, scope, id, now);
  const state = await findCallingState(db, id);
  return {
    id: detail.id,
    name: detail.name,
    household: detail.household,
    phone: detail.phone,
    municipalityCode: detail.municipalityCode,
    tippedBy: unique(
      detail.tips.filter((t) => t.tipperMayBeNamed).map((t) => firstName(t.tipperName)),
    ),
    tipCount: detail.tips.length,
    connection: unique(detail.tips.map((t) => t.connection)),
    reasons: unique(detail.tips.map((t) => t.reason)),
    livesNow: detail.tips.findLast((t) => t.livesNow)?.livesNow ?? null,
    callAttempts: state?.callAttempts ?? 0,
    lastOutcome: (state?.lastOutcome ?? null) as CallOutcome | null,
  };
}

/**
 * "Next person": the caller's open claim when they still hold one (a double tap gets the same
 * person), else a new claim on the next person of their municipality; null when nobody is
 * left. Atomic: PostgreSQL locks the chosen person and skips those locked by simultaneous
 * claims, SQLite runs one write transaction at a time, and the unique index on open claims
 * refuses a second claim on one person whatever happens (then we try again). Reading the
 * person is audited.
 */
export async function claimNext(
  db: Db,
  clock: Clock,
  actor: Actor,
  campaignId: string,
  requestedMunicipality?: string,
): Promise<ClaimResponse | null> {
  const { principal } = actor;
  const campaign = await getCallingCampaign(db, principal, campaignId);
  const municipalityCode = municipalityFor(principal, requestedMunicipality);
  assertCallingHours(campaign, clock.now());
  for (let attempt = 1; ; attempt++) {
    try {
      return await db
        .transaction()
        .execute((trx) => claimOnce(trx, clock.now(), actor, campaign, municipalityCode));
    } catch (error) {
      if (!repo.isRetryable(error) || attempt >= CLAIM_ATTEMPTS) throw error;
    }
  }
}

async function claimOnce(
  trx: Db,
  now: Date,
  actor: Actor,
  campaign: Campaign,
  municipalityCode: string,
): Promise<ClaimResponse | null> {
  const { principal } = actor;
  const at = now.toISOString();
  await repo.expireClaims(trx, { campaignId: campaign.id, municipalityCode }, at);
  await repo.lockCaller(trx, principal.userId);
  let claim = await repo.findLiveClaimOf(trx, principal.userId, campaign.id, at);
  const again = claim !== undefined;
  for (let pick = 1; !claim; pick++) {
    const prospectId = await repo.pickNextProspect(trx, {
      campaignId: campaign.id,
      municipalityCode,
      now: at,
    });
    if (!prospectId) return null;
    const row = {
      id: newId(),
      campaignId: campaign.id,
      regionId: campaign.regionId,
      municipalityCode,
      prospectId,
      callerId: principal.userId,
      claimedAt: at,
      expiresAt: new Date(now.getTime() + CLAIM_LEASE_MINUTES * 60_000).toISOString(),
      closedAt: null,
      closeReason: null,
    };
    if (await repo.tryInsertClaim(trx, row)) claim = row;
    else if (pick >= PICKS) throw conflict('Many callers at once: try again.', { reason: 'busy' });
  }
  const prospect = await callProspect(trx, scopeOf(principal), claim.prospectId, now);
  await recordAudit(trx, now, {
    action: 'calling.claimed',
    ...auditActor(actor),
    target: { type: 'claim', id: claim.id },
    regionId: claim.regionId,
    municipalityCode: claim.municipalityCode,
    details: { campaignId: campaign.id, prospectId: claim.prospectId, again },
  });
  return {
    claim: {
      id: claim.id,
      campaignId: claim.campaignId,
      municipalityCode: claim.municipalityCode,
      claimedAt: claim.claimedAt,
      expiresAt: claim.expiresAt,
    },
    prospect,
    script: campaign.callScript,
  };
}
