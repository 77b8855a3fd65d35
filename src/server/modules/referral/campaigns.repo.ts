import { type Insertable, type Selectable, type SqlBool, sql, type Updateable } from 'kysely';
import type { Db } from '../../db/database.js';
import type { CampaignTable } from '../../db/schema.js';
import type { Scope } from '../../plugins/access.js';

/** Every column but the image, which only its own route reads. */
export type CampaignRow = Omit<Selectable<CampaignTable>, 'frontImage'> & { hasImage: number };

const columns = [
  'id',
  'regionId',
  'slug',
  'name',
  'kind',
  'status',
  'startsOn',
  'endsOn',
  'callingDays',
  'texts',
  'postcardMessage',
  'postcardLocale',
  'callScript',
  'targets',
  'callingHours',
  'frontImageType',
  'createdBy',
  'createdAt',
  'updatedAt',
] as const;

function scoped(db: Db, scope: Scope) {
  const q = db
    .selectFrom('campaigns')
    .select(columns)
    .select(sql<number>`case when front_image is null then 0 else 1 end`.as('hasImage'));
  if (scope.regionIds === 'all') return q;
  return scope.regionIds.length
    ? q.where('regionId', 'in', scope.regionIds)
    : q.where(sql<SqlBool>`1 = 0`);
}

export async function findCampaigns(db: Db, scope: Scope): Promise<CampaignRow[]> {
  return scoped(db, scope).orderBy('startsOn', 'desc').orderBy('name').execute();
}

export async function findCampaign(
  db: Db,
  scope: Scope,
  id: string,
): Promise<CampaignRow | undefined> {
  return scoped(db, scope).where('id', '=', id).executeTakeFirst();
}

/** A campaign as the public sees it: by id, or by slug within the site's region. */
export async function findPublicCampaign(
  db: Db,
  by: { id: string } | { regionId: string; slug: string },
): Promise<CampaignRow | undefined> {
  const q = scoped(db, { regionIds: 'all', municipalityCodes: 'all' });
  return 'id' in by
    ? q.where('id', '=', by.id).executeTakeFirst()
    : q.where('regionId', '=', by.regionId).where('slug', '=', by.slug).executeTakeFirst();
}

export async function findOpenCampaigns(db: Db, regionId: string): Promise<CampaignRow[]> {
  return scoped(db, { regionIds: [regionId], municipalityCodes: 'all' })
    .where('status', '=', 'open')
    .where('kind', '=', 'referral')
    .orderBy('startsOn', 'desc')
    .execute();
}

export async function slugTaken(db: Db, regionId: string, slug: string, exceptId?: string) {
  let q = db
    .selectFrom('campaigns')
    .select('id')
    .where('regionId', '=', regionId)
    .where('slug', '=', slug);
  if (exceptId) q = q.where('id', '!=', exceptId);
  return (await q.executeTakeFirst()) !== undefined;
}

export async function insertCampaign(
  db: Db,
  row: Omit<Insertable<CampaignTable>, 'frontImage' | 'frontImageType'>,
): Promise<void> {
  await db
    .insertInto('campaigns')
    .values({ ...row, frontImage: null, frontImageType: null })
    .execute();
}

export async function updateCampaign(
  db: Db,
  id: string,
  changes: Omit<Updateable<CampaignTable>, 'id' | 'regionId' | 'createdAt' | 'createdBy'>,
): Promise<void> {
  await db.updateTable('campaigns').set(changes).where('id', '=', id).execute();
}

export async function findFrontImage(
  db: Db,
  id: string,
): Promise<{ bytes: Buffer; type: string } | undefined> {
  const row = await db
    .selectFrom('campaigns')
    .select(['frontImage', 'frontImageType'])
    .where('id', '=', id)
    .executeTakeFirst();
  if (!row?.frontImage || !row.frontImageType) return undefined;
  return { bytes: Buffer.from(row.frontImage), type: row.frontImageType };
}
