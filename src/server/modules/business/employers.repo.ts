import { type SqlBool, sql, type Updateable } from 'kysely';
import type { Db } from '../../db/database.js';
import type { EmployerTable } from '../../db/schema.js';
import type { Scope } from '../../plugins/access.js';

const NOTHING = sql<SqlBool>`1 = 0`;

/** Employers a scope may see: hosts only their municipalities', in SQL. */
function scoped(db: Db, scope: Scope) {
  let q = db.selectFrom('employers');
  if (scope.regionIds !== 'all') {
    q = scope.regionIds.length
      ? q.where('employers.regionId', 'in', scope.regionIds)
      : q.where(NOTHING);
  }
  if (scope.municipalityCodes !== 'all') {
    q = scope.municipalityCodes.length
      ? q.where('employers.municipalityCode', 'in', scope.municipalityCodes)
      : q.where(NOTHING);
  }
  return q;
}

export interface EmployerFilter {
  regionId: string;
  municipalityCode?: string | undefined;
  section?: string | undefined;
  status?: string | undefined;
}

export async function findEmployers(db: Db, scope: Scope, f: EmployerFilter) {
  let q = scoped(db, scope).selectAll('employers').where('employers.regionId', '=', f.regionId);
  if (f.municipalityCode) q = q.where('employers.municipalityCode', '=', f.municipalityCode);
  if (f.section) q = q.where('employers.naceSection', '=', f.section);
  if (f.status) q = q.where('employers.outreachStatus', '=', f.status);
  return q.orderBy('employers.name').orderBy('employers.id').execute();
}
export type EmployerRow = Awaited<ReturnType<typeof findEmployers>>[number];

export async function findEmployer(db: Db, scope: Scope, id: string) {
  return scoped(db, scope).selectAll('employers').where('employers.id', '=', id).executeTakeFirst();
}

/** org.nr → id and fingerprint of the region's employers, for the import. */
export async function findEmployerHashes(db: Db, regionId: string) {
  return db
    .selectFrom('employers')
    .select(['id', 'orgNumber', 'sourceHash'])
    .where('regionId', '=', regionId)
    .execute();
}

export async function insertEmployers(
  db: Db,
  rows: Array<
    Omit<EmployerTable, 'bankrupt' | 'windingUp' | 'outreachStatus'> & {
      bankrupt: number;
      windingUp: number;
    }
  >,
): Promise<void> {
  // SQLite allows 32766 variables; 30 columns × 200 rows stays well inside.
  for (let i = 0; i < rows.length; i += 200) {
    // Two imports racing: the second takes the first's row over instead of failing.
    await db
      .insertInto('employers')
      .values(rows.slice(i, i + 200))
      .onConflict((oc) =>
        oc.columns(['regionId', 'orgNumber']).doUpdateSet((eb) => ({
          name: eb.ref('excluded.name'),
          organisationForm: eb.ref('excluded.organisationForm'),
          naceCode: eb.ref('excluded.naceCode'),
          naceDescription: eb.ref('excluded.naceDescription'),
          naceSection: eb.ref('excluded.naceSection'),
          employees: eb.ref('excluded.employees'),
          municipalityCode: eb.ref('excluded.municipalityCode'),
          addressLine: eb.ref('excluded.addressLine'),
          postcode: eb.ref('excluded.postcode'),
          city: eb.ref('excluded.city'),
          bankrupt: eb.ref('excluded.bankrupt'),
          windingUp: eb.ref('excluded.windingUp'),
          deletedOn: eb.ref('excluded.deletedOn'),
          sourceHash: eb.ref('excluded.sourceHash'),
          importId: eb.ref('excluded.importId'),
          updatedAt: eb.ref('excluded.updatedAt'),
        })),
      )
      .execute();
  }
}

export async function updateEmployer(
  db: Db,
  id: string,
  changes: Updateable<EmployerTable>,
): Promise<void> {
  await db.updateTable('employers').set(changes).where('id', '=', id).execute();
}

export async function insertImport(
  db: Db,
  row: {
    id: string;
    regionId: string;
    fileName: string;
    format: string;
    contentHash: string;
    rowsRead: number;
    rowsInRegion: number;
    added: number;
    updated: number;
    unchanged: number;
    badRows: number;
    importedAt: string;
    importedBy: string | null;
  },
): Promise<void> {
  await db.insertInto('employerImports').values(row).execute();
}

