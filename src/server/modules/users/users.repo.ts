import type { Db } from '../../db/database.js';
import type { Scope } from '../../plugins/access.js';

export interface NewUserRow {
  id: string;
  email: string;
  name: string;
  role: string;
  regionId: string | null;
  campaignId: string | null;
  passwordHash: string | null;
  locale: string;
  createdAt: string;
}

export async function insertUser(db: Db, row: NewUserRow, municipalityCodes: string[]) {
  await db
    .insertInto('users')
    .values({
      ...row,
      totpSecret: null,
      totpEnabled: 0,
      disabledAt: null,
      updatedAt: row.createdAt,
    })
    .execute();
  if (municipalityCodes.length > 0) {
    await db
      .insertInto('userMunicipalities')
      .values(municipalityCodes.map((municipalityCode) => ({ userId: row.id, municipalityCode })))
      .execute();
  }
}

export async function emailExists(db: Db, email: string): Promise<boolean> {
  const row = await db
    .selectFrom('users')
    .select('id')
    .where('email', '=', email)
    .executeTakeFirst();
  return row !== undefined;
}

export async function countUsers(db: Db): Promise<number> {
  const r = await db
    .selectFrom('users')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .executeTakeFirstOrThrow();
  return Number(r.n);
}

/** Users a scope may see; hosts and callers see only themselves (filtered by the caller). */
export async function findUsers(db: Db, scope: Scope, regionId?: string) {
  let q = db
    .selectFrom('users')
    .select([
      'id',
      'email',
      'name',
      'role',
      'regionId',
      'campaignId',
      'totpEnabled',
      'disabledAt',
      'createdAt',
      'locale',
    ])
    .orderBy('name');
  if (scope.regionIds !== 'all') {
    if (scope.regionIds.length === 0) return [];
    q = q.where('regionId', 'in', scope.regionIds);
  }
  if (regionId) q = q.where('regionId', '=', regionId);
  return q.execute();
}

export async function findMunicipalityCodesOfUsers(db: Db, userIds: string[]) {
  if (userIds.length === 0) return [];
  return db
    .selectFrom('userMunicipalities')
    .select(['userId', 'municipalityCode'])
    .where('userId', 'in', userIds)
    .execute();
}

export interface UserRow {
  id: string;
  email: string;
  name: string;
  role: string;
  regionId: string | null;
  campaignId: string | null;
  locale: string;
  totpEnabled: number;
  disabledAt: string | null;
  createdAt: string;
  hasPassword: number;
  hasIdentity: number;
}

export interface UserFilter {
  id?: string;
  email?: string;
  regionId?: string;
  role?: string;
}

/**
 * Users as administration sees them, scoped by region in the query itself: a user outside
 * the scope is simply not found (the caller answers 404, like for a missing one). Admins have
 * no region, so only an unrestricted scope sees them.
 */
export async function findUserRows(db: Db, scope: Scope, filter: UserFilter): Promise<UserRow[]> {
  let q = db.selectFrom('users').select((eb) => [
    'users.id',
    'users.email',
    'users.name',
    'users.role',
    'users.regionId',
    'users.campaignId',
    'users.locale',
    'users.totpEnabled',
    'users.disabledAt',
    'users.createdAt',
    eb.case().when('users.passwordHash', 'is not', null).then(1).else(0).end().as('hasPassword'),
    eb
      .case()
      .when(
        eb.exists(
          eb
            .selectFrom('userIdentities')
            .select('userIdentities.id')
            .whereRef('userIdentities.userId', '=', 'users.id'),
        ),
      )
      .then(1)
      .else(0)
      .end()
      .as('hasIdentity'),
  ]);
  if (scope.regionIds !== 'all') {
    if (scope.regionIds.length === 0) return [];
    q = q.where('users.regionId', 'in', scope.regionIds);
  }
  if (filter.id) q = q.where('users.id', '=', filter.id);
  if (filter.email) q = q.where('users.email', '=', filter.email);
  if (filter.regionId) q = q.where('users.regionId', '=', filter.regionId);
  if (filter.role) q = q.where('users.role', '=', filter.role);
  const rows = await q.orderBy('users.name').orderBy('users.id').execute();
  return rows.map((r) => ({
    ...r,
    hasPassword: Number(r.hasPassword),
    hasIdentity: Number(r.hasIdentity),
  }));
}

export async function updateUserRow(
  db: Db,
  id: string,
  fields: Partial<{
    name: string;
    role: string;
    regionId: string | null;
    campaignId: string | null;
    passwordHash: string | null;
    disabledAt: string | null;
  }>,
  updatedAt: string,
): Promise<void> {
  await db
    .updateTable('users')
    .set({ ...fields, updatedAt })
    .where('id', '=', id)
    .execute();
}

export async function replaceUserMunicipalities(
  db: Db,
  userId: string,
  codes: string[],
): Promise<void> {
  await db.deleteFrom('userMunicipalities').where('userId', '=', userId).execute();
  if (codes.length > 0) {
    await db
      .insertInto('userMunicipalities')
      .values(codes.map((municipalityCode) => ({ userId, municipalityCode })))
      .execute();
  }
}

export async function adminExists(db: Db): Promise<boolean> {
  const row = await db
    .selectFrom('users')
    .select('id')
    .where('role', '=', 'admin')
    .limit(1)
    .executeTakeFirst();
  return row !== undefined;
}
