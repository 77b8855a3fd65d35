import type { PrivacyRequest } from '../../../contracts/privacy.js';
import type { Db } from '../../db/database.js';
import { fromDbJson, newId } from '../../db/portable.js';
import type { Clock } from '../../deps.js';
import { conflict, notFound } from '../../errors.js';
import { recordAudit } from '../audit/audit.service.js';
import { auditedBy, type PrivacyActor } from './actor.js';
import * as repo from './requests.repo.js';

export type RequestKind = 'access' | 'erasure';
export type RequestStatus = 'open' | 'done' | 'rejected';

/** One month after the day received (GDPR Art. 12(3)); the 31st becomes the month's last. */
export function dueDate(receivedOn: string): string {
  const [y, m, d] = receivedOn.split('-').map(Number) as [number, number, number];
  const lastOfNext = new Date(Date.UTC(y, m + 1, 0)).getUTCDate();
  return new Date(Date.UTC(y, m, Math.min(d, lastOfNext))).toISOString().slice(0, 10);
}

function toRequest(row: Awaited<ReturnType<typeof repo.findRequest>> & {}, today: string) {
  return {
    id: row.id,
    regionId: row.regionId,
    kind: row.kind as RequestKind,
    status: row.status as RequestStatus,
    reference: row.reference,
    receivedOn: row.receivedOn,
    dueOn: row.dueOn,
    overdue: row.status === 'open' && row.dueOn < today,
    completedAt: row.completedAt,
    result: fromDbJson<Record<string, number> | null>(row.result, null),
    createdAt: row.createdAt,
  } satisfies PrivacyRequest;
}

export async function listRequests(db: Db, clock: Clock, actor: PrivacyActor) {
  const today = clock.now().toISOString().slice(0, 10);
  const rows = await repo.findRequests(db, actor.scope);
  const requests = rows.map((r) => toRequest(r, today));
  return { requests, overdue: requests.filter((r) => r.overdue).length };
}

export async function createRequest(
  db: Db,
  clock: Clock,
  actor: PrivacyActor,
  input: { kind: RequestKind; reference?: string | undefined; receivedOn?: string | undefined },
): Promise<PrivacyRequest> {
  const now = clock.now();
  const receivedOn = input.receivedOn ?? now.toISOString().slice(0, 10);
  const id = newId();
  const row = {
    id,
    regionId: actor.regionId,
    kind: input.kind,
    status: 'open',
    reference: input.reference || null,
    receivedOn,
    dueOn: dueDate(receivedOn),
    completedAt: null,
    result: null,
    createdBy: actor.userId,
    createdAt: now.toISOString(),
    updatedAt: now.toISOString(),
  };
  await repo.insertRequest(db, row);
  await recordAudit(db, now, {
    action: 'privacy.request_logged',
    ...auditedBy(actor),
    target: { type: 'privacy_request', id },
    regionId: actor.regionId,
    details: { kind: input.kind, dueOn: row.dueOn },
  });
  return toRequest(row, now.toISOString().slice(0, 10));
}

export async function setRequestStatus(
  db: Db,
  clock: Clock,
  actor: PrivacyActor,
  id: string,
  status: RequestStatus,
): Promise<PrivacyRequest> {
  const now = clock.now();
  const scope = actor.scope;
  const row = await repo.findRequest(db, scope, id);
  if (!row) throw notFound('The request');
  await repo.updateRequest(db, id, {
    status,
    completedAt: status === 'open' ? null : now.toISOString(),
    updatedAt: now.toISOString(),
  });
  await recordAudit(db, now, {
    action: 'privacy.request_status',
    ...auditedBy(actor),
    target: { type: 'privacy_request', id },
    regionId: row.regionId,
    details: { status },
  });
  const next = await repo.findRequest(db, scope, id);
  return toRequest(next!, now.toISOString().slice(0, 10));
}

/**
 * The request an access export or erasure answers: a logged one (marked done), or one
 * logged now as received and answered today, so every answer is in the log.
 */
export async function answerRequest(
  db: Db,
  now: Date,
  actor: PrivacyActor,
  kind: RequestKind,
  requestId: string | undefined,
  result: Record<string, number>,
): Promise<string> {
  const done = {
    status: 'done',
    completedAt: now.toISOString(),
    result: JSON.stringify(result),
    updatedAt: now.toISOString(),
  };
  if (requestId) {
    const row = await repo.findRequest(db, actor.scope, requestId);
    if (!row) throw notFound('The request');
    if (row.kind !== kind) throw conflict(`The request is not an ${kind} request.`);
    await repo.updateRequest(db, requestId, done);
    return requestId;
  }
  const id = newId();
  const today = now.toISOString().slice(0, 10);
  await repo.insertRequest(db, {
    id,
    regionId: actor.regionId,
    kind,
    reference: null,
    receivedOn: today,
    dueOn: dueDate(today),
    createdBy: actor.userId,
    createdAt: now.toISOString(),
    ...done,
  });
  return id;
}
