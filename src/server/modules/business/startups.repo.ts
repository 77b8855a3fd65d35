import { type Insertable, type SqlBool, sql, type Updateable } from 'kysely';
import type { Db } from '../../db/database.js';
import type { EntrepreneurInquiryTable } from '../../db/schema.js';
import type { Scope } from '../../plugins/access.js';

const NOTHING = sql<SqlBool>`1 = 0`;

/** Inquiries a scope may see: hosts only their municipalities', in SQL. */
function scoped(db: Db, scope: Scope) {
  let q = db.selectFrom('entrepreneurInquiries');
  if (scope.regionIds !== 'all') {
    q = scope.regionIds.length
      ? q.where('entrepreneurInquiries.regionId', 'in', scope.regionIds)
      : q.where(NOTHING);
  }
  if (scope.municipalityCodes !== 'all') {
    q = scope.municipalityCodes.length
      ? q.where('entrepreneurInquiries.municipalityCode', 'in', scope.municipalityCodes)
      : q.where(NOTHING);
  }
  return q;
}

/** Inserts once per form key: a double submit finds the first. Returns whether it was new. */
export async function insertInquiryOnce(
  db: Db,
  row: Insertable<EntrepreneurInquiryTable>,
): Promise<boolean> {
  const r = await db
    .insertInto('entrepreneurInquiries')
    .values(row)
    .onConflict((oc) => oc.column('submitKey').doNothing())
    .executeTakeFirst();
  return Number(r.numInsertedOrUpdatedRows ?? 0) === 1;
}

export async function findInquiries(
  db: Db,
  scope: Scope,
  f: { regionId: string; municipalityCode?: string | undefined; stage?: string | undefined },
) {
  let q = scoped(db, scope)
    .leftJoin('users', 'users.id', 'entrepreneurInquiries.advisorUserId')
    .selectAll('entrepreneurInquiries')
    .select(['users.name as advisorUserName'])
    .where('entrepreneurInquiries.regionId', '=', f.regionId);
  if (f.municipalityCode)
    q = q.where('entrepreneurInquiries.municipalityCode', '=', f.municipalityCode);
  if (f.stage) q = q.where('entrepreneurInquiries.pipelineStage', '=', f.stage);
  return q
    .orderBy('entrepreneurInquiries.createdAt', 'desc')
    .orderBy('entrepreneurInquiries.id')
    .execute();
}
export type InquiryRow = Awaited<ReturnType<typeof findInquiries>>[number];

export async function findInquiry(
  db: Db,
  scope: Scope,
  id: string,
): Promise<InquiryRow | undefined> {
  return scoped(db, scope)
    .leftJoin('users', 'users.id', 'entrepreneurInquiries.advisorUserId')
    .selectAll('entrepreneurInquiries')
    .select(['users.name as advisorUserName'])
    .where('entrepreneurInquiries.id', '=', id)
    .executeTakeFirst();
}

export async function updateInquiry(
  db: Db,
  id: string,
  changes: Updateable<EntrepreneurInquiryTable>,
): Promise<void> {
  await db.updateTable('entrepreneurInquiries').set(changes).where('id', '=', id).execute();
}

export async function insertStageChange(
  db: Db,
  row: {
    id: string;
    inquiryId: string;
    fromStage: string;
    toStage: string;
    fromEstablishedOn: string | null;
    changedAt: string;
    changedBy: string | null;
  },
): Promise<void> {
  // The next number for this record; the unique (record, seq) index refuses a racing twin.
  const last = await db
    .selectFrom('entrepreneurStageChanges')
    .select((eb) => eb.fn.max('seq').as('seq'))
    .where('inquiryId', '=', row.inquiryId)
    .executeTakeFirst();
  const seq = Number(last?.seq ?? 0) + 1;
  await db
    .insertInto('entrepreneurStageChanges')
    .values({ ...row, seq, undoneAt: null })
    .execute();
}

export async function findUndoableStages(db: Db, ids: string[]) {
  if (!ids.length) return [];
  const rows = await db
    .selectFrom('entrepreneurStageChanges')
    .selectAll()
    .where('inquiryId', 'in', ids)
    .where('undoneAt', 'is', null)
    .orderBy('seq', 'desc')
    .execute();
  const latest = new Map<string, (typeof rows)[number]>();
  for (const r of rows) if (!latest.has(r.inquiryId)) latest.set(r.inquiryId, r);
  return [...latest.values()];
}

