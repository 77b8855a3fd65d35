import type { Role } from '../../../contracts/auth.js';
import type { UserStatus, UserSummary } from '../../../contracts/users.js';
import type { Db } from '../../db/database.js';
import { newId } from '../../db/portable.js';
import type { Clock } from '../../deps.js';
import { AppError, conflict, type FieldIssue, notFound } from '../../errors.js';
import { type Principal, type Scope, scopeOf } from '../../plugins/access.js';
import { recordAudit } from '../audit/audit.service.js';
import { emailKey } from '../auth/auth.service.js';
import { assertPasswordAcceptable, hashPassword } from '../auth/password.js';
import { getRegionById } from '../regions/regions.service.js';
import * as repo from './users.repo.js';

export interface NewUser {
  email: string;
  name: string;
  role: Role;
  regionId: string | null;
  municipalityCodes: string[];
  campaignId?: string | null;
  /** Omitted for invited users and single sign-on users: they set or need none. */
  password?: string;
  locale?: 'nb' | 'nn' | 'en';
}

/** The rules that tie a role to a region and municipalities. */
export async function validateRoleScope(
  db: Db,
  input: Pick<NewUser, 'role' | 'regionId' | 'municipalityCodes'>,
): Promise<void> {
  const issues: FieldIssue[] = [];
  if (input.role === 'admin') {
    if (input.regionId)
      issues.push({ field: 'regionId', message: 'An administrator belongs to no region' });
    if (input.municipalityCodes.length)
      issues.push({
        field: 'municipalityCodes',
        message: 'An administrator has no municipalities',
      });
  } else if (!input.regionId) {
    issues.push({ field: 'regionId', message: 'Required for this role' });
  } else {
    const region = await getRegionById(db, input.regionId).catch(() => undefined);
    if (!region) {
      issues.push({ field: 'regionId', message: 'No such region' });
    } else {
      const inRegion = new Set(region.municipalities.map((m) => m.code));
      const outside = input.municipalityCodes.filter((c) => !inRegion.has(c));
      if (outside.length)
        issues.push({
          field: 'municipalityCodes',
          message: `Not in the region: ${outside.join(', ')}`,
        });
      if (input.role === 'programme_leader' && input.municipalityCodes.length) {
        issues.push({
          field: 'municipalityCodes',
          message: 'A programme leader covers the whole region',
        });
      }
      if (
        (input.role === 'host' || input.role === 'caller') &&
        input.municipalityCodes.length === 0
      ) {
        issues.push({ field: 'municipalityCodes', message: 'Choose at least one municipality' });
      }
      if (input.role === 'organiser' && input.municipalityCodes.length) {
        // An organiser's reach is their organisation's events (events module), not places.
        issues.push({ field: 'municipalityCodes', message: 'An organiser has no municipalities' });
      }
      if (input.role === 'caller' && input.municipalityCodes.length > 1) {
        issues.push({ field: 'municipalityCodes', message: 'A caller calls for one municipality' });
      }
    }
  }
  if (issues.length)
    throw new AppError('validation', 'The role does not fit its region or municipalities.', {
      details: issues,
    });
}

/** Creates a staff account. Runs in the caller's transaction. */
export async function createUser(db: Db, clock: Clock, input: NewUser): Promise<string> {
  const email = emailKey(input.email);
  await validateRoleScope(db, input);
  if (input.password !== undefined)
    await assertPasswordAcceptable(input.password, { email, name: input.name });
  if (await repo.emailExists(db, email))
    throw conflict('A user with this email already exists.', { field: 'email' });
  const id = newId();
  await repo.insertUser(
    db,
    {
      id,
      email,
      name: input.name.trim(),
      role: input.role,
      regionId: input.regionId,
      campaignId: input.campaignId ?? null,
      passwordHash: input.password !== undefined ? await hashPassword(input.password) : null,
      locale: input.locale ?? 'nb',
      createdAt: clock.now().toISOString(),
    },
    [...new Set(input.municipalityCodes)].sort(),
  );
  return id;
}

export async function countUsers(db: Db): Promise<number> {
  return repo.countUsers(db);
}

/**
 * Who is acting: a signed-in user (through the API), or the system itself (the command line,
 * the first start), which has an administrator's reach and is audited under its label.
 */
