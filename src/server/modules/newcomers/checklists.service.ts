import type {
  Checklist,
  ChecklistInput,
  ChecklistList,
  NewcomerTask,
  NewcomerTaskPatch,
} from '../../../contracts/newcomers.js';
import type { Region } from '../../../contracts/regions.js';
import type { Db } from '../../db/database.js';
import { newId } from '../../db/portable.js';
import type { Clock } from '../../deps.js';
import { type FieldIssue, invalid, notFound } from '../../errors.js';
import { scopeOf } from '../../plugins/access.js';
import { recordAudit } from '../audit/audit.service.js';
import { todayInOslo } from '../followup/tasks.service.js';
import { type Actor, auditActor } from '../referral/campaigns.service.js';
import { listRegions } from '../regions/regions.service.js';
import { listUsers } from '../users/users.service.js';
import * as repo from './checklists.repo.js';

/**
 * Welcome checklists: the programme leader keeps one per municipality (welcome letter, GP,
 * kindergarten or school place, volunteer centre, an invitation to a meetup, …), each item
 * due some days after the moving date and with a responsible host. A registration gets its
 * municipality's items; hosts tick them off (and can undo).
 */

export const addDays = (day: string, days: number): string =>
  new Date(Date.parse(`${day}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);

/** Hosts of a region who are not disabled, with their municipalities. */
async function hostsOf(db: Db, regionId: string) {
  const users = await listUsers(db, { regionIds: [regionId], municipalityCodes: 'all' });
  return users
    .filter((u) => u.role === 'host' && u.status !== 'disabled')
    .map((u) => ({ id: u.id, name: u.name, municipalityCodes: u.municipalityCodes }));
}

/** The region a municipality belongs to among the actor's regions, or 404. */
async function regionOfCode(db: Db, actor: Actor, code: string): Promise<Region> {
  const regions = await listRegions(db, scopeOf(actor.principal));
  const region = regions.find((r) => r.municipalities.some((m) => m.code === code));
  const { municipalityCodes } = scopeOf(actor.principal);
  if (!region || (municipalityCodes !== 'all' && !municipalityCodes.includes(code))) {
    throw notFound('The municipality');
  }
  return region;
}

export async function listChecklists(db: Db, actor: Actor): Promise<ChecklistList> {
  const scope = scopeOf(actor.principal);
  const regions = await listRegions(db, scope);
  const checklists: Checklist[] = [];
  const hosts: ChecklistList['hosts'] = [];
  for (const region of regions) {
    const visible = region.municipalities.filter(
      (m) => scope.municipalityCodes === 'all' || scope.municipalityCodes.includes(m.code),
    );
    const items = await repo.findItems(
      db,
      region.id,
      visible.map((m) => m.code),
    );
    for (const m of visible) {
      checklists.push({
        municipalityCode: m.code,
        municipalityName: m.name,
        items: items
          .filter((i) => i.municipalityCode === m.code)
          .map((i) => ({
            id: i.id,
            title: i.title,
            dueOffsetDays: i.dueOffsetDays,
            responsible: i.responsibleUserId
              ? { id: i.responsibleUserId, name: i.responsibleName ?? '' }
              : null,
          })),
      });
    }
    hosts.push(...(await hostsOf(db, region.id)));
  }
  return { checklists, hosts };
}

/**
 * Replaces a municipality's checklist. Items keep their id (and their newcomers' items stay
 * linked); items left out are retired, not deleted, so what newcomers already have stays.
 */
export async function setChecklist(
  db: Db,
  clock: Clock,
  actor: Actor,
  code: string,
  input: ChecklistInput,
): Promise<Checklist> {
  const region = await regionOfCode(db, actor, code);
  await db.transaction().execute(async (trx) => {
    const now = clock.now().toISOString();
    const current = await repo.findItems(trx, region.id, [code]);
    const hosts = await hostsOf(trx, region.id);
    const issues: FieldIssue[] = [];
    input.items.forEach((item, i) => {
      if (item.id && !current.some((c) => c.id === item.id)) {
        issues.push({ field: `items.${i}.id`, message: 'Not an item of this checklist' });
      }
      const who = item.responsibleUserId;
      if (who && !hosts.some((h) => h.id === who && h.municipalityCodes.includes(code))) {
        issues.push({
          field: `items.${i}.responsibleUserId`,
          message: 'Not a host of this municipality',
        });
      }
    });
    if (issues.length) throw invalid(issues);
    const kept = new Set(input.items.flatMap((i) => (i.id ? [i.id] : [])));
    for (const old of current) {
      if (!kept.has(old.id)) await repo.updateItem(trx, old.id, { removedAt: now, updatedAt: now });
    }
    for (const [position, item] of input.items.entries()) {
      const values = {
        position,
        title: item.title,
        dueOffsetDays: item.dueOffsetDays,
        responsibleUserId: item.responsibleUserId ?? null,
        updatedAt: now,
      };
      if (item.id) await repo.updateItem(trx, item.id, values);
      else {
        await repo.insertItem(trx, {
          id: newId(),
          regionId: region.id,
          municipalityCode: code,
          removedAt: null,
          createdAt: now,
          ...values,
        });
      }
    }
    await recordAudit(trx, clock.now(), {
      action: 'newcomers.checklist_changed',
      ...auditActor(actor),
      regionId: region.id,
      municipalityCode: code,
      details: { items: input.items.length },
    });
  });
  const all = await listChecklists(db, actor);
  return all.checklists.find((c) => c.municipalityCode === code)!;
}

/** Gives a newcomer their municipality's items, due from the moving date. Repeating adds nothing. */
export async function instantiateChecklist(
  db: Db,
  newcomer: { id: string; regionId: string; municipalityCode: string; movingDate: string },
): Promise<void> {
  const items = await repo.findItems(db, newcomer.regionId, [newcomer.municipalityCode]);
  await repo.insertTasks(
    db,
    items.map((item) => ({
      id: newId(),
      newcomerId: newcomer.id,
      regionId: newcomer.regionId,
      municipalityCode: newcomer.municipalityCode,
      itemId: item.id,
      position: item.position,
      title: item.title,
      dueOn: addDays(newcomer.movingDate, item.dueOffsetDays),
      responsibleUserId: item.responsibleUserId,
      doneAt: null,
      doneBy: null,
    })),
  );
}

/** After a move to another municipality of the region: its checklist instead of the old one. */
export async function moveChecklist(
  db: Db,
  newcomer: { id: string; regionId: string; municipalityCode: string; movingDate: string },
): Promise<void> {
  await repo.deleteOpenTasks(db, newcomer.id);
  await instantiateChecklist(db, newcomer);
}

export function toTask(row: repo.TaskRow, today: string): NewcomerTask {
  return {
    id: row.id,
    newcomerId: row.newcomerId,
    newcomerName: row.newcomerName ?? '',
    municipalityCode: row.municipalityCode,
    title: row.title,
    dueOn: row.dueOn,
    overdue: row.doneAt === null && row.dueOn < today,
    responsible: row.responsibleUserId
      ? { id: row.responsibleUserId, name: row.responsibleName ?? '' }
      : null,
    doneAt: row.doneAt,
  };
}

export async function tasksOf(db: Db, actor: Actor, newcomerId: string, now: Date) {
  const rows = await repo.findTasks(db, scopeOf(actor.principal), { newcomerId });
  const today = todayInOslo(now);
  return rows.map((r) => toTask(r, today));
}

/** Open items past their due date in the actor's municipalities (the start page). */
export async function overdueTasks(db: Db, actor: Actor, now: Date): Promise<NewcomerTask[]> {
  const today = todayInOslo(now);
  const rows = await repo.findTasks(db, scopeOf(actor.principal), { overdueBefore: today });
  return rows.map((r) => toTask(r, today));
}

/** Done, undone (done: false), another responsible host, another due date. */
export async function updateNewcomerTask(
  db: Db,
  clock: Clock,
  actor: Actor,
  newcomerId: string,
  taskId: string,
  patch: NewcomerTaskPatch,
): Promise<NewcomerTask> {
  const scope = scopeOf(actor.principal);
  const now = clock.now();
  return db.transaction().execute(async (trx) => {
    const [task] = await repo.findTasks(trx, scope, { id: taskId, newcomerId });
    if (!task) throw notFound('The checklist item');
    const changes: Parameters<typeof repo.updateTask>[2] = {};
    if (patch.done !== undefined) {
      changes.doneAt = patch.done ? (task.doneAt ?? now.toISOString()) : null;
      changes.doneBy = patch.done ? (task.doneBy ?? actor.principal.userId) : null;
    }
    if (patch.dueOn !== undefined) changes.dueOn = patch.dueOn;
    if (patch.responsibleUserId !== undefined) {
      const who = patch.responsibleUserId;
      const hosts = await hostsOf(trx, task.regionId);
      if (
        who &&
        !hosts.some((h) => h.id === who && h.municipalityCodes.includes(task.municipalityCode))
      ) {
        throw invalid([{ field: 'responsibleUserId', message: 'Not a host of this municipality' }]);
      }
      changes.responsibleUserId = who;
    }
    await repo.updateTask(trx, taskId, changes);
    await recordAudit(trx, now, {
      action: 'newcomers.checklist_item_updated',
      ...auditActor(actor),
      target: { type: 'newcomer', id: newcomerId },
      regionId: task.regionId,
      municipalityCode: task.municipalityCode,
      details: { taskId, fields: Object.keys(patch), done: patch.done ?? null },
    });
    const [stored] = await repo.findTasks(trx, scope, { id: taskId });
    return toTask(stored!, todayInOslo(now));
  });
}
