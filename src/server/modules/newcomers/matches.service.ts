import type { Match, MatchList } from '../../../contracts/newcomers.js';
import type { Db } from '../../db/database.js';
import { fromDbJson, newId, toDbJson } from '../../db/portable.js';
import type { Clock } from '../../deps.js';
import { conflict, notFound } from '../../errors.js';
import { scopeOf } from '../../plugins/access.js';
import { recordAudit } from '../audit/audit.service.js';
import { changePipeline } from '../followup/pipeline.service.js';
import { todayInOslo } from '../followup/tasks.service.js';
import { type Actor, auditActor } from '../referral/campaigns.service.js';
import { foldName } from '../referral/normalise.js';
import * as repo from './matches.repo.js';
import type { CleanAdult } from './newcomers.rules.js';

/**
 * A registration that looks like a campaign's prospect is proposed to the host, who confirms
 * the conversion (the prospect is then recorded as moved in, through the followup module) or
 * rejects it. Prospects have no birth year, so a proposal rests on the phone number, the
 * folded full name, and whether the prospect's household text names another adult.
 */

type Reason = Match['reasons'][number];

function reasonsFor(candidate: repo.CandidateRow, adults: CleanAdult[]): Reason[] {
  const reasons: Reason[] = [];
  if (candidate.phoneE164 && adults.some((a) => a.phoneE164 === candidate.phoneE164)) {
    reasons.push('phone');
  }
  const named = adults.find((a) => a.nameKey === candidate.nameKey);
  if (named) reasons.push('name');
  // "Kari og Ola, to barn": the household text naming another adult of the registration.
  const household = foldName(candidate.household ?? '');
  const others = adults.filter((a) => a !== named).map((a) => a.nameKey.split(' ')[0] ?? '');
  if (household && others.some((first) => first && household.split(' ').includes(first))) {
    reasons.push('household');
  }
  return reasons;
}

/** Proposes the prospects this household may be; runs in the registration's transaction. */
export async function proposeMatches(
  db: Db,
  now: Date,
  newcomer: { id: string; regionId: string },
  adults: CleanAdult[],
): Promise<number> {
  const phones = adults.flatMap((a) => (a.phoneE164 ? [a.phoneE164] : []));
  const names = adults.map((a) => a.nameKey).filter(Boolean);
  const candidates = await repo.findCandidateProspects(db, newcomer.regionId, phones, names);
  const rows = candidates
    .map((c) => ({ c, reasons: reasonsFor(c, adults) }))
    .filter(({ reasons }) => reasons.includes('phone') || reasons.includes('name'))
    .map(({ c, reasons }) => ({
      id: newId(),
      newcomerId: newcomer.id,
      prospectId: c.id,
      reasons: toDbJson(reasons),
      status: 'open',
      createdAt: now.toISOString(),
      decidedAt: null,
      decidedBy: null,
    }));
  await repo.insertMatches(db, rows);
  return rows.length;
}

export function toMatch(row: repo.MatchRow): Match {
  return {
    id: row.id,
    newcomerId: row.newcomerId,
    newcomerName: row.newcomerName ?? '',
    prospect: {
      id: row.prospectId,
      name: row.prospectName,
      household: row.prospectHousehold,
      phone: row.prospectPhone,
      campaignId: row.campaignId,
      campaignName: row.campaignName,
      municipalityCode: row.prospectMunicipalityCode,
    },
    reasons: fromDbJson<Reason[]>(row.reasons, []),
    status: row.status as Match['status'],
    createdAt: row.createdAt,
    decidedAt: row.decidedAt,
  };
}

export async function findMatchesOf(db: Db, actor: Actor, newcomerId: string): Promise<Match[]> {
  return (await repo.findMatches(db, scopeOf(actor.principal), { newcomerId })).map(toMatch);
}

/** Open proposals in the actor's municipalities. Reading names and phones is audited. */
export async function listMatches(db: Db, clock: Clock, actor: Actor): Promise<MatchList> {
  const rows = await repo.findMatches(db, scopeOf(actor.principal), { status: 'open' });
  await recordAudit(db, clock.now(), {
    action: 'newcomers.matches_read',
    ...auditActor(actor),
    regionId: actor.principal.regionId,
    details: { returned: rows.length },
  });
  return { matches: rows.map(toMatch) };
}

async function openMatch(db: Db, actor: Actor, id: string): Promise<repo.MatchRow> {
  const [row] = await repo.findMatches(db, scopeOf(actor.principal), { id });
  if (!row) throw notFound('The proposal');
  return row;
}

/**
 * The host confirms: the prospect is recorded as moved in (on the moving date, or today if
 * that is still ahead) to the newcomer's municipality, and other open proposals of either
 * are rejected. A host may confirm for a prospect tipped to a neighbouring municipality:
 * the newcomer lives in theirs, and the proposal was made by the system, not looked up.
 */
export async function confirmMatch(
  db: Db,
  clock: Clock,
  actor: Actor,
  id: string,
  input: { on?: string | undefined },
): Promise<Match> {
  const row = await openMatch(db, actor, id);
  if (row.status === 'rejected')
    throw conflict('The proposal was rejected.', { reason: 'rejected' });
  const now = clock.now();
  const today = todayInOslo(now);
  // Dates as text sort as time: the earlier of the moving date and today.
  const on = input.on ?? [row.movingDate, today].sort()[0]!;
  if (row.status === 'open') {
    const { principal } = actor;
    const widened =
      principal.role === 'host'
        ? {
            ...actor,
            principal: {
              ...principal,
              municipalityCodes: [...principal.municipalityCodes, row.prospectMunicipalityCode],
            },
          }
        : actor;
    await changePipeline(db, clock, widened, row.prospectId, {
      step: 'moved-in',
      input: { on, municipalityCode: row.newcomerMunicipalityCode },
    });
    await db.transaction().execute(async (trx) => {
      const at = now.toISOString();
      if (!(await repo.decideMatch(trx, id, 'confirmed', at, principal.userId))) return;
      await repo.rejectOthers(trx, row, at, principal.userId);
      await recordAudit(trx, now, {
        action: 'newcomers.match_confirmed',
        ...auditActor(actor),
        target: { type: 'newcomer', id: row.newcomerId },
        regionId: row.regionId,
        municipalityCode: row.newcomerMunicipalityCode,
        details: { matchId: id, prospectId: row.prospectId, campaignId: row.campaignId, on },
      });
    });
  }
  return toMatch(await openMatch(db, actor, id));
}

export async function rejectMatch(db: Db, clock: Clock, actor: Actor, id: string): Promise<Match> {
  const row = await openMatch(db, actor, id);
  if (row.status === 'confirmed') {
    throw conflict('The conversion was confirmed; undo "moved in" on the prospect instead.', {
      reason: 'confirmed',
    });
  }
  const now = clock.now();
  await db.transaction().execute(async (trx) => {
    if (!(await repo.decideMatch(trx, id, 'rejected', now.toISOString(), actor.principal.userId)))
      return;
    await recordAudit(trx, now, {
      action: 'newcomers.match_rejected',
      ...auditActor(actor),
      target: { type: 'newcomer', id: row.newcomerId },
      regionId: row.regionId,
      municipalityCode: row.newcomerMunicipalityCode,
      details: { matchId: id, prospectId: row.prospectId },
    });
  });
  return toMatch(await openMatch(db, actor, id));
}
