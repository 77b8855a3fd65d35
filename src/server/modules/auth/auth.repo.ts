import type { Db } from '../../db/database.js';

export interface UserRecord {
  id: string;
  email: string;
  name: string;
  role: string;
  regionId: string | null;
  campaignId: string | null;
  passwordHash: string | null;
  totpSecret: string | null;
  totpEnabled: number;
  locale: string;
  disabledAt: string | null;
}

const userColumns = [
  'id',
  'email',
  'name',
  'role',
  'regionId',
  'campaignId',
  'passwordHash',
  'totpSecret',
  'totpEnabled',
  'locale',
  'disabledAt',
] as const;

export async function findUserByEmail(db: Db, email: string): Promise<UserRecord | undefined> {
  return db.selectFrom('users').select(userColumns).where('email', '=', email).executeTakeFirst();
}

export async function findUserById(db: Db, id: string): Promise<UserRecord | undefined> {
  return db.selectFrom('users').select(userColumns).where('id', '=', id).executeTakeFirst();
}

/** A user with the municipalities they are limited to: what every request's principal needs. */
export interface ScopedUserRecord extends UserRecord {
  municipalityCodes: string[];
}

const joinedUserColumns = userColumns.map((c) => `users.${c}` as const);

/**
 * Folds the rows of a users ⟕ user_municipalities join (one row per municipality, or one with
 * null for none) into the user; undefined when there are no rows or no user.
 */
function foldScopedUser<R extends { id: string | null; municipalityCode: string | null }>(
  rows: R[],
): (R & ScopedUserRecord) | undefined {
  const first = rows[0];
  if (!first || first.id === null) return undefined;
  const municipalityCodes = rows
    .map((r) => r.municipalityCode)
    .filter((c): c is string => c !== null)
    .sort();
  const { municipalityCode: _one, ...rest } = first;
  return { ...rest, municipalityCodes } as unknown as R & ScopedUserRecord;
}

export async function findUserMunicipalityCodes(db: Db, userId: string): Promise<string[]> {
  const rows = await db
    .selectFrom('userMunicipalities')
    .select('municipalityCode')
    .where('userId', '=', userId)
    .orderBy('municipalityCode')
    .execute();
  return rows.map((r) => r.municipalityCode);
}

export async function updateUserFields(
  db: Db,
  id: string,
  fields: Partial<
    Pick<UserRecord, 'locale' | 'name' | 'totpSecret' | 'totpEnabled' | 'passwordHash'>
  >,
  updatedAt: string,
): Promise<void> {
  await db
    .updateTable('users')
    .set({ ...fields, updatedAt })
    .where('id', '=', id)
    .execute();
}

// Sessions

export interface SessionRecord {
  id: string;
  userId: string;
  createdAt: string;
  lastSeenAt: string;
  idleExpiresAt: string;
  absoluteExpiresAt: string;
  mfaDone: number;
  signInMethod: string;
  regionId: string | null;
}

export async function insertSession(
  db: Db,
  s: SessionRecord & { ip: string | null; userAgent: string | null },
): Promise<void> {
  await db.insertInto('sessions').values(s).execute();
}

export interface SessionWithUser {
  session: SessionRecord;
  /** Undefined when the session's user is gone. */
  user: ScopedUserRecord | undefined;
}

/**
 * The session with its user and the user's municipalities in one round trip: it runs on every
 * request of a signed-in browser, so three lookups in a row would cost three round trips.
 */
export async function findSessionWithUser(
  db: Db,
  id: string,
): Promise<SessionWithUser | undefined> {
  const rows = await db
    .selectFrom('sessions')
    .leftJoin('users', 'users.id', 'sessions.userId')
    .leftJoin('userMunicipalities', 'userMunicipalities.userId', 'users.id')
    .select([
      'sessions.id as sessionId',
      'sessions.userId as sessionUserId',
      'sessions.createdAt',
      'sessions.lastSeenAt',
      'sessions.idleExpiresAt',
      'sessions.absoluteExpiresAt',
      'sessions.mfaDone',
      'sessions.signInMethod',
      'sessions.regionId as sessionRegionId',
      ...joinedUserColumns,
      'userMunicipalities.municipalityCode',
    ])
    .where('sessions.id', '=', id)
    .execute();
  const first = rows[0];
  if (!first) return undefined;
  const session: SessionRecord = {
    id: first.sessionId,
    userId: first.sessionUserId,
    createdAt: first.createdAt,
    lastSeenAt: first.lastSeenAt,
    idleExpiresAt: first.idleExpiresAt,
    absoluteExpiresAt: first.absoluteExpiresAt,
    mfaDone: first.mfaDone,
    signInMethod: first.signInMethod,
    regionId: first.sessionRegionId,
  };
  const users = rows.map((r) => ({
    id: r.id,
    email: r.email,
    name: r.name,
    role: r.role,
    regionId: r.regionId,
    campaignId: r.campaignId,
    passwordHash: r.passwordHash,
    totpSecret: r.totpSecret,
    totpEnabled: r.totpEnabled,
    locale: r.locale,
    disabledAt: r.disabledAt,
    municipalityCode: r.municipalityCode,
  }));
  return { session, user: foldScopedUser(users) };
}