export async function markStageUndone(db: Db, id: string, at: string): Promise<boolean> {
  const r = await db
    .updateTable('entrepreneurStageChanges')
    .set({ undoneAt: at })
    .where('id', '=', id)
    .where('undoneAt', 'is', null)
    .executeTakeFirst();
  return Number(r.numUpdatedRows) === 1;
}

export async function findTasks(db: Db, inquiryIds: string[]) {
  if (!inquiryIds.length) return [];
  return db
    .selectFrom('entrepreneurTasks')
    .selectAll()
    .where('inquiryId', 'in', inquiryIds)
    .orderBy('dueOn')
    .orderBy('id')
    .execute();
}

export async function insertTask(
  db: Db,
  row: {
    id: string;
    inquiryId: string;
    title: string;
    dueOn: string;
    createdAt: string;
    createdBy: string | null;
  },
): Promise<void> {
  await db
    .insertInto('entrepreneurTasks')
    .values({ ...row, doneAt: null })
    .execute();
}

/** A task with its inquiry, when the scope may see the inquiry. */
export async function findTask(db: Db, scope: Scope, id: string) {
  return scoped(db, scope)
    .innerJoin('entrepreneurTasks', 'entrepreneurTasks.inquiryId', 'entrepreneurInquiries.id')
    .select([
      'entrepreneurTasks.id',
      'entrepreneurTasks.inquiryId',
      'entrepreneurInquiries.regionId',
      'entrepreneurInquiries.municipalityCode',
    ])
    .where('entrepreneurTasks.id', '=', id)
    .executeTakeFirst();
}

export async function setTaskStatus(db: Db, id: string, status: string, doneAt: string | null) {
  await db.updateTable('entrepreneurTasks').set({ status, doneAt }).where('id', '=', id).execute();
}

/** Staff of the region who may advise (not callers), for the advisor list. */
export async function findAdvisors(db: Db, regionId: string) {
  return db
    .selectFrom('users')
    .select(['id', 'name'])
    .where('regionId', '=', regionId)
    .where('role', 'in', ['programme_leader', 'host'])
    .where('disabledAt', 'is', null)
    .orderBy('name')
    .execute();
}

export async function findUserEmail(db: Db, id: string, regionId: string) {
  return db
    .selectFrom('users')
    .select(['id', 'name', 'email', 'locale'])
    .where('id', '=', id)
    .where('regionId', '=', regionId)
    .where('role', 'in', ['programme_leader', 'host'])
    .where('disabledAt', 'is', null)
    .executeTakeFirst();
}

/** Businesses established in a year, per municipality (no personal data). */
export async function countEstablished(db: Db, regionId: string, year: number) {
  const rows = await db
    .selectFrom('entrepreneurInquiries')
    .select((eb) => ['municipalityCode', eb.fn.countAll<number>().as('n')])
    .where('regionId', '=', regionId)
    .where('pipelineStage', '=', 'established')
    .where('establishedOn', '>=', `${year}-01-01`)
    .where('establishedOn', '<=', `${year}-12-31`)
    .groupBy('municipalityCode')
    .execute();
  return rows.map((r) => ({ municipalityCode: r.municipalityCode, n: Number(r.n) }));
}

// Privacy

export async function findInquiriesOfPerson(
  db: Db,
  scope: Scope,
  by: { email?: string | undefined; phoneE164?: string | undefined },
) {
  let q = scoped(db, scope).selectAll('entrepreneurInquiries').where('erasedAt', 'is', null);
  if (by.email) q = q.where(sql<string>`lower(email)`, '=', by.email);
  else if (by.phoneE164) q = q.where('phoneE164', '=', by.phoneE164);
  else return [];
  return q.execute();
}

/** Blanks a person's fields; stage, municipality and dates stay for the count. */
export async function eraseInquiries(db: Db, ids: string[], at: string): Promise<number> {
  if (!ids.length) return 0;
  await db.deleteFrom('entrepreneurTasks').where('inquiryId', 'in', ids).execute();
  const r = await db
    .updateTable('entrepreneurInquiries')
    .set({
      name: null,
      email: null,
      phoneE164: null,
      idea: null,
      notes: null,
      submitKey: null,
      consentAt: null,
      erasedAt: at,
      updatedAt: at,
    })
    .where('id', 'in', ids)
    .executeTakeFirst();
  return Number(r.numUpdatedRows);
}

/** Closed (established or dropped) before the cutoff and not yet erased: retention. */
export async function findClosedBefore(db: Db, cutoff: string) {
  return (
    await db
      .selectFrom('entrepreneurInquiries')
      .select('id')
      .where('closedAt', '<', cutoff)
      .where('erasedAt', 'is', null)
      .execute()
  ).map((r) => r.id);
}
