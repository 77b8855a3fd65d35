import type { Insertable } from 'kysely';
import type { Db } from '../../db/database.js';
import type { EventOrganiserTable } from '../../db/schema.js';

export async function listOrganisers(db: Db, regionIds: 'all' | string[], only?: string) {
  let q = db.selectFrom('eventOrganisers').selectAll();
  if (regionIds !== 'all') {
    if (!regionIds.length) return [];
    q = q.where('regionId', 'in', regionIds);
  }
  if (only) q = q.where('id', '=', only);
  return q.orderBy('name').execute();
}

export async function findOrganiser(db: Db, id: string) {
  return db.selectFrom('eventOrganisers').selectAll().where('id', '=', id).executeTakeFirst();
}

export async function insertOrganiser(db: Db, row: Insertable<EventOrganiserTable>) {
  const result = await db
    .insertInto('eventOrganisers')
    .values(row)
    .onConflict((oc) => oc.columns(['regionId', 'name']).doNothing())
    .executeTakeFirst();
  return Number(result.numInsertedOrUpdatedRows ?? 0n) === 1;
}

export async function findOrganiserByName(db: Db, regionId: string, name: string) {
  return db
    .selectFrom('eventOrganisers')
    .selectAll()
    .where('regionId', '=', regionId)
    .where('name', '=', name)
    .executeTakeFirst();
}

export async function membersOf(db: Db, organiserIds: string[]) {
  if (!organiserIds.length) return [];
  return db
    .selectFrom('eventOrganiserMembers')
    .innerJoin('users', 'users.id', 'eventOrganiserMembers.userId')
    .select([
      'eventOrganiserMembers.organiserId',
      'users.id as userId',
      'users.name',
      'users.email',
    ])
    .where('eventOrganiserMembers.organiserId', 'in', organiserIds)
    .orderBy('users.name')
    .execute();
}

/** The organisation an organiser user works for, if any. */
export async function organiserIdOfUser(db: Db, userId: string): Promise<string | undefined> {
  const row = await db
    .selectFrom('eventOrganiserMembers')
    .select('organiserId')
    .where('userId', '=', userId)
    .executeTakeFirst();
  return row?.organiserId;
}

export async function findUserForMembership(db: Db, userId: string) {
  return db
    .selectFrom('users')
    .select(['id', 'role', 'regionId'])
    .where('id', '=', userId)
    .executeTakeFirst();
}

/** Sets (or moves) the user's organisation: one organisation per organiser user. */
export async function setMember(db: Db, userId: string, organiserId: string, now: string) {
  await db
    .insertInto('eventOrganiserMembers')
    .values({ userId, organiserId, createdAt: now })
    .onConflict((oc) => oc.column('userId').doUpdateSet({ organiserId, createdAt: now }))
    .execute();
}

export async function removeMember(db: Db, userId: string, organiserId: string) {
  const result = await db
    .deleteFrom('eventOrganiserMembers')
    .where('userId', '=', userId)
    .where('organiserId', '=', organiserId)
    .executeTakeFirst();
  return Number(result.numDeletedRows) === 1;
}