export async function touchSession(db: Db, id: string, lastSeenAt: string, idleExpiresAt: string) {
  await db
    .updateTable('sessions')
    .set({ lastSeenAt, idleExpiresAt })
    .where('id', '=', id)
    .execute();
}

export async function markSessionMfaDone(db: Db, id: string): Promise<void> {
  await db.updateTable('sessions').set({ mfaDone: 1 }).where('id', '=', id).execute();
}

export async function deleteSession(db: Db, id: string): Promise<void> {
  await db.deleteFrom('sessions').where('id', '=', id).execute();
}

export async function deleteUserSessions(db: Db, userId: string): Promise<number> {
  const r = await db.deleteFrom('sessions').where('userId', '=', userId).executeTakeFirst();
  return Number(r.numDeletedRows);
}

export async function deleteExpiredSessions(db: Db, now: string): Promise<number> {
  const r = await db
    .deleteFrom('sessions')
    .where((eb) => eb.or([eb('idleExpiresAt', '<=', now), eb('absoluteExpiresAt', '<=', now)]))
    .executeTakeFirst();
  return Number(r.numDeletedRows);
}

// Sign-in attempts

export async function insertLoginAttempt(
  db: Db,
  a: { emailKey: string; ip: string | null; succeeded: number; at: string },
): Promise<void> {
  await db.insertInto('loginAttempts').values(a).execute();
}

export async function countFailedAttemptsSince(db: Db, emailKey: string, since: string) {
  const r = await db
    .selectFrom('loginAttempts')
    .select((eb) => [eb.fn.countAll<number>().as('n'), eb.fn.max('at').as('last')])
    .where('emailKey', '=', emailKey)
    .where('succeeded', '=', 0)
    .where('at', '>=', since)
    .executeTakeFirstOrThrow();
  return { count: Number(r.n), last: (r.last as string | null) ?? null };
}

// API tokens (the tokens module creates and revokes them; authentication reads them here)

/** A live API token with its user and the user's municipalities, in one round trip. */
export async function findActiveApiTokenWithUser(db: Db, tokenHash: string, now: string) {
  const rows = await db
    .selectFrom('apiTokens')
    .innerJoin('users', 'users.id', 'apiTokens.userId')
    .leftJoin('userMunicipalities', 'userMunicipalities.userId', 'users.id')
    .select([
      'apiTokens.id as tokenId',
      'apiTokens.lastUsedAt as tokenLastUsedAt',
      ...joinedUserColumns,
      'userMunicipalities.municipalityCode',
    ])
    .where('apiTokens.tokenHash', '=', tokenHash)
    .where('apiTokens.revokedAt', 'is', null)
    .where((eb) =>
      eb.or([eb('apiTokens.expiresAt', 'is', null), eb('apiTokens.expiresAt', '>', now)]),
    )
    .execute();
  const found = foldScopedUser(rows);
  if (!found) return undefined;
  const { tokenId, tokenLastUsedAt, ...user } = found;
  return { token: { id: tokenId, lastUsedAt: tokenLastUsedAt }, user: user as ScopedUserRecord };
}

export async function touchApiToken(db: Db, id: string, at: string): Promise<void> {
  await db.updateTable('apiTokens').set({ lastUsedAt: at }).where('id', '=', id).execute();
}

export async function deleteLoginAttemptsBefore(db: Db, before: string): Promise<number> {
  const r = await db.deleteFrom('loginAttempts').where('at', '<', before).executeTakeFirst();
  return Number(r.numDeletedRows);
}
