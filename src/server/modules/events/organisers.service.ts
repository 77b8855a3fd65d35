import type { Organiser, OrganiserKind } from '../../../contracts/events.js';
import type { Db } from '../../db/database.js';
import { newId } from '../../db/portable.js';
import type { Clock } from '../../deps.js';
import { AppError, conflict, invalid, notFound } from '../../errors.js';
import { recordAudit } from '../audit/audit.service.js';
import { type Actor, auditActor } from '../referral/campaigns.service.js';
import * as repo from './organisers.repo.js';

/**
 * Organisers: who runs events. Programme leaders (and admins) keep the region's list and
 * link organiser users to one; an organiser user sees only their own; hosts read the list
 * to choose who runs an event in their municipality.
 */

const regionsOf = (actor: Actor): 'all' | string[] =>
  actor.principal.role === 'admin'
    ? 'all'
    : actor.principal.regionId
      ? [actor.principal.regionId]
      : [];

export async function listOrganisersFor(db: Db, actor: Actor): Promise<Organiser[]> {
  const own =
    actor.principal.role === 'organiser'
      ? ((await repo.organiserIdOfUser(db, actor.principal.userId)) ?? 'none')
      : undefined;
  const rows = await repo.listOrganisers(db, regionsOf(actor), own);
  const members =
    actor.principal.role === 'organiser'
      ? []
      : await repo.membersOf(
          db,
          rows.map((r) => r.id),
        );
  return rows.map((r) => ({
    id: r.id,
    name: r.name,
    kind: r.kind as OrganiserKind,
    members: members
      .filter((m) => m.organiserId === r.id)
      .map((m) => ({ userId: m.userId, name: m.name, email: m.email })),
  }));
}

async function organiserInScope(db: Db, actor: Actor, id: string) {
  const row = await repo.findOrganiser(db, id);
  const regions = regionsOf(actor);
  if (!row || (regions !== 'all' && !regions.includes(row.regionId)))
    throw notFound('The organiser');
  return row;
}

export async function createOrganiser(
  db: Db,
  clock: Clock,
  actor: Actor,
  input: { name: string; kind: OrganiserKind; regionId?: string | undefined },
): Promise<Organiser> {
  const regionId = actor.principal.regionId ?? input.regionId;
  if (!regionId) throw invalid([{ field: 'regionId', message: 'Required for an administrator' }]);
  const id = newId();
  const inserted = await repo.insertOrganiser(db, {
    id,
    regionId,
    name: input.name,
    kind: input.kind,
    createdAt: clock.now().toISOString(),
  });
  if (!inserted) throw conflict('An organiser with this name exists in the region.');
  await recordAudit(db, clock.now(), {
    action: 'events.organiser_created',
    ...auditActor(actor),
    target: { type: 'event_organiser', id },
    regionId,
    details: { kind: input.kind },
  });
  return { id, name: input.name, kind: input.kind, members: [] };
}

/** Links an organiser user to the organisation (moving them from another, if any). */
export async function addMember(
  db: Db,
  clock: Clock,
  actor: Actor,
  organiserId: string,
  userId: string,
) {
  const organiser = await organiserInScope(db, actor, organiserId);
  const user = await repo.findUserForMembership(db, userId);
  if (!user || user.regionId !== organiser.regionId) {
    throw invalid([{ field: 'userId', message: 'No such user in the region' }]);
  }
  if (user.role !== 'organiser') {
    throw invalid([{ field: 'userId', message: 'Only organiser users belong to an organiser' }]);
  }
  await repo.setMember(db, userId, organiserId, clock.now().toISOString());
  await recordAudit(db, clock.now(), {
    action: 'events.organiser_member_added',
    ...auditActor(actor),
    target: { type: 'user', id: userId },
    regionId: organiser.regionId,
    details: { organiserId },
  });
  return (await listOrganisersFor(db, actor)).find((o) => o.id === organiserId)!;
}

export async function removeMember(
  db: Db,
  clock: Clock,
  actor: Actor,
  organiserId: string,
  userId: string,
) {
  const organiser = await organiserInScope(db, actor, organiserId);
  if (!(await repo.removeMember(db, userId, organiserId))) throw notFound('The member');
  await recordAudit(db, clock.now(), {
    action: 'events.organiser_member_removed',
    ...auditActor(actor),
    target: { type: 'user', id: userId },
    regionId: organiser.regionId,
    details: { organiserId },
  });
}

/** For the demo and the CLI: the organiser of that name, made when missing. */
export async function ensureOrganiser(
  db: Db,
  clock: Clock,
  input: { regionId: string; name: string; kind: OrganiserKind },
): Promise<string> {
  await repo.insertOrganiser(db, { id: newId(), ...input, createdAt: clock.now().toISOString() });
  const row = await repo.findOrganiserByName(db, input.regionId, input.name);
  if (!row) throw new AppError('internal', 'The organiser could not be made.');
  return row.id;
}
