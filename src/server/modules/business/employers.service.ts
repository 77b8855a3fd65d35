import type {
  Employer,
  EmployerList,
  EmployerListQuery,
  OutreachPatch,
  OutreachStatus,
  SizeBand,
} from '../../../contracts/business.js';
import { OUTREACH_STATUSES } from '../../../contracts/business.js';
import type { Db } from '../../db/database.js';
import { newId } from '../../db/portable.js';
import type { Clock } from '../../deps.js';
import { conflict, invalid, notFound } from '../../errors.js';
import { type Principal, scopeOf } from '../../plugins/access.js';
import { recordAudit } from '../audit/audit.service.js';
import { type Actor, auditActor } from '../referral/campaigns.service.js';
import { toE164 } from '../referral/normalise.js';
import { getRegionById } from '../regions/regions.service.js';
import * as repo from './employers.repo.js';
import { navAdsByEmployer } from './nav-ads.js';

/** The region a request is about: an admin names it; everyone else has their own. */
export function regionOf(principal: Principal, requested: string | undefined): string {
  if (principal.role === 'admin') {
    if (!requested) throw invalid([{ field: 'region', message: 'Required for an administrator' }]);
    return requested;
  }
  if (requested && requested !== principal.regionId) throw notFound('The region');
  return principal.regionId!;
}

const BANDS: Record<SizeBand, (n: number | null) => boolean> = {
  '0': (n) => n === null || n === 0,
  '1-4': (n) => n !== null && n >= 1 && n <= 4,
  '5-19': (n) => n !== null && n >= 5 && n <= 19,
  '20-99': (n) => n !== null && n >= 20 && n <= 99,
  '100+': (n) => n !== null && n >= 100,
};

const zeroCounts = () =>
  Object.fromEntries(OUTREACH_STATUSES.map((s) => [s, 0])) as Record<OutreachStatus, number>;

function toEmployer(
  row: repo.EmployerRow,
  names: Map<string, string>,
  ads: Map<string, number>,
  undoable: Set<string>,
): Employer {
  return {
    id: row.id,
    orgNumber: row.orgNumber,
    name: row.name,
    organisationForm: row.organisationForm,
    naceCode: row.naceCode,
    naceDescription: row.naceDescription,
    naceSection: row.naceSection,
    employees: row.employees === null ? null : Number(row.employees),
    municipalityCode: row.municipalityCode,
    municipalityName: names.get(row.municipalityCode) ?? row.municipalityCode,
    addressLine: row.addressLine,
    postcode: row.postcode,
    city: row.city,
    navAds12Months: ads.get(row.orgNumber) ?? 0,
    outreachStatus: row.outreachStatus as OutreachStatus,
    outreachNotes: row.outreachNotes,
    contactName: row.contactName,
    contactEmail: row.contactEmail,
    contactPhone: row.contactPhone,
    canUndo: undoable.has(row.id),
    updatedAt: row.updatedAt,
  };
}

/** A year back from now: "posted on NAV in the last 12 months". */
export function twelveMonthsBefore(now: Date): Date {
  const d = new Date(now);
  d.setUTCFullYear(d.getUTCFullYear() - 1);
  return d;
}

/**
 * The employer register, filtered; hosts see their municipalities' employers. Matched to
 * NAV's ads of the last 12 months by org.nr. Reading includes contact persons: audited.
 */
export async function listEmployers(
  db: Db,
  clock: Clock,
  actor: Actor,
  query: EmployerListQuery,
): Promise<EmployerList> {
  const scope = scopeOf(actor.principal);
  const regionId = regionOf(actor.principal, query.region);
  const region = await getRegionById(db, regionId);
  const visible = region.municipalities.filter(
    (m) => scope.municipalityCodes === 'all' || scope.municipalityCodes.includes(m.code),
  );
  if (query.municipality && !visible.some((m) => m.code === query.municipality)) {
    throw invalid([{ field: 'municipality', message: 'Not a municipality you may see' }]);
  }
  const rows = await repo.findEmployers(db, scope, {
    regionId,
    municipalityCode: query.municipality,
    section: query.section,
    status: query.status,
  });
  const ads = await navAdsByEmployer(db, regionId, twelveMonthsBefore(clock.now()));
  const q = query.q?.toLocaleLowerCase('nb');
  const filtered = rows.filter(
    (r) =>
      (!query.size || BANDS[query.size](r.employees === null ? null : Number(r.employees))) &&
      (!query.postedOnNav || ads.has(r.orgNumber) === (query.postedOnNav === 'yes')) &&
      (!q || r.name.toLocaleLowerCase('nb').includes(q) || r.orgNumber.includes(q)),
  );
  const undoable = new Set(
    (
      await repo.findUndoableChanges(
        db,
        filtered.map((r) => r.id),
      )
    ).map((c) => c.employerId),
  );
  const names = new Map(region.municipalities.map((m) => [m.code, m.name]));
  const employers = filtered.map((r) => toEmployer(r, names, ads, undoable));
  const statusCounts = zeroCounts();
  for (const e of employers) statusCounts[e.outreachStatus] += 1;
  const posted = employers.filter((e) => e.navAds12Months > 0).length;
  await recordAudit(db, clock.now(), {
    action: 'business.employers_read',
    ...auditActor(actor),
    regionId,
    details: { returned: employers.length },
  });
  return {
    employers,
    total: employers.length,
    statusCounts,
    postedOnNav: posted,
    notPostedOnNav: employers.length - posted,
    municipalities: visible.map((m) => ({ code: m.code, name: m.name })),
  };
}

