import { type Insertable, type Selectable, type SqlBool, sql, type Updateable } from 'kysely';
import type { Db } from '../../db/database.js';
import type { NewcomerAdultTable, NewcomerTable } from '../../db/schema.js';
import type { Scope } from '../../plugins/access.js';

export type NewcomerRow = Selectable<NewcomerTable> & { isDemo: number };
export type AdultRow = Selectable<NewcomerAdultTable>;

const NOTHING = sql<SqlBool>`1 = 0`;

/** Newcomers a scope may see, filtered in SQL: another municipality's are simply not found. */
function scoped(db: Db, scope: Scope) {
  let q = db.selectFrom('newcomers').innerJoin('regions', 'regions.id', 'newcomers.regionId');
  if (scope.regionIds !== 'all') {
    q = scope.regionIds.length
      ? q.where('newcomers.regionId', 'in', scope.regionIds)
      : q.where(NOTHING);
  }
  if (scope.municipalityCodes !== 'all') {
    q = scope.municipalityCodes.length
      ? q.where('newcomers.municipalityCode', 'in', scope.municipalityCodes)
      : q.where(NOTHING);
  }
  return q.selectAll('newcomers').select('regions.isDemo');
}

export async function insertNewcomer(
  db: Db,
  row: Insertable<NewcomerTable>,
  adults: Insertable<NewcomerAdultTable>[],
): Promise<void> {
  await db.insertInto('newcomers').values(row).execute();
  if (adults.length) await db.insertInto('newcomerAdults').values(adults).execute();
}

export async function findByIdempotencyKey(db: Db, key: string) {
  return db
    .selectFrom('newcomers')
    .select(['id', 'regionId'])
    .where('idempotencyKey', '=', key)
    .executeTakeFirst();
}

export async function findNewcomer(db: Db, scope: Scope, id: string) {
  return scoped(db, scope).where('newcomers.id', '=', id).executeTakeFirst();
}

/** Unscoped, for the system (consent withdrawal, the newcomer's own link, check-ins). */
export async function findNewcomerById(db: Db, id: string) {
  return db.selectFrom('newcomers').selectAll().where('id', '=', id).executeTakeFirst();
}

export async function findByLinkCode(db: Db, code: string) {
  return db.selectFrom('newcomers').selectAll().where('linkCode', '=', code).executeTakeFirst();
}

export interface NewcomerFilter {
  municipalityCode?: string | undefined;
  status: 'living' | 'moved_away' | 'all';
  contactable?: boolean | undefined;
  createdSince?: string | undefined;
}

export async function findNewcomers(db: Db, scope: Scope, f: NewcomerFilter) {
  let q = scoped(db, scope);
  if (f.municipalityCode) q = q.where('newcomers.municipalityCode', '=', f.municipalityCode);
  if (f.status === 'living') q = q.where('newcomers.movedAwayOn', 'is', null);
  if (f.status === 'moved_away') q = q.where('newcomers.movedAwayOn', 'is not', null);
  if (f.contactable) q = q.where('newcomers.consentContact', '=', 1);
  if (f.createdSince) q = q.where('newcomers.createdAt', '>=', f.createdSince);
  return q.orderBy('newcomers.movingDate', 'desc').orderBy('newcomers.id').limit(2000).execute();
}

export async function findAdults(db: Db, newcomerIds: string[]): Promise<AdultRow[]> {
  if (!newcomerIds.length) return [];
  return db
    .selectFrom('newcomerAdults')
    .selectAll()
    .where('newcomerId', 'in', newcomerIds)
    .orderBy('newcomerId')
    .orderBy('position')
    .execute();
}

export async function replaceAdults(
  db: Db,
  newcomerId: string,
  adults: Insertable<NewcomerAdultTable>[],
): Promise<void> {
  await db.deleteFrom('newcomerAdults').where('newcomerId', '=', newcomerId).execute();
  if (adults.length) await db.insertInto('newcomerAdults').values(adults).execute();
}

export async function updateNewcomer(
  db: Db,
  id: string,
  changes: Omit<Updateable<NewcomerTable>, 'id'>,
): Promise<void> {
  await db.updateTable('newcomers').set(changes).where('id', '=', id).execute();
}

export async function countOpenMatches(db: Db, newcomerIds: string[]) {
  if (!newcomerIds.length) return new Map<string, number>();
  const rows = await db
    .selectFrom('newcomerMatches')
    .select((eb) => ['newcomerId', eb.fn.countAll<number>().as('n')])
    .where('newcomerId', 'in', newcomerIds)
    .where('status', '=', 'open')
    .groupBy('newcomerId')
    .execute();
  return new Map(rows.map((r) => [r.newcomerId, Number(r.n)]));
}

/** Deletes newcomers (adults, matches and tasks go by cascade); returns how many. */
export async function deleteNewcomers(db: Db, ids: string[]): Promise<number> {
  if (!ids.length) return 0;
  const result = await db.deleteFrom('newcomers').where('id', 'in', ids).executeTakeFirst();
  return Number(result.numDeletedRows);
}

/** Newcomers whose retention has run out: moving date, or move away, before the cutoffs. */
export async function expiredNewcomerIds(
  db: Db,
  cutoffs: { movingBefore?: string; movedAwayBefore?: string },
  limit: number,
): Promise<string[]> {
  let q = db.selectFrom('newcomers').select('id');
  if (cutoffs.movingBefore) q = q.where('movingDate', '<', cutoffs.movingBefore);
  if (cutoffs.movedAwayBefore) {
    q = q.where('movedAwayOn', 'is not', null).where('movedAwayOn', '<', cutoffs.movedAwayBefore);
  }
  return (await q.orderBy('id').limit(limit).execute()).map((r) => r.id);
}

/** For the access export and erasure: newcomers with an adult of this phone, email or name. */
export async function findNewcomerIdsByPerson(
  db: Db,
  scope: Scope,
  keys: { phoneE164?: string | undefined; email?: string | undefined },
): Promise<string[]> {
  const { phoneE164, email } = keys;
  if (!phoneE164 && !email) return [];
  let q = db
    .selectFrom('newcomerAdults')
    .innerJoin('newcomers', 'newcomers.id', 'newcomerAdults.newcomerId')
    .select('newcomers.id')
    .distinct()
    .where((eb) =>
      eb.or([
        ...(phoneE164 ? [eb('newcomerAdults.phoneE164', '=', phoneE164)] : []),
        ...(email ? [eb('newcomerAdults.email', '=', email)] : []),
      ]),
    );
  if (scope.regionIds !== 'all') {
    q = scope.regionIds.length
      ? q.where('newcomers.regionId', 'in', scope.regionIds)
      : q.where(NOTHING);
  }
  return (await q.execute()).map((r) => r.id);
}

/** The demo seeder starts over: the region's newcomers and checklists go. */
export async function deleteRegionNewcomerData(db: Db, regionId: string): Promise<void> {
  await db.deleteFrom('newcomers').where('regionId', '=', regionId).execute();
  await db.deleteFrom('checklistItems').where('regionId', '=', regionId).execute();
}
