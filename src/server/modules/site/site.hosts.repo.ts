import type { Db } from '../../db/database.js';
import type { MunicipalityHostTable } from '../../db/schema.js';

/** The host contacts of a region's municipalities (SQL only). */
export function listHosts(db: Db, regionId: string) {
  return db
    .selectFrom('municipalityHosts')
    .select(['municipalityCode', 'name', 'email', 'phone', 'updatedAt'])
    .where('regionId', '=', regionId)
    .execute();
}

export function findHost(db: Db, regionId: string, municipalityCode: string) {
  return db
    .selectFrom('municipalityHosts')
    .select(['municipalityCode', 'name', 'email', 'phone', 'updatedAt'])
    .where('regionId', '=', regionId)
    .where('municipalityCode', '=', municipalityCode)
    .executeTakeFirst();
}

export async function upsertHost(db: Db, row: MunicipalityHostTable): Promise<void> {
  await db
    .insertInto('municipalityHosts')
    .values(row)
    .onConflict((oc) =>
      oc.columns(['regionId', 'municipalityCode']).doUpdateSet({
        name: row.name,
        email: row.email,
        phone: row.phone,
        updatedBy: row.updatedBy,
        updatedAt: row.updatedAt,
      }),
    )
    .execute();
}

export async function deleteHost(db: Db, regionId: string, municipalityCode: string) {
  const result = await db
    .deleteFrom('municipalityHosts')
    .where('regionId', '=', regionId)
    .where('municipalityCode', '=', municipalityCode)
    .executeTakeFirst();
  return Number(result.numDeletedRows) > 0;
}
