import type { Interest } from '../../../contracts/calling.js';
import type {
  Assignee,
  FollowUpTask,
  TaskCreate,
  TaskKind,
  TaskList,
  TaskListQuery,
  TaskPatch,
} from '../../../contracts/followup.js';
import type { Db } from '../../db/database.js';
import { newId } from '../../db/portable.js';
import type { Clock } from '../../deps.js';
import { invalid, notFound } from '../../errors.js';
import { type Scope, scopeOf } from '../../plugins/access.js';
import { recordAudit } from '../audit/audit.service.js';
import { type Actor, auditActor } from '../referral/campaigns.service.js';
import { getProspectRow } from '../referral/prospects.service.js';
import { listUsers } from '../users/users.service.js';
import * as repo from './tasks.repo.js';

export const TASK_KINDS = [
  'send_jobs',
  'send_housing',
  'send_kindergarten_school',
  'business_advice',
  'invite_visit',
  'invite_event',
  'other',
] as const satisfies readonly TaskKind[];
export type { TaskKind };

const KIND_OF_INTEREST: Record<Interest, TaskKind> = {
  jobs: 'send_jobs',
  housing: 'send_housing',
  kindergarten_school: 'send_kindergarten_school',
  business: 'business_advice',
  visit: 'invite_visit',
};

/** A host should answer an interested person within a week, while the call is fresh. */
const DUE_WITHIN_DAYS = 7;

export interface InterestedCall {
  id: string;
  campaignId: string;
  regionId: string;
  municipalityCode: string;
  prospectId: string;
  interests: readonly Interest[];
}

/**
 * The tasks an interested call gives the municipality's hosts: one per interest, and an
 * invitation to the next event for everyone interested. Runs in the transaction that saves
 * the call, so a call and its tasks exist together or not at all; repeating it adds nothing.
 */
export async function createFollowUpTasks(db: Db, now: Date, call: InterestedCall): Promise<void> {
  const kinds = new Set<TaskKind>(call.interests.map((i) => KIND_OF_INTEREST[i]));
  kinds.add('invite_event');
  const dueOn = new Date(now.getTime() + DUE_WITHIN_DAYS * 86_400_000).toISOString().slice(0, 10);
  await repo.insertTasks(
    db,
    [...kinds].map((kind) => ({
      id: newId(),
      campaignId: call.campaignId,
      regionId: call.regionId,
      municipalityCode: call.municipalityCode,
      prospectId: call.prospectId,
      callId: call.id,
      kind,
      status: 'open',
      dueOn,
      assigneeId: null,
      notes: null,
      createdAt: now.toISOString(),
      doneAt: null,
      doneBy: null,
    })),
  );
}

const osloDay = new Intl.DateTimeFormat('sv-SE', {
  timeZone: 'Europe/Oslo',
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
});

/** The calendar day in Norway (YYYY-MM-DD): what "due today" and "overdue" mean to a host. */
export const todayInOslo = (now: Date): string => osloDay.format(now);

function toTask(row: repo.TaskListRow, today: string): FollowUpTask {
  return {
    id: row.id,
    campaignId: row.campaignId,
    campaignName: row.campaignName,
    municipalityCode: row.municipalityCode,
    prospect: { id: row.prospectId, name: row.prospectName, phone: row.prospectPhone },
    kind: row.kind as TaskKind,
    status: row.status as FollowUpTask['status'],
    dueOn: row.dueOn,
    overdue: row.status === 'open' && row.dueOn < today,
    assignee: row.assigneeId ? { id: row.assigneeId, name: row.assigneeName ?? '' } : null,
    notes: row.notes,
    fromCall: row.callId !== null,
    createdAt: row.createdAt,
    doneAt: row.doneAt,
  };
}

/** Hosts the actor's tasks may be given to: not disabled, of the region, in scope. */
async function assigneesFor(db: Db, actor: Actor): Promise<Assignee[]> {
  const { principal } = actor;
  const scope: Scope = {
    regionIds: principal.regionId ? [principal.regionId] : 'all',
    municipalityCodes: 'all',
  };
  const users = await listUsers(db, scope);
  const visible = scopeOf(principal).municipalityCodes;
  return users
    .filter((u) => u.role === 'host' && u.status !== 'disabled')
    .filter((u) => visible === 'all' || u.municipalityCodes.some((c) => visible.includes(c)))
    .map((u) => ({ id: u.id, name: u.name, municipalityCodes: u.municipalityCodes }));
}