export async function findImports(db: Db, regionIds: 'all' | string[]) {
  let q = db.selectFrom('employerImports').selectAll();
  if (regionIds !== 'all')
    q = regionIds.length ? q.where('regionId', 'in', regionIds) : q.where(NOTHING);
  return q.orderBy('importedAt', 'desc').limit(50).execute();
}

export async function insertOutreachChange(
  db: Db,
  row: {
    id: string;
    employerId: string;
    fromStatus: string;
    toStatus: string;
    changedAt: string;
    changedBy: string | null;
  },
): Promise<void> {
  // The next number for this record; the unique (record, seq) index refuses a racing twin.
  const last = await db
    .selectFrom('employerOutreachChanges')
    .select((eb) => eb.fn.max('seq').as('seq'))
    .where('employerId', '=', row.employerId)
    .executeTakeFirst();
  const seq = Number(last?.seq ?? 0) + 1;
  await db
    .insertInto('employerOutreachChanges')
    .values({ ...row, seq, undoneAt: null })
    .execute();
}

/** The latest status change not yet undone, of each of the given employers. */
export async function findUndoableChanges(db: Db, employerIds: string[]) {
  if (!employerIds.length) return [];
  const rows = await db
    .selectFrom('employerOutreachChanges')
    .select(['id', 'employerId', 'fromStatus', 'toStatus', 'changedAt'])
    .where('employerId', 'in', employerIds)
    .where('undoneAt', 'is', null)
    .orderBy('seq', 'desc')
    .execute();
  const latest = new Map<string, (typeof rows)[number]>();
  for (const r of rows) if (!latest.has(r.employerId)) latest.set(r.employerId, r);
  return [...latest.values()];
}

export async function markChangeUndone(db: Db, id: string, at: string): Promise<boolean> {
  const r = await db
    .updateTable('employerOutreachChanges')
    .set({ undoneAt: at })
    .where('id', '=', id)
    .where('undoneAt', 'is', null)
    .executeTakeFirst();
  return Number(r.numUpdatedRows) === 1;
}

/** Employers of the region with a contact email whose status is past «not contacted». */
export async function findSurveyRecipients(db: Db, regionId: string) {
  return db
    .selectFrom('employers')
    .select(['id', 'municipalityCode', 'contactEmail', 'surveyWaveSent'])
    .where('regionId', '=', regionId)
    .where('outreachStatus', '!=', 'not_contacted')
    .execute();
}

/** Marks the wave sent once: true only for the statement that set it. */
export async function markSurveySent(db: Db, id: string, wave: string): Promise<boolean> {
  const r = await db
    .updateTable('employers')
    .set({ surveyWaveSent: wave })
    .where('id', '=', id)
    .where((eb) => eb.or([eb('surveyWaveSent', 'is', null), eb('surveyWaveSent', '!=', wave)]))
    .executeTakeFirst();
  return Number(r.numUpdatedRows) === 1;
}

// Privacy: the contact person is the only personal data here.

export async function findContactsByEmail(db: Db, scope: Scope, email: string) {
  return scoped(db, scope)
    .select([
      'id',
      'regionId',
      'name',
      'contactName',
      'contactEmail',
      'contactPhone',
      'outreachNotes',
      'contactUpdatedAt',
    ])
    .where(sql<string>`lower(contact_email)`, '=', email)
    .execute();
}

export async function findContactsByPhone(db: Db, scope: Scope, phoneE164: string) {
  return scoped(db, scope)
    .select([
      'id',
      'regionId',
      'name',
      'contactName',
      'contactEmail',
      'contactPhone',
      'outreachNotes',
      'contactUpdatedAt',
    ])
    .where('contactPhone', '=', phoneE164)
    .execute();
}

export async function clearContacts(db: Db, ids: string[], at: string): Promise<number> {
  if (!ids.length) return 0;
  const r = await db
    .updateTable('employers')
    .set({
      contactName: null,
      contactEmail: null,
      contactPhone: null,
      outreachNotes: null,
      contactUpdatedAt: null,
      updatedAt: at,
    })
    .where('id', 'in', ids)
    .executeTakeFirst();
  return Number(r.numUpdatedRows);
}

/** Contacts last changed before the cutoff (retention). */
export async function findStaleContacts(db: Db, cutoff: string) {
  return (
    await db.selectFrom('employers').select('id').where('contactUpdatedAt', '<', cutoff).execute()
  ).map((r) => r.id);
}
