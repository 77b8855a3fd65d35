import type { UserSummary } from '../../../contracts/users.js';
import type { Db } from '../../db/database.js';
import type { Clock } from '../../deps.js';
import { AppError } from '../../errors.js';
import { invitationLink, invitationMail } from '../accounts/accounts.mail.js';
import { issueOneTimeToken, retireOneTimeTokensOf } from '../accounts/one-time-tokens.service.js';
import { recordAudit } from '../audit/audit.service.js';
import { endAllSessionsOf } from '../auth/session.service.js';
import { queueEmail } from '../notifications/notifications.service.js';
import * as repo from './users.repo.js';
import {
  type Actor,
  ALL_SCOPE,
  auditActorOf,
  createUser,
  findUserById,
  getUserSummary,
  type NewUser,
  scopeOfActor,
  validateRoleScope,
} from './users.service.js';

/**
 * Who may give whom which role: administrators anything; a programme leader only hosts,
 * callers and organisers of their own region (so nobody can raise anyone, themselves included, above
 * their own reach).
 */
function assertMayAssign(actor: Actor, target: Pick<UserSummary, 'role' | 'regionId'>): void {
  if (actor.kind === 'system' || actor.principal.role === 'admin') return;
  const p = actor.principal;
  if (p.role !== 'programme_leader') throw new AppError('forbidden', 'You may not manage users.');
  if (target.role === 'admin' || target.role === 'programme_leader') {
    throw new AppError(
      'forbidden',
      'A programme leader may only manage hosts, callers and organisers.',
    );
  }
  if (target.regionId !== p.regionId) {
    throw new AppError('forbidden', 'You may only manage people in your own region.');
  }
}

/** The invitation email, queued in the caller's transaction so it exists only if the user does. */
async function queueInvitation(
  db: Db,
  clock: Clock,
  actor: Actor,
  user: Pick<UserSummary, 'id' | 'email' | 'name' | 'regionId'> & { locale?: string | undefined },
  link: string,
): Promise<void> {
  const invitedBy = actor.kind === 'user' ? actor.principal.name : 'Flytthit';
  await queueEmail(db, clock, {
    to: user.email,
    ...invitationMail(user.locale ?? 'nb', { name: user.name, invitedBy, link }),
    regionId: user.regionId ?? undefined,
    purpose: `accounts.invitation:${user.id}`,
  });
}

const selfId = (actor: Actor) => (actor.kind === 'user' ? actor.principal.userId : undefined);

export interface AddUserOptions {
  publicUrl: string;
  /** Set: the user signs in with it at once. Unset: they get a one-time invitation link. */
  password?: string | undefined;
  /** Email the invitation link (through the outbox) as well as returning it. */
  sendEmail: boolean;
}

export interface AddedUser {
  user: UserSummary;
  /** The invitation link, when the user has no password yet. */
  link?: string;
  linkExpiresAt?: string;
}

/**
 * Creates a staff account with a password or an invitation link, in one transaction with
 * the link, its email (so the email is sent only if the account exists) and the audit entry.
 */
export async function addUser(
  db: Db,
  clock: Clock,
  actor: Actor,
  input: Omit<NewUser, 'password'>,
  options: AddUserOptions,
): Promise<AddedUser> {
  assertMayAssign(actor, { role: input.role, regionId: input.regionId });
  return db.transaction().execute(async (trx) => {
    const id = await createUser(trx, clock, { ...input, password: options.password });
    const result: AddedUser = { user: await getUserSummary(trx, ALL_SCOPE, id) };
    if (options.password === undefined) {
      const { token, expiresAt } = await issueOneTimeToken(trx, clock, {
        purpose: 'invitation',
        userId: id,
      });
      result.link = invitationLink(options.publicUrl, token);
      result.linkExpiresAt = expiresAt;
      if (options.sendEmail) {
        await queueInvitation(
          trx,
          clock,
          actor,
          { ...result.user, locale: input.locale },
          result.link,
        );
      }
    }
    await recordAudit(trx, clock.now(), {
      action: options.password === undefined ? 'user.invited' : 'user.created',
      ...auditActorOf(actor),
      target: { type: 'user', id },
      regionId: input.regionId,
      details: {
        role: input.role,
        municipalityCodes: result.user.municipalityCodes,
        emailSent: options.sendEmail && options.password === undefined,
      },
    });
    return result;
  });
}

export interface UserChanges {
  name?: string | undefined;
  role?: UserSummary['role'] | undefined;
  municipalityCodes?: string[] | undefined;
  regionId?: string | null | undefined;
  campaignId?: string | null | undefined;
}

/** The user's role and scope after the changes; regionless roles drop region and municipalities. */
function nextScopeOf(current: UserSummary, changes: UserChanges) {
  const role = changes.role ?? current.role;
  const roleChanged = role !== current.role;
  const regionId =
    changes.regionId !== undefined ? changes.regionId : role === 'admin' ? null : current.regionId;
  const wholeRegion = role === 'admin' || role === 'programme_leader';
  const municipalityCodes =
    changes.municipalityCodes ?? (roleChanged && wholeRegion ? [] : current.municipalityCodes);
  return { role, regionId, municipalityCodes: [...new Set(municipalityCodes)].sort() };
}

