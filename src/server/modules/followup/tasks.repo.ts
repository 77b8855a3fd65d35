import { type Insertable, type Selectable, type SqlBool, sql, type Updateable } from 'kysely';
import type { Db } from '../../db/database.js';
import type { FollowUpTaskTable } from '../../db/schema.js';
import type { Scope } from '../../plugins/access.js';

export type TaskRow = Selectable<FollowUpTaskTable>;

const NOTHING = sql<SqlBool>`1 = 0`;

/** Inserts tasks; one already made for the same prospect, call and kind is left as it is. */
export async function insertTasks(db: Db, rows: Insertable<FollowUpTaskTable>[]): Promise<void> {
  if (!rows.length) return;
  await db
    .insertInto('followUpTasks')
    .values(rows)
    .onConflict((oc) => oc.columns(['prospectId', 'callId', 'kind']).doNothing())
    .execute();
}

/** Tasks a scope may see: by region and municipality, in the query itself. */
function scopedTasks(db: Db, scope: Scope) {
  let q = db.selectFrom('followUpTasks');
  if (scope.regionIds !== 'all') {
    q = scope.regionIds.length
      ? q.where('followUpTasks.regionId', 'in', scope.regionIds)
      : q.where(NOTHING);
  }
  if (scope.municipalityCodes !== 'all') {
    q = scope.municipalityCodes.length
      ? q.where('followUpTasks.municipalityCode', 'in', scope.municipalityCodes)
      : q.where(NOTHING);
  }
  return q;
}

export interface TaskFilter {
  status: 'open' | 'done' | 'cancelled' | 'all';
  campaignId?: string | undefined;
  municipalityCode?: string | undefined;
  assigneeId?: string | undefined;
  /** Only open tasks due before this day. */
  dueBefore?: string | undefined;
  id?: string | undefined;
}

export type TaskListRow = TaskRow & {
  campaignName: string;
  prospectName: string;
  prospectPhone: string | null;
  assigneeName: string | null;
};

/** Tasks in scope with the prospect's name and phone, earliest due first. */
export async function findTasks(db: Db, scope: Scope, filter: TaskFilter): Promise<TaskListRow[]> {
  let q = scopedTasks(db, scope)
    .innerJoin('prospects', 'prospects.id', 'followUpTasks.prospectId')
    .innerJoin('campaigns', 'campaigns.id', 'followUpTasks.campaignId')
    .leftJoin('users', 'users.id', 'followUpTasks.assigneeId')
    .selectAll('followUpTasks')
    .select([
      'campaigns.name as campaignName',
      'prospects.name as prospectName',
      'prospects.phoneE164 as prospectPhone',
      'users.name as assigneeName',
    ]);
  if (filter.id) q = q.where('followUpTasks.id', '=', filter.id);
  if (filter.status !== 'all') q = q.where('followUpTasks.status', '=', filter.status);
  if (filter.campaignId) q = q.where('followUpTasks.campaignId', '=', filter.campaignId);
  if (filter.municipalityCode) {
    q = q.where('followUpTasks.municipalityCode', '=', filter.municipalityCode);
  }
  if (filter.assigneeId) q = q.where('followUpTasks.assigneeId', '=', filter.assigneeId);
  if (filter.dueBefore) {
    q = q
      .where('followUpTasks.status', '=', 'open')
      .where('followUpTasks.dueOn', '<', filter.dueBefore);
  }
  return q
    .orderBy('followUpTasks.dueOn')
    .orderBy('followUpTasks.createdAt')
    .orderBy('followUpTasks.id')
    .limit(1000)
    .execute();
}

export async function updateTask(
  db: Db,
  id: string,
  changes: Omit<Updateable<FollowUpTaskTable>, 'id'>,
): Promise<void> {
  await db.updateTable('followUpTasks').set(changes).where('id', '=', id).execute();
}
