import type { Db } from '../../db/database.js';
import type { Clock } from '../../deps.js';
import type { Principal, Role } from '../../plugins/access.js';
import * as repo from './auth.repo.js';
import { hashSecret, newSecret } from './secrets.js';

export const SESSION_COOKIE = 'flytthit_session';
export const SESSION_IDLE_MS = 30 * 60_000;
export const SESSION_ABSOLUTE_MS = 12 * 60 * 60_000;
/**
 * A volunteer signed in by a one-time calling link cannot sign in again without a new link,
 * and a calling day has breaks: their session may idle for 4 hours. It reaches only the
 * calling screen of one municipality and campaign, and still ends after 12 hours.
 */
export const CALLER_LINK_IDLE_MS = 4 * 60 * 60_000;

const idleMsFor = (method: string | undefined) =>
  method === 'caller_link' ? CALLER_LINK_IDLE_MS : SESSION_IDLE_MS;
// Sliding the idle deadline on every request would write on every GET; a minute's slack
// keeps reads cheap and costs at most a minute of idle time.
const TOUCH_AFTER_MS = 60_000;

export interface SessionMeta {
  ip: string | null;
  userAgent: string | null;
}

export interface StartedSession {
  /** The cookie value; only its hash is stored. */
  secret: string;
  id: string;
  absoluteExpiresAt: Date;
}

/** A fresh session (a new id at every sign-in, so a planted id is worthless). */
export async function startSession(
  db: Db,
  clock: Clock,
  userId: string,
  options: SessionMeta & { mfaDone: boolean; method?: 'password' | 'oidc' | 'caller_link' },
): Promise<StartedSession> {
  const now = clock.now();
  const secret = newSecret();
  const id = hashSecret(secret);
  const absoluteExpiresAt = new Date(now.getTime() + SESSION_ABSOLUTE_MS);
  await repo.insertSession(db, {
    id,
    userId,
    createdAt: now.toISOString(),
    lastSeenAt: now.toISOString(),
    idleExpiresAt: new Date(now.getTime() + idleMsFor(options.method)).toISOString(),
    absoluteExpiresAt: absoluteExpiresAt.toISOString(),
    mfaDone: options.mfaDone ? 1 : 0,
    signInMethod: options.method ?? 'password',
    regionId: null,
    ip: options.ip,
    userAgent: options.userAgent?.slice(0, 300) ?? null,
  });
  return { secret, id, absoluteExpiresAt };
}

export interface ResolvedSession {
  session: repo.SessionRecord;
  user: repo.ScopedUserRecord;
}

/** The live session behind a cookie value, or undefined (expired ones are removed). */
export async function resolveSession(
  db: Db,
  clock: Clock,
  secret: string,
): Promise<ResolvedSession | undefined> {
  const id = hashSecret(secret);
  const found = await repo.findSessionWithUser(db, id);
  if (!found) return undefined;
  const { session, user } = found;
  const now = clock.now();
  const nowIso = now.toISOString();
  if (session.idleExpiresAt <= nowIso || session.absoluteExpiresAt <= nowIso) {
    await repo.deleteSession(db, id);
    return undefined;
  }
  if (!user || user.disabledAt) {
    await repo.deleteSession(db, id);
    return undefined;
  }
  if (now.getTime() - Date.parse(session.lastSeenAt) > TOUCH_AFTER_MS) {
    await repo.touchSession(
      db,
      id,
      nowIso,
      new Date(now.getTime() + idleMsFor(session.signInMethod)).toISOString(),
    );
  }
  return { session, user };
}

export async function endSession(db: Db, sessionId: string): Promise<void> {
  await repo.deleteSession(db, sessionId);
}

/** Signs a user out everywhere: on disable, password change and role change. */
export async function endAllSessionsOf(db: Db, userId: string): Promise<number> {
  return repo.deleteUserSessions(db, userId);
}

export async function completeSecondFactor(db: Db, sessionId: string): Promise<void> {
  await repo.markSessionMfaDone(db, sessionId);
}

export const mfaRequiredForRole = (role: string): boolean =>
  role === 'admin' || role === 'programme_leader';

/** The principal of a user; their municipalities are read unless the lookup brought them. */
export async function principalOf(
  db: Db,
  user: repo.UserRecord | repo.ScopedUserRecord,
  via: Principal['via'],
  sessionId?: string,
  signInMethod = 'password',
): Promise<Principal> {
  const municipalityCodes =
    'municipalityCodes' in user
      ? user.municipalityCodes
      : await repo.findUserMunicipalityCodes(db, user.id);
  return {
    userId: user.id,
    email: user.email,
    name: user.name,
    role: user.role as Role,
    regionId: user.regionId,
    municipalityCodes,
    campaignId: user.campaignId,
    via,
    ...(sessionId ? { sessionId } : {}),
    // Someone who came through the municipality's identity provider did its second factor there.
    mfaEnrolmentRequired:
      via === 'session' &&
      signInMethod !== 'oidc' &&
      mfaRequiredForRole(user.role) &&
      user.totpEnabled !== 1,
  };
}

/** A Bearer token's user, when the token is live and the user not disabled. */
export async function resolveApiToken(db: Db, clock: Clock, token: string) {
  const now = clock.now().toISOString();
  const found = await repo.findActiveApiTokenWithUser(db, hashSecret(token), now);
  if (!found || found.user.disabledAt) return undefined;
  const { token: row, user } = found;
  if (!row.lastUsedAt || Date.parse(now) - Date.parse(row.lastUsedAt) > TOUCH_AFTER_MS) {
    await repo.touchApiToken(db, row.id, now);
  }
  return user;
}

/**
 * Housekeeping: expired sessions and sign-in attempts older than a day (the throttle looks
 * back one hour; a day keeps enough for an investigation without hoarding IP addresses).
 */
export async function purgeExpiredAuthData(db: Db, clock: Clock) {
  const now = clock.now();
  const sessions = await repo.deleteExpiredSessions(db, now.toISOString());
  const attempts = await repo.deleteLoginAttemptsBefore(
    db,
    new Date(now.getTime() - 24 * 60 * 60_000).toISOString(),
  );
  return { sessions, attempts };
}
