import type { Db } from '../../db/database.js';

export interface IdentityProviderRow {
  id: string;
  regionId: string | null;
  name: string;
  issuer: string;
  clientId: string;
  clientSecret: string | null;
  defaultRole: string | null;
  defaultMunicipalityCodes: string | null;
  createdAt: string;
}

export async function insertIdentityProvider(db: Db, row: IdentityProviderRow): Promise<void> {
  await db.insertInto('identityProviders').values(row).execute();
}

/** Providers of a region (with `regionId`), or every provider (without). */
export async function findIdentityProviders(
  db: Db,
  filter: { regionId?: string } = {},
): Promise<IdentityProviderRow[]> {
  let q = db.selectFrom('identityProviders').selectAll();
  if (filter.regionId) q = q.where('regionId', '=', filter.regionId);
  return q.orderBy('name').orderBy('id').execute();
}

export async function findIdentityProviderById(
  db: Db,
  id: string,
): Promise<IdentityProviderRow | undefined> {
  return db.selectFrom('identityProviders').selectAll().where('id', '=', id).executeTakeFirst();
}

export async function findUserIdByIdentity(
  db: Db,
  issuer: string,
  subject: string,
): Promise<string | undefined> {
  const row = await db
    .selectFrom('userIdentities')
    .select('userId')
    .where('issuer', '=', issuer)
    .where('subject', '=', subject)
    .executeTakeFirst();
  return row?.userId;
}

export async function insertUserIdentity(
  db: Db,
  row: { id: string; userId: string; issuer: string; subject: string; createdAt: string },
): Promise<void> {
  await db.insertInto('userIdentities').values(row).execute();
}
