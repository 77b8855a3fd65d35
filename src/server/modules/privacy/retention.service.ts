import type { Db } from '../../db/database.js';
import { fromDbJson } from '../../db/portable.js';
import type { Clock } from '../../deps.js';
import { invalid } from '../../errors.js';
import { recordAudit } from '../audit/audit.service.js';
import {
  anonymiseRegistrations,
  countRegistrationsToAnonymise,
} from '../events/attendees.service.js';
import { eraseNewcomers, expiredNewcomers } from '../newcomers/newcomers.privacy.js';
import { MOVED_IN_RETENTION_MONTHS, RETENTION_MONTHS } from '../referral/retention.service.js';
import type { RetentionRuleId } from './data-map.js';
import { erasePersonRecords } from './erase-people.js';
import * as repo from './retention.repo.js';

/**
 * Retention per category (docs/privacy.md). The periods the privacy purge applies are
 * configurable (settings, `PUT /api/privacy/retention`); the others are kept by the module
 * that owns the data and shown here so the records of processing list every rule.
 */
export const PURGE_RULES = [
  'unreached',
  'not_interested',
  'call_notes',
  'audit_log',
  'outbox',
  'request_log',
  'newcomers',
  'newcomers_moved_away',
  'event_registrations',
] as const;
export type PurgeRule = (typeof PURGE_RULES)[number];

export const DEFAULT_MONTHS: Record<PurgeRule, number> = {
  unreached: 6,
  not_interested: 3,
  call_notes: 12,
  audit_log: 60,
  outbox: 3,
  request_log: 36,
  newcomers: 36,
  newcomers_moved_away: 12,
  // Name and email of those registered for an event, counted from the event's end.
  event_registrations: 3,
};

/** Rules kept elsewhere (months; 0 where the period is shorter than a month or open-ended). */
const FIXED_MONTHS: Partial<Record<RetentionRuleId, number>> = {
  campaign_end: RETENTION_MONTHS,
  moved_in: MOVED_IN_RETENTION_MONTHS,
  account: 0,
  session: 0,
  login_attempts: 0,
  one_time_token: 0,
  // 60 days after the invitation was answered, expired or cancelled (surveys/delivery.service.ts).
  survey_invitations: 2,
};

const SLICE = 500;

const isPurgeRule = (rule: string): rule is PurgeRule =>
  (PURGE_RULES as readonly string[]).includes(rule);

export async function getPeriods(db: Db): Promise<Record<PurgeRule, number>> {
  const stored = fromDbJson<Record<string, number>>(await repo.readPeriods(db), {});
  const out = { ...DEFAULT_MONTHS };
  for (const [rule, months] of Object.entries(stored)) {
    if (isPurgeRule(rule) && Number.isInteger(months) && months > 0) out[rule] = months;
  }
  return out;
}

function monthsBefore(now: Date, months: number): string {
  const d = new Date(now);
  d.setUTCMonth(d.getUTCMonth() - months);
  return d.toISOString();
}

/** Campaigns whose last calling day (or end, without one) is before the cutoff date. */
async function campaignsCalledBefore(db: Db, cutoff: string): Promise<string[]> {
  const day = cutoff.slice(0, 10);
  return (await repo.campaignCallingDays(db))
    .filter((c) => {
      const days = fromDbJson<string[]>(c.callingDays, []);
      const last = days.length ? [...days].sort().at(-1)! : c.endsOn;
      return last < day;
    })
    .map((c) => c.id);
}

type Finder = (db: Db, limit: number) => Promise<string[]>;

async function prospectFinder(db: Db, rule: PurgeRule, cutoff: string): Promise<Finder | null> {
  if (rule === 'unreached') {
    const campaigns = await campaignsCalledBefore(db, cutoff);
    return (d, limit) => repo.unreachedProspectIds(d, campaigns, limit);
  }
  if (rule === 'not_interested')
    return (d, limit) => repo.notInterestedProspectIds(d, cutoff, limit);
  return null;
}

const TABLE_OF = {
  audit_log: 'auditLog',
  outbox: 'outbox',
  request_log: 'privacyRequests',
} as const;