async function loadOne(db: Db, clock: Clock, actor: Actor, id: string): Promise<Employer> {
  const row = await repo.findEmployer(db, scopeOf(actor.principal), id);
  if (!row) throw notFound('The employer');
  const region = await getRegionById(db, row.regionId);
  const names = new Map(region.municipalities.map((m) => [m.code, m.name]));
  const ads = await navAdsByEmployer(db, row.regionId, twelveMonthsBefore(clock.now()));
  const undoable = new Set((await repo.findUndoableChanges(db, [row.id])).map((c) => c.employerId));
  return toEmployer(row, names, ads, undoable);
}

export async function getEmployer(db: Db, clock: Clock, actor: Actor, id: string) {
  const employer = await loadOne(db, clock, actor, id);
  await recordAudit(db, clock.now(), {
    action: 'business.employer_read',
    ...auditActor(actor),
    target: { type: 'employer', id },
    municipalityCode: employer.municipalityCode,
  });
  return employer;
}

function cleanPhone(phone: string | null | undefined): string | null | undefined {
  if (phone === undefined || phone === null) return phone;
  if (phone.trim() === '') return null;
  const e164 = toE164(phone);
  if (!e164) throw invalid([{ field: 'contactPhone', message: 'Not a phone number' }]);
  return e164;
}

const blankToNull = (v: string | null | undefined) =>
  v === undefined ? undefined : v === null || v.trim() === '' ? null : v.trim();

/**
 * Changes an employer's outreach: status (kept in the history, undoable), notes and the
 * contact person. Another municipality's employer answers 404.
 */
export async function changeOutreach(
  db: Db,
  clock: Clock,
  actor: Actor,
  id: string,
  patch: OutreachPatch,
): Promise<Employer> {
  const phone = cleanPhone(patch.contactPhone);
  await db.transaction().execute(async (trx) => {
    const row = await repo.findEmployer(trx, scopeOf(actor.principal), id);
    if (!row) throw notFound('The employer');
    const now = clock.now().toISOString();
    const contact = {
      contactName: blankToNull(patch.contactName),
      contactEmail: blankToNull(patch.contactEmail),
      contactPhone: phone,
      outreachNotes: blankToNull(patch.notes),
    };
    const contactChanged = Object.values(contact).some((v) => v !== undefined);
    const statusChanged = patch.status !== undefined && patch.status !== row.outreachStatus;
    if (statusChanged) {
      await repo.insertOutreachChange(trx, {
        id: newId(),
        employerId: id,
        fromStatus: row.outreachStatus,
        toStatus: patch.status!,
        changedAt: now,
        changedBy: actor.principal.userId,
      });
    }
    await repo.updateEmployer(trx, id, {
      ...Object.fromEntries(Object.entries(contact).filter(([, v]) => v !== undefined)),
      ...(statusChanged ? { outreachStatus: patch.status } : {}),
      ...(contactChanged ? { contactUpdatedAt: now } : {}),
      updatedAt: now,
    });
    await recordAudit(trx, clock.now(), {
      action: 'business.outreach_changed',
      ...auditActor(actor),
      target: { type: 'employer', id },
      regionId: row.regionId,
      municipalityCode: row.municipalityCode,
      details: {
        ...(statusChanged ? { from: row.outreachStatus, to: patch.status } : {}),
        fields: Object.entries(contact)
          .filter(([, v]) => v !== undefined)
          .map(([k]) => k),
      },
    });
  });
  return loadOne(db, clock, actor, id);
}

/** Undoes the last status change not yet undone; twice in a row undoes the one before. */
export async function undoOutreach(db: Db, clock: Clock, actor: Actor, id: string) {
  await db.transaction().execute(async (trx) => {
    const row = await repo.findEmployer(trx, scopeOf(actor.principal), id);
    if (!row) throw notFound('The employer');
    const [last] = await repo.findUndoableChanges(trx, [id]);
    if (!last || last.toStatus !== row.outreachStatus) {
      throw conflict('There is no status change to undo.', { reason: 'nothing_to_undo' });
    }
    const now = clock.now().toISOString();
    if (!(await repo.markChangeUndone(trx, last.id, now))) {
      throw conflict('There is no status change to undo.', { reason: 'nothing_to_undo' });
    }
    await repo.updateEmployer(trx, id, { outreachStatus: last.fromStatus, updatedAt: now });
    await recordAudit(trx, clock.now(), {
      action: 'business.outreach_undone',
      ...auditActor(actor),
      target: { type: 'employer', id },
      regionId: row.regionId,
      municipalityCode: row.municipalityCode,
      details: { from: last.toStatus, to: last.fromStatus },
    });
  });
  return loadOne(db, clock, actor, id);
}

/** The filtered register for a download; the export itself is audited. */
export async function exportEmployers(
  db: Db,
  clock: Clock,
  actor: Actor,
  query: EmployerListQuery,
  format: 'csv' | 'xlsx',
): Promise<Employer[]> {
  const list = await listEmployers(db, clock, actor, query);
  await recordAudit(db, clock.now(), {
    action: 'business.employers_exported',
    ...auditActor(actor),
    regionId: regionOf(actor.principal, query.region),
    details: { format, rows: list.employers.length },
  });
  return list.employers;
}
