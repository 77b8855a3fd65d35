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

export async function findSession(db: Db, id: string): Promise<SessionRecord | undefined> {
  return db
    .selectFrom('sessions')
    .select([
      'id',
      'userId',
      'createdAt',
      'lastSeenAt',
      'idleExpiresAt',
      'absoluteExpiresAt',
      'mfaDone',
      'signInMethod',
      'regionId',
    ])
    .where('id', '=', id)
    .executeTakeFirst();
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

export async function findActiveApiToken(db: Db, tokenHash: string, now: string) {
  return db
    .selectFrom('apiTokens')
    .select(['id', 'userId', 'expiresAt', 'lastUsedAt'])
    .where('tokenHash', '=', tokenHash)
    .where('revokedAt', 'is', null)
    .where((eb) => eb.or([eb('expiresAt', 'is', null), eb('expiresAt', '>', now)]))
    .executeTakeFirst();
}

export async function touchApiToken(db: Db, id: string, at: string): Promise<void> {
  await db.updateTable('apiTokens').set({ lastUsedAt: at }).where('id', '=', id).execute();
}

export async function deleteLoginAttemptsBefore(db: Db, before: string): Promise<number> {
  const r = await db.deleteFrom('loginAttempts').where('at', '<', before).executeTakeFirst();
  return Number(r.numDeletedRows);
}
