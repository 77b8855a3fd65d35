import type {
  Inquiry,
  InquiryList,
  InquiryPatch,
  PipelineStage,
} from '../../../contracts/business.js';
import { PIPELINE_STAGES } from '../../../contracts/business.js';
import { isLocale } from '../../../web/i18n/locales.js';
import { businessTranslator } from '../../../web/site/business/text.js';
import type { Db } from '../../db/database.js';
import { fromDbJson, newId } from '../../db/portable.js';
import type { Clock } from '../../deps.js';
import { conflict, invalid, notFound } from '../../errors.js';
import { scopeOf } from '../../plugins/access.js';
import { recordAudit } from '../audit/audit.service.js';
import { todayInOslo } from '../followup/tasks.service.js';
import { queueEmail } from '../notifications/notifications.service.js';
import { type Actor, auditActor } from '../referral/campaigns.service.js';
import { getRegionById } from '../regions/regions.service.js';
import { regionOf } from './employers.service.js';
import * as repo from './startups.repo.js';

/**
 * The «Start Her» pipeline in the office: new → contacted → advising → established or
 * dropped, an advisor (the business forum or a municipality, and a staff user who gets an
 * email), notes and follow-up tasks. Hosts see their municipalities' inquiries.
 */

const CLOSED: PipelineStage[] = ['established', 'dropped'];

type Tasks = Awaited<ReturnType<typeof repo.findTasks>>;

function toInquiry(
  row: repo.InquiryRow,
  names: Map<string, string>,
  tasks: Tasks,
  undoable: Set<string>,
  today: string,
): Inquiry {
  return {
    id: row.id,
    municipalityCode: row.municipalityCode,
    municipalityName: names.get(row.municipalityCode) ?? row.municipalityCode,
    name: row.name,
    email: row.email,
    phone: row.phoneE164,
    idea: row.idea,
    industry: row.industry,
    stage: row.stage as Inquiry['stage'],
    helpNeeded: fromDbJson<Inquiry['helpNeeded']>(row.helpNeeded, []),
    pipelineStage: row.pipelineStage as PipelineStage,
    advisorOrg: row.advisorOrg,
    advisorUser:
      row.advisorUserId && row.advisorUserName
        ? { id: row.advisorUserId, name: row.advisorUserName }
        : null,
    notes: row.notes,
    establishedOn: row.establishedOn,
    canUndo: undoable.has(row.id),
    tasks: tasks
      .filter((t) => t.inquiryId === row.id)
      .map((t) => ({
        id: t.id,
        title: t.title,
        dueOn: t.dueOn,
        status: t.status as 'open' | 'done',
        overdue: t.status === 'open' && t.dueOn < today,
      })),
    createdAt: row.createdAt,
  };
}

async function present(db: Db, clock: Clock, regionId: string, rows: repo.InquiryRow[]) {
  const region = await getRegionById(db, regionId);
  const names = new Map(region.municipalities.map((m) => [m.code, m.name]));
  const ids = rows.map((r) => r.id);
  const tasks = await repo.findTasks(db, ids);
  const undoable = new Set((await repo.findUndoableStages(db, ids)).map((c) => c.inquiryId));
  const today = todayInOslo(clock.now());
  return { region, items: rows.map((r) => toInquiry(r, names, tasks, undoable, today)) };
}

export async function listInquiries(
  db: Db,
  clock: Clock,
  actor: Actor,
  query: {
    region?: string | undefined;
    municipality?: string | undefined;
    stage?: PipelineStage | undefined;
  },
): Promise<InquiryList> {
  const scope = scopeOf(actor.principal);
  const regionId = regionOf(actor.principal, query.region);
  const rows = await repo.findInquiries(db, scope, {
    regionId,
    municipalityCode: query.municipality,
    stage: query.stage,
  });
  const { region, items } = await present(db, clock, regionId, rows);
  const counts = Object.fromEntries(PIPELINE_STAGES.map((s) => [s, 0])) as Record<
    PipelineStage,
    number
  >;
  for (const i of items) counts[i.pipelineStage] += 1;
  await recordAudit(db, clock.now(), {
    action: 'business.inquiries_read',
    ...auditActor(actor),
    regionId,
    details: { returned: items.length },
  });
  return {
    inquiries: items,
    counts,
    municipalities: region.municipalities
      .filter((m) => scope.municipalityCodes === 'all' || scope.municipalityCodes.includes(m.code))
      .map((m) => ({ code: m.code, name: m.name })),
    advisors: await repo.findAdvisors(db, regionId),
  };
}