/** The tasks the actor may see, overdue (earliest due) first. Reading names and phones is audited. */
export async function listTasks(
  db: Db,
  clock: Clock,
  actor: Actor,
  query: TaskListQuery,
): Promise<TaskList> {
  const now = clock.now();
  const today = todayInOslo(now);
  const rows = await repo.findTasks(db, scopeOf(actor.principal), {
    status: query.overdue ? 'open' : query.status,
    campaignId: query.campaign,
    municipalityCode: query.municipality,
    assigneeId: query.mine ? actor.principal.userId : undefined,
    dueBefore: query.overdue ? today : undefined,
  });
  await recordAudit(db, now, {
    action: 'followup.tasks_read',
    ...auditActor(actor),
    regionId: actor.principal.regionId,
    details: { returned: rows.length, status: query.status },
  });
  return {
    tasks: rows.map((r) => toTask(r, today)),
    assignees: await assigneesFor(db, actor),
    today,
  };
}

async function findTask(db: Db, scope: Scope, id: string): Promise<repo.TaskListRow> {
  const [row] = await repo.findTasks(db, scope, { status: 'all', id });
  if (!row) throw notFound('The task');
  return row;
}

/** Only a host of the task's municipality (not disabled) may be given it. */
async function checkAssignee(
  db: Db,
  assigneeId: string,
  task: { regionId: string; municipalityCode: string },
): Promise<void> {
  const users = await listUsers(
    db,
    { regionIds: [task.regionId], municipalityCodes: 'all' },
    { regionId: task.regionId },
  );
  const user = users.find((u) => u.id === assigneeId);
  const fits =
    user?.role === 'host' &&
    user.status !== 'disabled' &&
    user.municipalityCodes.includes(task.municipalityCode);
  if (!fits) {
    throw invalid([{ field: 'assigneeId', message: 'Not a host of this municipality' }]);
  }
}

/**
 * Changes a task: who has it, notes, due date, done or cancelled, or open again (the undo).
 * Another municipality's task answers 404. Audited with the fields changed, not their text.
 */
export async function updateTask(
  db: Db,
  clock: Clock,
  actor: Actor,
  id: string,
  patch: TaskPatch,
): Promise<FollowUpTask> {
  return db.transaction().execute(async (trx) => {
    const scope = scopeOf(actor.principal);
    const now = clock.now();
    const task = await findTask(trx, scope, id);
    if (patch.assigneeId) await checkAssignee(trx, patch.assigneeId, task);
    const changes: Parameters<typeof repo.updateTask>[2] = {};
    if (patch.assigneeId !== undefined) changes.assigneeId = patch.assigneeId;
    if (patch.notes !== undefined) changes.notes = patch.notes ? patch.notes : null;
    if (patch.dueOn !== undefined) changes.dueOn = patch.dueOn;
    if (patch.status !== undefined && patch.status !== task.status) {
      changes.status = patch.status;
      const closes = patch.status !== 'open';
      changes.doneAt = closes ? now.toISOString() : null;
      changes.doneBy = closes ? actor.principal.userId : null;
    }
    if (Object.keys(changes).length) await repo.updateTask(trx, id, changes);
    await recordAudit(trx, now, {
      action: 'followup.task_updated',
      ...auditActor(actor),
      target: { type: 'follow_up_task', id },
      regionId: task.regionId,
      municipalityCode: task.municipalityCode,
      details: {
        fields: Object.keys(patch),
        from: task.status,
        to: patch.status ?? task.status,
      },
    });
    return toTask(await findTask(trx, scope, id), todayInOslo(now));
  });
}

/** A task a host adds by hand for a prospect of their municipality. */
export async function createTask(
  db: Db,
  clock: Clock,
  actor: Actor,
  input: TaskCreate,
): Promise<FollowUpTask> {
  return db.transaction().execute(async (trx) => {
    const scope = scopeOf(actor.principal);
    const now = clock.now();
    const prospect = await getProspectRow(trx, scope, input.prospectId);
    const target = { regionId: prospect.regionId, municipalityCode: prospect.municipalityCode };
    if (input.assigneeId) await checkAssignee(trx, input.assigneeId, target);
    const id = newId();
    await repo.insertTasks(trx, [
      {
        id,
        campaignId: prospect.campaignId,
        ...target,
        prospectId: prospect.id,
        callId: null,
        kind: input.kind,
        status: 'open',
        dueOn: input.dueOn,
        assigneeId: input.assigneeId ?? null,
        notes: input.notes ? input.notes : null,
        createdAt: now.toISOString(),
        doneAt: null,
        doneBy: null,
      },
    ]);
    await recordAudit(trx, now, {
      action: 'followup.task_created',
      ...auditActor(actor),
      target: { type: 'follow_up_task', id },
      ...target,
      details: { prospectId: prospect.id, kind: input.kind },
    });
    return toTask(await findTask(trx, scope, id), todayInOslo(now));
  });
}
