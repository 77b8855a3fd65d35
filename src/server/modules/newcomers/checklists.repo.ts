import { type Insertable, type SqlBool, sql, type Updateable } from 'kysely';
import type { Db } from '../../db/database.js';
import type { ChecklistItemTable, NewcomerTaskTable } from '../../db/schema.js';
import type { Scope } from '../../plugins/access.js';

const NOTHING = sql<SqlBool>`1 = 0`;

/** The current items (not removed) of municipalities' checklists, in order. */
export async function findItems(db: Db, regionId: string, codes: string[]) {
  if (!codes.length) return [];
  return db
    .selectFrom('checklistItems')
    .leftJoin('users', 'users.id', 'checklistItems.responsibleUserId')
    .selectAll('checklistItems')
    .select('users.name as responsibleName')
    .where('checklistItems.regionId', '=', regionId)
    .where('checklistItems.municipalityCode', 'in', codes)
    .where('checklistItems.removedAt', 'is', null)
    .orderBy('checklistItems.municipalityCode')
    .orderBy('checklistItems.position')
    .execute();
}
export type ItemRow = Awaited<ReturnType<typeof findItems>>[number];

export async function insertItem(db: Db, row: Insertable<ChecklistItemTable>) {
  await db.insertInto('checklistItems').values(row).execute();
}

export async function updateItem(
  db: Db,
  id: string,
  changes: Omit<Updateable<ChecklistItemTable>, 'id'>,
) {
  await db.updateTable('checklistItems').set(changes).where('id', '=', id).execute();
}

export async function insertTasks(db: Db, rows: Insertable<NewcomerTaskTable>[]) {
  if (!rows.length) return;
  await db
    .insertInto('newcomerTasks')
    .values(rows)
    .onConflict((oc) => oc.columns(['newcomerId', 'itemId']).doNothing())
    .execute();
}

/** A newcomer's open items, when they move to another municipality's checklist. */
export async function deleteOpenTasks(db: Db, newcomerId: string) {
  await db
    .deleteFrom('newcomerTasks')
    .where('newcomerId', '=', newcomerId)
    .where('doneAt', 'is', null)
    .execute();
}

export interface TaskFilter {
  newcomerId?: string | undefined;
  id?: string | undefined;
  /** Only open items due before this day, of newcomers still living here. */
  overdueBefore?: string | undefined;
}

/** Checklist items in scope (by the newcomer's municipality), with names, by due date. */
export async function findTasks(db: Db, scope: Scope, f: TaskFilter) {
  let q = db
    .selectFrom('newcomerTasks')
    .innerJoin('newcomers', 'newcomers.id', 'newcomerTasks.newcomerId')
    .leftJoin('users', 'users.id', 'newcomerTasks.responsibleUserId')
    .selectAll('newcomerTasks')
    .select(['users.name as responsibleName'])
    .select((eb) =>
      eb
        .selectFrom('newcomerAdults')
        .select('newcomerAdults.name')
        .whereRef('newcomerAdults.newcomerId', '=', 'newcomers.id')
        .orderBy('newcomerAdults.position')
        .limit(1)
        .as('newcomerName'),
    );
  if (scope.regionIds !== 'all') {
    q = scope.regionIds.length
      ? q.where('newcomerTasks.regionId', 'in', scope.regionIds)
      : q.where(NOTHING);
  }
  if (scope.municipalityCodes !== 'all') {
    q = scope.municipalityCodes.length
      ? q.where('newcomerTasks.municipalityCode', 'in', scope.municipalityCodes)
      : q.where(NOTHING);
  }
  if (f.newcomerId) q = q.where('newcomerTasks.newcomerId', '=', f.newcomerId);
  if (f.id) q = q.where('newcomerTasks.id', '=', f.id);
  if (f.overdueBefore) {
    q = q
      .where('newcomerTasks.doneAt', 'is', null)
      .where('newcomerTasks.dueOn', '<', f.overdueBefore)
      .where('newcomers.movedAwayOn', 'is', null);
  }
  return q
    .orderBy('newcomerTasks.dueOn')
    .orderBy('newcomerTasks.position')
    .orderBy('newcomerTasks.id')
    .limit(500)
    .execute();
}
export type TaskRow = Awaited<ReturnType<typeof findTasks>>[number];

export async function updateTask(
  db: Db,
  id: string,
  changes: Omit<Updateable<NewcomerTaskTable>, 'id'>,
) {
  await db.updateTable('newcomerTasks').set(changes).where('id', '=', id).execute();
}
