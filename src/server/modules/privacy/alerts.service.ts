import type { Db } from '../../db/database.js';
import { fromDbJson } from '../../db/portable.js';
import type { Clock } from '../../deps.js';
import { recordAudit } from '../audit/audit.service.js';
import { auditedBy, type PrivacyActor } from './actor.js';
import { findReadEvents } from './privacy.repo.js';

/**
 * Unusual use: a user who viewed or exported many people within one clock hour in the last
 * seven days. Each audited read counts the people it returned (a list counts its length).
 */
export const ALERT_THRESHOLD = 200;
const LOOK_BACK_MS = 7 * 86_400_000;

const READ_ACTIONS = [
  'referral.prospect_read',
  'referral.prospects_read',
  'referral.held_prospects_read',
  'referral.postcards_exported',
  'calling.callable_listed',
  'calling.call_sheet_exported',
  'privacy.access_export',
];

function peopleIn(details: string | null): number {
  const d = fromDbJson<Record<string, unknown>>(details, {});
  for (const key of ['returned', 'prospects', 'cards', 'people']) {
    if (typeof d[key] === 'number') return d[key];
  }
  return 1;
}

export async function listAlerts(
  db: Db,
  clock: Clock,
  actor: PrivacyActor,
  threshold = ALERT_THRESHOLD,
) {
  const since = new Date(clock.now().getTime() - LOOK_BACK_MS).toISOString();
  const events = await findReadEvents(db, actor.scope, since, READ_ACTIONS);
  const buckets = new Map<
    string,
    {
      userId: string | null;
      actorLabel: string;
      hourStart: string;
      people: number;
      actions: number;
    }
  >();
  for (const e of events) {
    const hourStart = `${e.at.slice(0, 13)}:00:00.000Z`;
    const key = `${e.actorUserId ?? e.actorLabel}|${hourStart}`;
    const b = buckets.get(key) ?? {
      userId: e.actorUserId,
      actorLabel: e.actorLabel,
      hourStart,
      people: 0,
      actions: 0,
    };
    b.people += peopleIn(e.details);
    b.actions += 1;
    buckets.set(key, b);
  }
  const alerts = [...buckets.values()]
    .filter((b) => b.people >= threshold)
    .sort((a, b) => b.hourStart.localeCompare(a.hourStart));
  // Who read many people is itself personal data about staff: reading it is audited.
  await recordAudit(db, clock.now(), {
    action: 'privacy.alerts_read',
    ...auditedBy(actor),
    regionId: actor.regionId,
    details: { returned: alerts.length },
  });
  return { alerts, threshold };
}
