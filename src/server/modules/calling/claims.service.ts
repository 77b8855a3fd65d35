import type { CallOutcome, CallProspect, ClaimResponse } from '../../../contracts/calling.js';
import type { Campaign } from '../../../contracts/referral.js';
import type { Db } from '../../db/database.js';
import { newId } from '../../db/portable.js';
import type { Clock } from '../../deps.js';
import { AppError, conflict, invalid, notFound } from '../../errors.js';
import { type Principal, scopeOf } from '../../plugins/access.js';
import { auditRow } from '../audit/audit.service.js';
import { type Actor, auditActor, getCampaign } from '../referral/campaigns.service.js';
import { firstName } from '../referral/normalise.js';
import { describeHours, effectiveHours, withinCallingHours } from './calling-hours.js';
import * as repo from './claims.repo.js';

/** How long a caller holds a person before they return to the pool. */
export const CLAIM_LEASE_MINUTES = 15;
/** Retries when a simultaneous claim won (unique index) or PostgreSQL broke a deadlock. */
const CLAIM_ATTEMPTS = 3;
/** Picks in one claim, when simultaneous callers keep winning the chosen person. */
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

/**
 * The person as the calling screen shows them, tippers by first name where they allowed it,
 * and the audit entry of showing them (one statement on PostgreSQL); undefined when they are
 * gone.
 */
async function discloseProspect(
  db: Db,
  now: Date,
  actor: Actor,
  { claim, again }: Claimed,
): Promise<CallProspect | undefined> {
  const rows = await repo.discloseCallProspectRows(
    db,
    claim,
    auditRow(now, {
      action: 'calling.claimed',
      ...auditActor(actor),
      target: { type: 'claim', id: claim.id },
      regionId: claim.regionId,
      municipalityCode: claim.municipalityCode,
      details: { campaignId: claim.campaignId, prospectId: claim.prospectId, again },
    }),
  );
  const person = rows[0];
  if (!person) return undefined;
  const tips = rows.filter((t) => t.tipId !== null);
  return {
    id: person.id,
    name: person.name,
    household: person.household,
    phone: person.phoneE164,
    municipalityCode: person.municipalityCode,
    tippedBy: unique(
      tips.filter((t) => t.tipperMayBeNamed === 1).map((t) => firstName(t.tipperName ?? '')),
    ),
    tipCount: tips.length,
    connection: unique(tips.map((t) => t.personConnection)),
    reasons: unique(tips.map((t) => t.personReason)),
    livesNow: tips.findLast((t) => t.personLivesNow)?.personLivesNow ?? null,
    callAttempts: person.callAttempts ?? 0,
    lastOutcome: (person.lastOutcome ?? null) as CallOutcome | null,
  };
}

interface Claimed {
  claim: repo.ClaimRow;
  /** The caller already held this person (a double tap). */
  again: boolean;
}

/**
 * "Next person": the caller's open claim when they still hold one (a double tap gets the same
 * person), else a new claim on the next person of their municipality; null when nobody is
 * left. Atomic: PostgreSQL locks the chosen person and skips those locked by simultaneous
 * claims, SQLite runs one write transaction at a time, and unique indexes on open claims
 * refuse a second claim on one person, and a second open claim of one caller, whatever
 * happens (then we pick again).
 *
 * The checks that only read (campaign, municipality, calling hours) run before the claim,
 * and reading the person and auditing that read run after it is stored, so the claim holds a
 * connection and locks for as few round trips as possible: one on PostgreSQL (ADR 0010).
 * The audit entry is written before (on PostgreSQL: in the same statement as) the read of the
 * person: every disclosure is audited, and a claim whose audit failed is only a lease that
 * runs out (or the same person again, audited, on the next tap).
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
    let claimed: Claimed | null;
    try {
      const now = clock.now();
      claimed = repo.onPostgres(db)
        ? await claimOnPostgres(db, now, actor, campaign, municipalityCode)
        : await db
            .transaction()
            .execute((trx) => claimOnSqlite(trx, now, actor, campaign, municipalityCode));
    } catch (error) {
      if (!repo.isRetryable(error) || attempt >= CLAIM_ATTEMPTS) throw error;
      continue;
    }
    if (!claimed) return null;
    const prospect = await discloseProspect(db, clock.now(), actor, claimed);
    // Gone between the commit and the read (opted out or erased): their claim went with them.
    if (!prospect) {
      if (attempt >= CLAIM_ATTEMPTS)
        throw conflict('Many callers at once: try again.', { reason: 'busy' });
      continue;
    }
    return respond(campaign, claimed.claim, prospect);
  }
}

function respond(campaign: Campaign, claim: repo.ClaimRow, prospect: CallProspect): ClaimResponse {
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

function newClaimRow(now: Date, actor: Actor, campaign: Campaign, municipalityCode: string) {
  return {
    id: newId(),
    campaignId: campaign.id,
    regionId: campaign.regionId,
    municipalityCode,
    callerId: actor.principal.userId,
    claimedAt: now.toISOString(),
    expiresAt: new Date(now.getTime() + CLAIM_LEASE_MINUTES * 60_000).toISOString(),
  };
}

/**
 * PostgreSQL: one statement per pick, no transaction (ADR 0010). A pick refused by a unique
 * index (a simultaneous caller won the person, or the caller's own double tap won) is simply
 * made again; the next statement sees the winner.
 */
async function claimOnPostgres(
  db: Db,
  now: Date,
  actor: Actor,
  campaign: Campaign,
  municipalityCode: string,
): Promise<Claimed | null> {
  for (let pick = 1; ; pick++) {
    const step = await repo.claimStepOnPostgres(
      db,
      newClaimRow(now, actor, campaign, municipalityCode),
    );
    if (step.kind === 'none') return null;
    if (step.kind !== 'taken') return { claim: step.claim, again: step.kind === 'again' };
    if (pick >= PICKS) throw conflict('Many callers at once: try again.', { reason: 'busy' });
  }
}

/**
 * SQLite: one write transaction at a time, so these steps cannot interleave with another
 * claim: the caller's live claim, a new one, or null when nobody is left.
 */
async function claimOnSqlite(
  trx: Db,
  now: Date,
  actor: Actor,
  campaign: Campaign,
  municipalityCode: string,
): Promise<Claimed | null> {
  const callerId = actor.principal.userId;
  const at = now.toISOString();
  await repo.expireClaims(trx, { campaignId: campaign.id, municipalityCode, callerId }, at);
  const live = await repo.findLiveClaimOf(trx, callerId, campaign.id, at);
  if (live) return { claim: live, again: true };
  const prospectId = await repo.pickNextProspect(trx, {
    campaignId: campaign.id,
    municipalityCode,
    now: at,
  });
  if (!prospectId) return null;
  const claim = {
    ...newClaimRow(now, actor, campaign, municipalityCode),
    prospectId,
    closedAt: null,
    closeReason: null,
  };
  if (!(await repo.tryInsertClaim(trx, claim))) {
    throw conflict('Many callers at once: try again.', { reason: 'busy' });
  }
  return { claim, again: false };
}