async function countRule(db: Db, rule: PurgeRule, cutoff: string): Promise<number> {
  if (rule === 'event_registrations') return countRegistrationsToAnonymise(db, new Date(cutoff));
  if (rule === 'newcomers' || rule === 'newcomers_moved_away') {
    return (await expiredNewcomers(db, rule, cutoff, 1_000_000)).length;
  }
  const finder = await prospectFinder(db, rule, cutoff);
  if (finder) return (await finder(db, 1_000_000)).length;
  if (rule === 'call_notes') return repo.countCallNotes(db, cutoff);
  return repo.countOld(db, TABLE_OF[rule as keyof typeof TABLE_OF], cutoff);
}

async function applyRule(db: Db, rule: PurgeRule, cutoff: string, now: Date): Promise<number> {
  if (rule === 'event_registrations') {
    return anonymiseRegistrations(db, { now: () => now }, new Date(cutoff));
  }
  if (rule === 'newcomers' || rule === 'newcomers_moved_away') {
    let total = 0;
    for (;;) {
      const n = await db
        .transaction()
        .execute(async (trx) =>
          eraseNewcomers(trx, await expiredNewcomers(trx, rule, cutoff, SLICE)),
        );
      total += n;
      if (n < SLICE) return total;
    }
  }
  const finder = await prospectFinder(db, rule, cutoff);
  if (finder) {
    let total = 0;
    for (;;) {
      const n = await db.transaction().execute(async (trx) => {
        const ids = await finder(trx, SLICE);
        await erasePersonRecords(trx, ids, now);
        return ids.length;
      });
      total += n;
      if (n < SLICE) return total;
    }
  }
  if (rule === 'call_notes') return repo.eraseCallNotes(db, cutoff);
  return repo.deleteOld(db, TABLE_OF[rule as keyof typeof TABLE_OF], cutoff);
}

/**
 * One purge round: what each rule erased, as counts (never contents). With `dryRun`, what it
 * would erase. Idempotent: a second round right after finds nothing.
 */
export async function runRetentionPurge(
  db: Db,
  clock: Clock,
  options: { dryRun?: boolean; actorLabel?: string } = {},
): Promise<Record<PurgeRule, number>> {
  const now = clock.now();
  const periods = await getPeriods(db);
  const counts = {} as Record<PurgeRule, number>;
  for (const rule of PURGE_RULES) {
    const cutoff = monthsBefore(now, periods[rule]);
    counts[rule] = options.dryRun
      ? await countRule(db, rule, cutoff)
      : await applyRule(db, rule, cutoff, now);
  }
  if (!options.dryRun && Object.values(counts).some((n) => n > 0)) {
    await recordAudit(db, now, {
      action: 'privacy.retention_purged',
      actor: { userId: null, label: options.actorLabel ?? 'housekeeping' },
      details: { ...counts },
    });
  }
  return counts;
}

export interface RetentionPeriod {
  rule: string;
  months: number;
  defaultMonths: number;
  configurable: boolean;
  due: number | null;
}

/** Every rule with its period; the configurable ones with what the next purge would erase. */
export async function listRetention(db: Db, clock: Clock): Promise<RetentionPeriod[]> {
  const periods = await getPeriods(db);
  const due = await runRetentionPurge(db, clock, { dryRun: true });
  return [
    ...PURGE_RULES.map((rule) => ({
      rule,
      months: periods[rule],
      defaultMonths: DEFAULT_MONTHS[rule],
      configurable: true,
      due: due[rule],
    })),
    ...Object.entries(FIXED_MONTHS).map(([rule, months]) => ({
      rule,
      months,
      defaultMonths: months,
      configurable: false,
      due: null,
    })),
  ];
}

export async function setRetention(
  db: Db,
  clock: Clock,
  actor: { userId: string; label: string; ip: string | null },
  periods: Record<string, number>,
): Promise<RetentionPeriod[]> {
  const unknown = Object.keys(periods).filter((rule) => !isPurgeRule(rule));
  if (unknown.length) {
    throw invalid(unknown.map((rule) => ({ field: `periods.${rule}`, message: 'Not a rule' })));
  }
  const next = { ...(await getPeriods(db)), ...periods };
  await repo.writePeriods(db, JSON.stringify(next));
  await recordAudit(db, clock.now(), {
    action: 'privacy.retention_changed',
    actor: { userId: actor.userId, label: actor.label },
    ip: actor.ip,
    details: { periods },
  });
  return listRetention(db, clock);
}
