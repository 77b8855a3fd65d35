import type { Db } from '../../db/database.js';
import type { Scope } from '../../plugins/access.js';

export interface AuditInsert {
  at: string;
  actorUserId: string | null;
  actorLabel: string;
  action: string;
  outcome: string;
  targetType: string | null;
  targetId: string | null;
  regionId: string | null;
  municipalityCode: string | null;
  ip: string | null;
  details: string | null;
}

export async function insertAuditEntry(db: Db, entry: AuditInsert): Promise<void> {
  await db.insertInto('auditLog').values(entry).execute();
}

export interface AuditFilter {
  userId?: string;
  action?: string;
  from?: string;
  to?: string;
  targetId?: string;
}

/** Entries a scope may read: admins all; a programme leader their region's (and their own). */
export async function findAuditEntries(
  db: Db,
  scope: Scope,
  filter: AuditFilter,
  page: { offset: number; limit: number },
) {
  let q = db.selectFrom('auditLog');
  if (scope.regionIds !== 'all') {
    if (scope.regionIds.length === 0) return { rows: [], total: 0 };
    q = q.where('regionId', 'in', scope.regionIds);
  }
  if (filter.userId) q = q.where('actorUserId', '=', filter.userId);
  if (filter.action) q = q.where('action', 'like', `${filter.action}%`);
  if (filter.targetId) q = q.where('targetId', '=', filter.targetId);
  if (filter.from) q = q.where('at', '>=', filter.from);
  if (filter.to) q = q.where('at', '<', filter.to);
  const total = await q.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
  const rows = await q
    .selectAll()
    .orderBy('at', 'desc')
    .orderBy('id', 'desc')
    .offset(page.offset)
    .limit(page.limit)
    .execute();
  return { rows, total: Number(total.n) };
}