async function loadOne(db: Db, clock: Clock, actor: Actor, id: string): Promise<Inquiry> {
  const row = await repo.findInquiry(db, scopeOf(actor.principal), id);
  if (!row) throw notFound('The inquiry');
  return (await present(db, clock, row.regionId, [row])).items[0]!;
}

/** An inquiry the actor may see, and its audit entry; another municipality's answers 404. */
export async function getInquiry(db: Db, clock: Clock, actor: Actor, id: string) {
  const inquiry = await loadOne(db, clock, actor, id);
  await recordAudit(db, clock.now(), {
    action: 'business.inquiry_read',
    ...auditActor(actor),
    target: { type: 'entrepreneur_inquiry', id },
    municipalityCode: inquiry.municipalityCode,
  });
  return inquiry;
}

async function inScope(db: Db, actor: Actor, id: string) {
  const row = await repo.findInquiry(db, scopeOf(actor.principal), id);
  if (!row) throw notFound('The inquiry');
  return row;
}

/** Advisor and notes. A newly assigned advisor user gets an email (via the outbox). */
export async function updateInquiry(
  db: Db,
  clock: Clock,
  actor: Actor,
  id: string,
  patch: InquiryPatch,
  publicUrl: string,
): Promise<Inquiry> {
  await db.transaction().execute(async (trx) => {
    const row = await inScope(trx, actor, id);
    const region = await getRegionById(trx, row.regionId);
    if (patch.advisorOrg?.startsWith('municipality:')) {
      const code = patch.advisorOrg.slice('municipality:'.length);
      if (!region.municipalities.some((m) => m.code === code)) {
        throw invalid([{ field: 'advisorOrg', message: 'Not a municipality of the region' }]);
      }
    }
    let advisor: Awaited<ReturnType<typeof repo.findUserEmail>>;
    if (patch.advisorUserId) {
      advisor = await repo.findUserEmail(trx, patch.advisorUserId, row.regionId);
      if (!advisor)
        throw invalid([{ field: 'advisorUserId', message: 'Not an advisor of the region' }]);
    }
    const now = clock.now().toISOString();
    await repo.updateInquiry(trx, id, {
      ...(patch.advisorOrg !== undefined ? { advisorOrg: patch.advisorOrg } : {}),
      ...(patch.advisorUserId !== undefined ? { advisorUserId: patch.advisorUserId } : {}),
      ...(patch.notes !== undefined ? { notes: patch.notes?.trim() || null } : {}),
      updatedAt: now,
    });
    if (advisor && advisor.id !== row.advisorUserId) {
      const locale = isLocale(advisor.locale) ? advisor.locale : 'nb';
      const t = businessTranslator(locale);
      const municipality =
        region.municipalities.find((m) => m.code === row.municipalityCode)?.name ??
        row.municipalityCode;
      await queueEmail(trx, clock, {
        to: advisor.email,
        subject: t('mail.advisorSubject', { municipality }),
        text: t('mail.advisorBody', {
          name: advisor.name,
          municipality,
          industry: t(`sections.${row.industry as 'A'}`),
          link: `${publicUrl}/office/business/start-her`,
        }),
        regionId: row.regionId,
        purpose: `business.advisor_assigned:${id}`,
      });
    }
    await recordAudit(trx, clock.now(), {
      action: 'business.inquiry_updated',
      ...auditActor(actor),
      target: { type: 'entrepreneur_inquiry', id },
      regionId: row.regionId,
      municipalityCode: row.municipalityCode,
      details: {
        fields: Object.keys(patch),
        advisorEmailed: Boolean(advisor && advisor.id !== row.advisorUserId),
      },
    });
  });
  return loadOne(db, clock, actor, id);
}