export type Actor =
  | { kind: 'user'; principal: Principal; ip: string | null }
  | { kind: 'system'; label: string };

export const ALL_SCOPE: Scope = { regionIds: 'all', municipalityCodes: 'all' };

export const scopeOfActor = (actor: Actor): Scope =>
  actor.kind === 'system' ? ALL_SCOPE : scopeOf(actor.principal);

/** The actor as the audit log records them. */
export function auditActorOf(actor: Actor) {
  return actor.kind === 'system'
    ? { actor: { userId: null, label: actor.label }, ip: null }
    : {
        actor: { userId: actor.principal.userId, label: actor.principal.email },
        ip: actor.ip,
      };
}

export function statusOf(row: repo.UserRow): UserStatus {
  if (row.disabledAt) return 'disabled';
  return row.hasPassword || row.hasIdentity ? 'active' : 'invited';
}

async function toSummaries(db: Db, rows: repo.UserRow[]): Promise<UserSummary[]> {
  const codes = await repo.findMunicipalityCodesOfUsers(
    db,
    rows.map((r) => r.id),
  );
  const byUser = new Map<string, string[]>();
  for (const c of codes)
    byUser.set(c.userId, [...(byUser.get(c.userId) ?? []), c.municipalityCode]);
  return rows.map((r) => ({
    id: r.id,
    email: r.email,
    name: r.name,
    role: r.role as Role,
    regionId: r.regionId,
    municipalityCodes: (byUser.get(r.id) ?? []).sort(),
    campaignId: r.campaignId,
    status: statusOf(r),
    totpEnabled: r.totpEnabled === 1,
    createdAt: r.createdAt,
    disabledAt: r.disabledAt,
  }));
}

/** Users within the scope, optionally of one region, by name. */
export async function listUsers(
  db: Db,
  scope: Scope,
  filter: { regionId?: string | undefined } = {},
): Promise<UserSummary[]> {
  const rows = await repo.findUserRows(
    db,
    scope,
    filter.regionId ? { regionId: filter.regionId } : {},
  );
  return toSummaries(db, rows);
}

/** The user list as administration shows it; staff names and addresses are audited reads. */
export async function listUsersAsActor(
  db: Db,
  clock: Clock,
  actor: Actor,
  filter: { regionId?: string | undefined },
): Promise<UserSummary[]> {
  const users = await listUsers(db, scopeOfActor(actor), filter);
  await recordAudit(db, clock.now(), {
    action: 'user.list',
    ...auditActorOf(actor),
    regionId: filter.regionId ?? (actor.kind === 'user' ? actor.principal.regionId : null),
    details: { regionId: filter.regionId ?? null, returned: users.length },
  });
  return users;
}

/** One user within the scope; outside it answers exactly like a missing one. */
export async function getUserSummary(db: Db, scope: Scope, id: string): Promise<UserSummary> {
  const [row] = await repo.findUserRows(db, scope, { id });
  if (!row) throw notFound('The user');
  const [summary] = await toSummaries(db, [row]);
  return summary!;
}

/** A user by email (any region), for sign-in links and the command line. */
export async function findUserByEmail(db: Db, email: string): Promise<repo.UserRow | undefined> {
  const [row] = await repo.findUserRows(db, ALL_SCOPE, { email: emailKey(email) });
  return row;
}

export async function findUserById(db: Db, id: string): Promise<repo.UserRow | undefined> {
  const [row] = await repo.findUserRows(db, ALL_SCOPE, { id });
  return row;
}

/** Users of one region (null: administrators) with this email, for single sign-on matching. */
export async function findUserByEmailInRegion(
  db: Db,
  email: string,
  regionId: string | null,
): Promise<repo.UserRow | undefined> {
  const row = await findUserByEmail(db, email);
  if (!row || row.regionId !== regionId) return undefined;
  return row;
}

/** Sets a new password (already checked and hashed by the caller) and, optionally, the name. */
export async function setUserPassword(
  db: Db,
  clock: Clock,
  userId: string,
  passwordHash: string,
  name?: string,
): Promise<void> {
  await repo.updateUserRow(
    db,
    userId,
    { passwordHash, ...(name !== undefined ? { name: name.trim() } : {}) },
    clock.now().toISOString(),
  );
}

export async function adminExists(db: Db): Promise<boolean> {
  return repo.adminExists(db);
}