/** Changes name, role, region, municipalities or campaign; a new role signs the user out. */
export async function updateUser(
  db: Db,
  clock: Clock,
  actor: Actor,
  userId: string,
  changes: UserChanges,
): Promise<UserSummary> {
  const current = await getUserSummary(db, scopeOfActor(actor), userId);
  assertMayAssign(actor, current);
  const next = nextScopeOf(current, changes);
  const roleChanged = next.role !== current.role || next.regionId !== current.regionId;
  if (roleChanged && selfId(actor) === userId) {
    throw new AppError('forbidden', 'You cannot change your own role or region.');
  }
  assertMayAssign(actor, next);
  await validateRoleScope(db, next);
  const codesChanged = next.municipalityCodes.join() !== current.municipalityCodes.join();
  const changed = [
    ...(changes.name !== undefined && changes.name.trim() !== current.name ? ['name'] : []),
    ...(next.role !== current.role ? ['role'] : []),
    ...(next.regionId !== current.regionId ? ['regionId'] : []),
    ...(codesChanged ? ['municipalityCodes'] : []),
    ...(changes.campaignId !== undefined && changes.campaignId !== current.campaignId
      ? ['campaignId']
      : []),
  ];
  if (changed.length === 0) return current;
  await db.transaction().execute(async (trx) => {
    await repo.updateUserRow(
      trx,
      userId,
      {
        ...(changes.name !== undefined ? { name: changes.name.trim() } : {}),
        role: next.role,
        regionId: next.regionId,
        ...(changes.campaignId !== undefined ? { campaignId: changes.campaignId } : {}),
      },
      clock.now().toISOString(),
    );
    if (codesChanged) await repo.replaceUserMunicipalities(trx, userId, next.municipalityCodes);
    // Whoever holds a session keeps acting in the old role until it ends: end it now.
    const sessionsEnded = roleChanged ? await endAllSessionsOf(trx, userId) : 0;
    await recordAudit(trx, clock.now(), {
      action: 'user.updated',
      ...auditActorOf(actor),
      target: { type: 'user', id: userId },
      regionId: next.regionId ?? current.regionId,
      details: {
        changed,
        ...(next.role !== current.role ? { roleFrom: current.role, roleTo: next.role } : {}),
        ...(codesChanged ? { municipalityCodes: next.municipalityCodes } : {}),
        sessionsEnded,
      },
    });
  });
  return getUserSummary(db, ALL_SCOPE, userId);
}

/** Disables (signs out everywhere, kills pending links) or enables a user. */
export async function setUserDisabled(
  db: Db,
  clock: Clock,
  actor: Actor,
  userId: string,
  disabled: boolean,
): Promise<UserSummary> {
  const current = await getUserSummary(db, scopeOfActor(actor), userId);
  if (disabled && selfId(actor) === userId) {
    throw new AppError('forbidden', 'You cannot disable yourself.');
  }
  assertMayAssign(actor, current);
  if ((current.status === 'disabled') === disabled) return current;
  await db.transaction().execute(async (trx) => {
    const now = clock.now().toISOString();
    await repo.updateUserRow(trx, userId, { disabledAt: disabled ? now : null }, now);
    let sessionsEnded = 0;
    if (disabled) {
      sessionsEnded = await endAllSessionsOf(trx, userId);
      await retireOneTimeTokensOf(trx, clock, userId, [
        'invitation',
        'first_admin',
        'password_reset',
      ]);
    }
    await recordAudit(trx, clock.now(), {
      action: disabled ? 'user.disabled' : 'user.enabled',
      ...auditActorOf(actor),
      target: { type: 'user', id: userId },
      regionId: current.regionId,
      details: disabled ? { sessionsEnded } : {},
    });
  });
  return getUserSummary(db, ALL_SCOPE, userId);
}

/**
 * A fresh invitation link (and email) for someone who has not accepted theirs yet; earlier
 * links stop working. Someone who already can sign in uses the password reset instead.
 */
export async function reinviteUser(
  db: Db,
  clock: Clock,
  actor: Actor,
  userId: string,
  options: Omit<AddUserOptions, 'password'>,
): Promise<AddedUser> {
  const user = await getUserSummary(db, scopeOfActor(actor), userId);
  assertMayAssign(actor, user);
  if (user.role === 'caller' && user.email.endsWith('@callers.invalid')) {
    // A volunteer made by a calling link has no address to invite; they get a new link.
    throw new AppError(
      'conflict',
      'A volunteer caller gets a new calling link, not an invitation.',
    );
  }
  if (user.status !== 'invited') {
    throw new AppError(
      'conflict',
      `${user.email} has ${user.status === 'disabled' ? 'been disabled' : 'already accepted the invitation; use the password reset'}.`,
    );
  }
  return db.transaction().execute(async (trx) => {
    await retireOneTimeTokensOf(trx, clock, userId, ['invitation', 'first_admin']);
    const { token, expiresAt } = await issueOneTimeToken(trx, clock, {
      purpose: 'invitation',
      userId,
    });
    const link = invitationLink(options.publicUrl, token);
    if (options.sendEmail) {
      const locale = (await findUserById(trx, userId))?.locale;
      await queueInvitation(trx, clock, actor, { ...user, locale }, link);
    }
    await recordAudit(trx, clock.now(), {
      action: 'user.reinvited',
      ...auditActorOf(actor),
      target: { type: 'user', id: userId },
      regionId: user.regionId,
      details: { emailSent: options.sendEmail },
    });
    return { user, link, linkExpiresAt: expiresAt };
  });
}
