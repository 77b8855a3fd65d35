import type { Insertable, Updateable } from 'kysely';
import type { Db } from '../../db/database.js';
import type { PrivacyRequestTable } from '../../db/schema.js';
import type { Scope } from '../../plugins/access.js';

/** The request log. A programme leader sees their region's requests; an admin all. */
function scoped(db: Db, scope: Scope) {
  const q = db.selectFrom('privacyRequests').selectAll();
  if (scope.regionIds === 'all') return q;
  return scope.regionIds.length
    ? q.where('regionId', 'in', scope.regionIds)
    : q.where('id', '=', '');
}

export async function findRequests(db: Db, scope: Scope) {
  return scoped(db, scope)
    .orderBy('dueOn', 'desc')
    .orderBy('createdAt', 'desc')
    .limit(500)
    .execute();
}

export async function findRequest(db: Db, scope: Scope, id: string) {
  return scoped(db, scope).where('id', '=', id).executeTakeFirst();
}

export async function insertRequest(db: Db, row: Insertable<PrivacyRequestTable>): Promise<void> {
  await db.insertInto('privacyRequests').values(row).execute();
}

export async function updateRequest(
  db: Db,
  id: string,
  patch: Updateable<PrivacyRequestTable>,
): Promise<void> {
  await db.updateTable('privacyRequests').set(patch).where('id', '=', id).execute();
}
