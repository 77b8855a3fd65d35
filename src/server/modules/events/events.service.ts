import type {
  EventInput,
  EventPatch,
  EventView,
  OrganiserKind,
  UpcomingEvent,
} from '../../../contracts/events.js';
import type { Db } from '../../db/database.js';
import {
  fromDbBool,
  fromDbJson,
  fromDbTime,
  newId,
  toDbBool,
  toDbJson,
} from '../../db/portable.js';
import type { Clock } from '../../deps.js';
import { AppError, type FieldIssue, invalid, notFound } from '../../errors.js';
import type { Principal } from '../../plugins/access.js';
import { recordAudit } from '../audit/audit.service.js';
import { type Actor, auditActor } from '../referral/campaigns.service.js';
import { getRegionById } from '../regions/regions.service.js';
import * as repo from './events.repo.js';
import * as organisers from './organisers.repo.js';
import { isRealLocalTime, osloToUtc, utcToOslo } from './oslo-time.js';

export type { Actor };

export interface Texts {
  nb: string;
  nn?: string | undefined;
  en?: string | undefined;
}

const textsOf = (json: string): Texts => fromDbJson<Texts>(json, { nb: '' });

/** Drops empty translations, so the site shows bokmål (and says so) rather than nothing. */
function cleanTexts(t: { nb: string; nn?: string | undefined; en?: string | undefined }): Texts {
  return { nb: t.nb, ...(t.nn ? { nn: t.nn } : {}), ...(t.en ? { en: t.en } : {}) };
}

/**
 * What a principal may see and change: admins everything, programme leaders their region,
 * hosts their municipalities, organisers their organisation's events (none without one).
 */
export async function eventScopeOf(db: Db, p: Principal): Promise<repo.EventScope> {
  if (p.role === 'admin') return { regionIds: 'all', municipalityCodes: 'all', organiserId: 'all' };
  const regionIds = p.regionId ? [p.regionId] : [];
  if (p.role === 'programme_leader')
    return { regionIds, municipalityCodes: 'all', organiserId: 'all' };
  if (p.role === 'organiser') {
    const organiserId = (await organisers.organiserIdOfUser(db, p.userId)) ?? 'none';
    return { regionIds, municipalityCodes: 'all', organiserId };
  }
  if (p.role === 'host')
    return { regionIds, municipalityCodes: p.municipalityCodes, organiserId: 'all' };
  return { regionIds: [], municipalityCodes: [], organiserId: 'none' };
}

/** The public calendar's next events (front page, municipality page, the hosts' start page). */
export async function listUpcomingEvents(
  db: Db,
  input: { regionId: string; municipalityCodes: string[] | null; from: Date; limit: number },
): Promise<UpcomingEvent[]> {
  const rows = await repo.listPublished(db, {
    regionId: input.regionId,
    municipalityCodes: input.municipalityCodes,
    from: input.from.toISOString(),
    limit: input.limit,
  });
  const counts = await repo.seatCounts(
    db,
    rows.map((r) => r.id),
  );
  return rows.map((r) => ({
    id: r.id,
    title: textsOf(r.title),
    place: r.place,
    municipalityCode: r.municipalityCode,
    startsAt: r.startsAt,
    endsAt: r.endsAt,
    organiserName: r.organiserName,
    cancelled: r.cancelledAt !== null,
    seatsLeft: seatsLeft(r.capacity, counts.get(r.id)?.confirmedSeats ?? 0),
  }));
}

export const seatsLeft = (capacity: number | null, taken: number) =>
  capacity === null ? null : Math.max(0, capacity - taken);

function toView(r: repo.EventRow, counts: repo.SeatCounts | undefined, invited: number): EventView {
  const startsAt = fromDbTime(r.startsAt);
  const endsAt = fromDbTime(r.endsAt);
  return {
    id: r.id,
    regionId: r.regionId,
    organiser: { id: r.organiserId, name: r.organiserName, kind: r.organiserKind as OrganiserKind },
    municipalityCode: r.municipalityCode,
    title: textsOf(r.title),
    description: textsOf(r.description),
    place: r.place,
    startsAt: r.startsAt,
    endsAt: r.endsAt,
    startsAtOslo: utcToOslo(startsAt),
    endsAtOslo: utcToOslo(endsAt),
    capacity: r.capacity,
    registrationOpen: fromDbBool(r.registrationOpen),
    status: r.status as EventView['status'],
    cancelledAt: r.cancelledAt,
    counts: {
      confirmedSeats: counts?.confirmedSeats ?? 0,
      waitingSeats: counts?.waitingSeats ?? 0,
      registrations: counts?.registrations ?? 0,
      attended: counts?.attended ?? 0,
      invited,
    },
    editable: true,
  };
}