/** Moves an inquiry to a stage (kept for undo); established and dropped close it. */
export async function changeStage(
  db: Db,
  clock: Clock,
  actor: Actor,
  id: string,
  change: { stage: PipelineStage; on?: string | undefined },
): Promise<Inquiry> {
  await db.transaction().execute(async (trx) => {
    const row = await inScope(trx, actor, id);
    if (row.erasedAt) throw conflict('The inquiry has been erased.', { reason: 'erased' });
    if (row.pipelineStage === change.stage) return;
    const now = clock.now();
    const today = todayInOslo(now);
    const on = change.stage === 'established' ? (change.on ?? today) : null;
    if (on && on > today) throw invalid([{ field: 'on', message: 'Not in the future' }]);
    await repo.insertStageChange(trx, {
      id: newId(),
      inquiryId: id,
      fromStage: row.pipelineStage,
      toStage: change.stage,
      fromEstablishedOn: row.establishedOn,
      changedAt: now.toISOString(),
      changedBy: actor.principal.userId,
    });
    await repo.updateInquiry(trx, id, {
      pipelineStage: change.stage,
      establishedOn: on,
      closedAt: CLOSED.includes(change.stage) ? now.toISOString() : null,
      updatedAt: now.toISOString(),
    });
    await recordAudit(trx, now, {
      action: 'business.inquiry_stage_changed',
      ...auditActor(actor),
      target: { type: 'entrepreneur_inquiry', id },
      regionId: row.regionId,
      municipalityCode: row.municipalityCode,
      details: { from: row.pipelineStage, to: change.stage },
    });
  });
  return loadOne(db, clock, actor, id);
}

/** Undoes the last stage change; again undoes the one before. */
export async function undoStage(db: Db, clock: Clock, actor: Actor, id: string): Promise<Inquiry> {
  await db.transaction().execute(async (trx) => {
    const row = await inScope(trx, actor, id);
    const [last] = await repo.findUndoableStages(trx, [id]);
    const now = clock.now().toISOString();
    if (
      !last ||
      last.toStage !== row.pipelineStage ||
      !(await repo.markStageUndone(trx, last.id, now))
    ) {
      throw conflict('There is no stage change to undo.', { reason: 'nothing_to_undo' });
    }
    await repo.updateInquiry(trx, id, {
      pipelineStage: last.fromStage,
      establishedOn: last.fromEstablishedOn,
      closedAt: CLOSED.includes(last.fromStage as PipelineStage) ? row.closedAt : null,
      updatedAt: now,
    });
    await recordAudit(trx, clock.now(), {
      action: 'business.inquiry_stage_undone',
      ...auditActor(actor),
      target: { type: 'entrepreneur_inquiry', id },
      regionId: row.regionId,
      municipalityCode: row.municipalityCode,
      details: { from: last.toStage, to: last.fromStage },
    });
  });
  return loadOne(db, clock, actor, id);
}

export async function addTask(
  db: Db,
  clock: Clock,
  actor: Actor,
  id: string,
  input: { title: string; dueOn: string },
): Promise<Inquiry> {
  await db.transaction().execute(async (trx) => {
    const row = await inScope(trx, actor, id);
    const taskId = newId();
    await repo.insertTask(trx, {
      id: taskId,
      inquiryId: id,
      title: input.title,
      dueOn: input.dueOn,
      createdAt: clock.now().toISOString(),
      createdBy: actor.principal.userId,
    });
    await recordAudit(trx, clock.now(), {
      action: 'business.inquiry_task_added',
      ...auditActor(actor),
      target: { type: 'entrepreneur_task', id: taskId },
      regionId: row.regionId,
      municipalityCode: row.municipalityCode,
    });
  });
  return loadOne(db, clock, actor, id);
}

export async function setTaskStatus(
  db: Db,
  clock: Clock,
  actor: Actor,
  taskId: string,
  status: 'open' | 'done',
): Promise<Inquiry> {
  const task = await repo.findTask(db, scopeOf(actor.principal), taskId);
  if (!task) throw notFound('The task');
  await db.transaction().execute(async (trx) => {
    await repo.setTaskStatus(
      trx,
      taskId,
      status,
      status === 'done' ? clock.now().toISOString() : null,
    );
    await recordAudit(trx, clock.now(), {
      action: `business.inquiry_task_${status === 'done' ? 'done' : 'reopened'}`,
      ...auditActor(actor),
      target: { type: 'entrepreneur_task', id: taskId },
      regionId: task.regionId,
      municipalityCode: task.municipalityCode,
    });
  });
  return loadOne(db, clock, actor, task.inquiryId);
}