async function viewsOf(db: Db, rows: repo.EventRow[]): Promise<EventView[]> {
  const ids = rows.map((r) => r.id);
  const counts = await repo.seatCounts(db, ids);
  const invited = await repo.invitationCounts(db, ids);
  return rows.map((r) => toView(r, counts.get(r.id), invited.get(r.id) ?? 0));
}

export async function listEventsFor(
  db: Db,
  clock: Clock,
  actor: Actor,
  query: { when: 'upcoming' | 'past' | 'all'; municipality?: string | undefined },
): Promise<EventView[]> {
  const scope = await eventScopeOf(db, actor.principal);
  const now = clock.now().toISOString();
  const rows = await repo.listEvents(db, scope, {
    ...(query.when === 'upcoming' ? { from: now } : {}),
    ...(query.when === 'past' ? { before: now } : {}),
    ...(query.municipality ? { municipalityCode: query.municipality } : {}),
  });
  return viewsOf(db, rows);
}

/** An event the actor may change; anything else answers 404 like a missing one. */
export async function findEventFor(db: Db, actor: Actor, id: string): Promise<repo.EventRow> {
  const row = await repo.findEvent(db, await eventScopeOf(db, actor.principal), id);
  if (!row) throw notFound('The event');
  return row;
}

export async function getEventFor(db: Db, actor: Actor, id: string): Promise<EventView> {
  const [view] = await viewsOf(db, [await findEventFor(db, actor, id)]);
  return view!;
}

interface Resolved {
  regionId: string;
  organiserId: string;
}

/** Checks the parts of an event that depend on who writes it and where. */
async function resolveTarget(
  db: Db,
  actor: Actor,
  input: {
    municipalityCode: string;
    organiserId?: string | undefined;
    startsAt: string;
    endsAt: string;
  },
  regionId: string | null,
): Promise<Resolved> {
  const p = actor.principal;
  const issues: FieldIssue[] = [];
  const region = regionId ?? p.regionId;
  if (!region) throw invalid([{ field: 'municipalityCode', message: 'Choose a region first' }]);
  const municipalities = (await getRegionById(db, region)).municipalities.map((m) => m.code);
  if (!municipalities.includes(input.municipalityCode)) {
    issues.push({ field: 'municipalityCode', message: 'Not a municipality of the region' });
  } else if (p.role === 'host' && !p.municipalityCodes.includes(input.municipalityCode)) {
    issues.push({ field: 'municipalityCode', message: 'Not one of your municipalities' });
  }
  const times = (['startsAt', 'endsAt'] as const).filter((f) => isRealLocalTime(input[f]));
  for (const field of ['startsAt', 'endsAt'] as const) {
    if (!times.includes(field)) issues.push({ field, message: 'Not a real date and time' });
  }
  if (times.length === 2 && osloToUtc(input.endsAt) <= osloToUtc(input.startsAt)) {
    issues.push({ field: 'endsAt', message: 'Must be after the start' });
  }
  let organiserId = input.organiserId;
  if (p.role === 'organiser') {
    const own = await organisers.organiserIdOfUser(db, p.userId);
    if (!own) throw new AppError('forbidden', 'You are not linked to an organiser yet.');
    if (organiserId && organiserId !== own) {
      issues.push({
        field: 'organiserId',
        message: 'You may only organise for your own organisation',
      });
    }
    organiserId = own;
  }
  if (!organiserId) {
    issues.push({ field: 'organiserId', message: 'Required' });
  } else {
    const org = await organisers.findOrganiser(db, organiserId);
    if (!org || org.regionId !== region)
      issues.push({ field: 'organiserId', message: 'No such organiser in the region' });
  }
  if (issues.length) throw invalid(issues);
  return { regionId: region, organiserId: organiserId! };
}

export async function createEvent(
  db: Db,
  clock: Clock,
  actor: Actor,
  input: EventInput,
): Promise<EventView> {
  return db.transaction().execute(async (trx) => {
    const target = await resolveTarget(trx, actor, input, null);
    const now = clock.now().toISOString();
    const id = newId();
    await repo.insertEvent(trx, {
      id,
      regionId: target.regionId,
      organiserId: target.organiserId,
      municipalityCode: input.municipalityCode,
      title: toDbJson(cleanTexts(input.title)),
      description: toDbJson(cleanTexts(input.description)),
      place: input.place,
      startsAt: osloToUtc(input.startsAt).toISOString(),
      endsAt: osloToUtc(input.endsAt).toISOString(),
      capacity: input.capacity,
      registrationOpen: toDbBool(input.registrationOpen),
      status: input.status,
      cancelledAt: null,
      createdBy: actor.principal.userId,
      createdAt: now,
      updatedAt: now,
    });
    await recordAudit(trx, clock.now(), {
      action: 'events.created',
      ...auditActor(actor),
      target: { type: 'event', id },
      regionId: target.regionId,
      municipalityCode: input.municipalityCode,
      details: { status: input.status, organiserId: target.organiserId },
    });
    return getEventFor(trx, actor, id);
  });
}

/** Changes an event; `cancelled: true` cancels it and tells everyone registered. */
export async function updateEventFor(
  db: Db,
  clock: Clock,
  actor: Actor,
  id: string,
  patch: EventPatch,
  hooks: {
    /** Tells everyone registered; returns how many were told. */
    onCancel(trx: Db, event: repo.EventRow): Promise<number>;
    /** Gives freed seats (a larger capacity) to the waiting list. */
    onCapacity(trx: Db, eventId: string): Promise<void>;
  },
): Promise<EventView> {
  return db.transaction().execute(async (trx) => {
    const current = await findEventFor(trx, actor, id);
    await repo.lockEvent(trx, id);
    if (current.cancelledAt) throw new AppError('conflict', 'The event is cancelled.');
    const merged = {
      municipalityCode: patch.municipalityCode ?? current.municipalityCode,
      organiserId: patch.organiserId ?? current.organiserId,
      startsAt: patch.startsAt ?? utcToOslo(fromDbTime(current.startsAt)),
      endsAt: patch.endsAt ?? utcToOslo(fromDbTime(current.endsAt)),
    };
    const target = await resolveTarget(trx, actor, merged, current.regionId);
    const now = clock.now().toISOString();
    await repo.updateEvent(trx, id, {
      organiserId: target.organiserId,
      municipalityCode: merged.municipalityCode,
      startsAt: osloToUtc(merged.startsAt).toISOString(),
      endsAt: osloToUtc(merged.endsAt).toISOString(),
      ...(patch.title ? { title: toDbJson(cleanTexts(patch.title)) } : {}),
      ...(patch.description ? { description: toDbJson(cleanTexts(patch.description)) } : {}),
      ...(patch.place !== undefined ? { place: patch.place } : {}),
      ...(patch.capacity !== undefined ? { capacity: patch.capacity } : {}),
      ...(patch.registrationOpen !== undefined
        ? { registrationOpen: toDbBool(patch.registrationOpen) }
        : {}),
      ...(patch.status ? { status: patch.status } : {}),
      ...(patch.cancelled ? { cancelledAt: now } : {}),
      updatedAt: now,
    });
    const told = patch.cancelled ? await hooks.onCancel(trx, current) : 0;
    if (!patch.cancelled && patch.capacity !== undefined) await hooks.onCapacity(trx, id);
    await recordAudit(trx, clock.now(), {
      action: patch.cancelled ? 'events.cancelled' : 'events.updated',
      ...auditActor(actor),
      target: { type: 'event', id },
      regionId: current.regionId,
      municipalityCode: merged.municipalityCode,
      details: { fields: Object.keys(patch), told },
    });
    return getEventFor(trx, actor, id);
  });
}
