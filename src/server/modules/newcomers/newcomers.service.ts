import { randomBytes } from 'node:crypto';
import type {
  Newcomer,
  NewcomerInput,
  NewcomerList,
  NewcomerListQuery,
  NewcomerSummary,
  Reason,
} from '../../../contracts/newcomers.js';
import type { Region } from '../../../contracts/regions.js';
import type { Locale } from '../../../web/i18n/locales.js';
import type { Db } from '../../db/database.js';
import { fromDbBool, fromDbJson, newId, toDbJson } from '../../db/portable.js';
import type { Clock } from '../../deps.js';
import { invalid, notFound } from '../../errors.js';
import { scopeOf } from '../../plugins/access.js';
import { recordAudit } from '../audit/audit.service.js';
import { todayInOslo } from '../followup/tasks.service.js';
import { type Actor, auditActor, listCampaigns } from '../referral/campaigns.service.js';
import { getRegionById, listRegions } from '../regions/regions.service.js';
import { instantiateChecklist, tasksOf } from './checklists.service.js';
import { queueWelcome, scheduleCheckIns } from './contact.js';
import { findMatchesOf, proposeMatches } from './matches.service.js';
import * as repo from './newcomers.repo.js';
import { type CleanAdult, checkRegistration, childrenOf } from './newcomers.rules.js';

/**
 * Newcomer registrations: by a host in the office (their municipalities only) or by the
 * newcomer on the public site. A registration, its proposals, its checklist, its welcome
 * email and its check-ins are written in one transaction: the acknowledgement comes only
 * after all of it is committed, and a repeated form token returns the first registration.
 */

export type Registrar =
  | { kind: 'staff'; actor: Actor }
  | { kind: 'self'; ip: string | null; regionId: string };

export interface RegisterOptions {
  publicUrl: string;
  idempotencyKey?: string | undefined;
}

/** The region of a staff registration: theirs, or (an admin) the one with the municipality. */
async function regionFor(db: Db, by: Registrar, code: string): Promise<Region> {
  if (by.kind === 'self') return getRegionById(db, by.regionId);
  const { principal } = by.actor;
  if (principal.regionId) return getRegionById(db, principal.regionId);
  const regions = await listRegions(db, scopeOf(principal));
  const region = regions.find((r) => r.municipalities.some((m) => m.code === code));
  if (!region) throw invalid([{ field: 'municipalityCode', message: 'Not in any region' }]);
  return region;
}

const adultRows = (newcomerId: string, adults: CleanAdult[]) =>
  adults.map((a, position) => ({ id: newId(), newcomerId, position, ...a }));

export async function registerNewcomer(
  db: Db,
  clock: Clock,
  by: Registrar,
  input: NewcomerInput,
  options: RegisterOptions,
): Promise<{ id: string; created: boolean }> {
  const now = clock.now();
  const today = todayInOslo(now);
  const region = await regionFor(db, by, input.municipalityCode);
  const allowed = by.kind === 'staff' ? scopeOf(by.actor.principal).municipalityCodes : 'all';
  const campaigns = await listCampaigns(db, { regionIds: [region.id], municipalityCodes: 'all' });
  const { adults, issues } = checkRegistration(input, {
    region,
    allowed,
    campaignIds: campaigns.map((c) => c.id),
    today,
  });
  if (issues.length) throw invalid(issues);
  return db
    .transaction()
    .execute((trx) => insertRegistration(trx, clock, by, region.id, input, adults, options));
}

/**
 * Writes a checked registration with its proposals, checklist, welcome email and check-ins,
 * in the caller's transaction (the demo seeder's, or registerNewcomer's).
 */
export async function insertRegistration(
  trx: Db,
  clock: Clock,
  by: Registrar,
  regionId: string,
  input: NewcomerInput,
  adults: CleanAdult[],
  options: RegisterOptions,
): Promise<{ id: string; created: boolean }> {
  const now = clock.now();
  const key = options.idempotencyKey;
  if (key) {
    const earlier = await repo.findByIdempotencyKey(trx, key);
    if (earlier) return { id: earlier.id, created: false };
  }
  const id = newId();
  const at = now.toISOString();
  const row = {
    id,
    regionId,
    municipalityCode: input.municipalityCode,
    source: by.kind === 'staff' ? 'office' : 'self',
    movedFrom: input.movedFrom || null,
    movingDate: input.movingDate,
    childrenBirthYears: toDbJson(input.childrenBirthYears),
    reasons: toDbJson([...new Set(input.reasons)]),
    heardViaChannel: input.heardVia?.channel ?? null,
    heardViaCampaignId: input.heardVia?.campaignId ?? null,
    consentContact: input.consents.contact ? 1 : 0,
    consentContactAt: input.consents.contact ? at : null,
    consentCheckIns: input.consents.checkIns ? 1 : 0,
    consentCheckInsAt: input.consents.checkIns ? at : null,
    consentWithdrawnAt: null,
    locale: input.locale,
    notes: input.notes || null,
    movedAwayOn: null,
    movedAwaySource: null,
    linkCode: randomBytes(18).toString('base64url'),
    idempotencyKey: key ?? null,
    createdBy: by.kind === 'staff' ? by.actor.principal.userId : null,
    createdAt: at,
    updatedAt: at,
  };
  await repo.insertNewcomer(trx, row, adultRows(id, adults));
  const proposals = await proposeMatches(trx, now, row, adults);
  await instantiateChecklist(trx, row);
  const email = adults.find((a) => a.email)?.email ?? null;
  const welcomed = await queueWelcome(trx, clock, row, email, options.publicUrl);
  const checkIns = await scheduleCheckIns(trx, clock, row, email);
  await recordAudit(trx, now, {
    action: 'newcomers.registered',
    ...(by.kind === 'staff'
      ? auditActor(by.actor)
      : { actor: { userId: null, label: 'anonymous' }, ip: by.ip }),
    target: { type: 'newcomer', id },
    regionId,
    municipalityCode: input.municipalityCode,
    details: { source: row.source, proposals, welcomed, checkIns },
  });
  return { id, created: true };
}

function summaryOf(
  row: repo.NewcomerRow,
  adults: repo.AdultRow[],
  openMatches: number,
): NewcomerSummary {
  const contact = row.consentContact === 1;
  return {
    id: row.id,
    name: adults[0]?.name ?? '',
    householdSize: adults.length + fromDbJson<number[]>(row.childrenBirthYears, []).length,
    municipalityCode: row.municipalityCode,
    movingDate: row.movingDate,
    source: row.source as NewcomerSummary['source'],
    email: contact ? (adults.find((a) => a.email)?.email ?? null) : null,
    locale: row.locale as Locale,
    consentContact: contact,
    movedAwayOn: row.movedAwayOn,
    openMatches,
    createdAt: row.createdAt,
    isDemo: fromDbBool(row.isDemo),
  };
}

/** Newcomers in the actor's municipalities, newest move first. Reading is audited. */
export async function listNewcomers(
  db: Db,
  clock: Clock,
  actor: Actor,
  query: NewcomerListQuery & { createdSince?: string },
): Promise<NewcomerList> {
  const rows = await repo.findNewcomers(db, scopeOf(actor.principal), {
    municipalityCode: query.municipality,
    status: query.status,
    contactable: query.contactable,
    createdSince: query.createdSince,
  });
  const ids = rows.map((r) => r.id);
  const adults = await repo.findAdults(db, ids);
  const matches = await repo.countOpenMatches(db, ids);
  await recordAudit(db, clock.now(), {
    action: 'newcomers.list_read',
    ...auditActor(actor),
    regionId: actor.principal.regionId,
    details: { returned: rows.length, municipality: query.municipality ?? null },
  });
  return {
    newcomers: rows.map((r) =>
      summaryOf(
        r,
        adults.filter((a) => a.newcomerId === r.id),
        matches.get(r.id) ?? 0,
      ),
    ),
  };
}

export async function findScopedNewcomer(db: Db, actor: Actor, id: string) {
  const row = await repo.findNewcomer(db, scopeOf(actor.principal), id);
  if (!row) throw notFound('The newcomer');
  return row;
}

/** The whole record as the office shows it (not audited: the caller decides). */
export async function loadNewcomer(db: Db, clock: Clock, actor: Actor, id: string) {
  const row = await findScopedNewcomer(db, actor, id);
  const adults = await repo.findAdults(db, [id]);
  const now = clock.now();
  const year = Number(todayInOslo(now).slice(0, 4));
  let heardVia: Newcomer['heardVia'] = null;
  if (row.heardViaChannel) {
    const campaigns = row.heardViaCampaignId
      ? await listCampaigns(db, { regionIds: [row.regionId], municipalityCodes: 'all' })
      : [];
    heardVia = {
      channel: row.heardViaChannel as NonNullable<Newcomer['heardVia']>['channel'],
      campaignId: row.heardViaCampaignId,
      campaignName: campaigns.find((c) => c.id === row.heardViaCampaignId)?.name ?? null,
    };
  }
  const newcomer: Newcomer = {
    id: row.id,
    municipalityCode: row.municipalityCode,
    source: row.source as Newcomer['source'],
    adults: adults.map((a) => ({
      name: a.name,
      birthYear: a.birthYear,
      email: a.email,
      phone: a.phoneE164,
    })),
    children: childrenOf(fromDbJson<number[]>(row.childrenBirthYears, []), year),
    movedFrom: row.movedFrom,
    movingDate: row.movingDate,
    reasons: fromDbJson<Reason[]>(row.reasons, []),
    heardVia,
    consents: {
      contact: row.consentContact === 1,
      contactAt: row.consentContactAt,
      checkIns: row.consentCheckIns === 1,
      checkInsAt: row.consentCheckInsAt,
      withdrawnAt: row.consentWithdrawnAt,
    },
    locale: row.locale as Locale,
    notes: row.notes,
    movedAwayOn: row.movedAwayOn,
    movedAwaySource: row.movedAwaySource as Newcomer['movedAwaySource'],
    createdAt: row.createdAt,
    updatedAt: row.updatedAt,
    isDemo: fromDbBool(row.isDemo),
    matches: await findMatchesOf(db, actor, id),
    checklist: await tasksOf(db, actor, id, now),
  };
  return newcomer;
}

/** One newcomer; another municipality's answers 404. Reading is audited. */
export async function getNewcomer(
  db: Db,
  clock: Clock,
  actor: Actor,
  id: string,
): Promise<Newcomer> {
  const newcomer = await loadNewcomer(db, clock, actor, id);
  await recordAudit(db, clock.now(), {
    action: 'newcomers.read',
    ...auditActor(actor),
    target: { type: 'newcomer', id },
    regionId: actor.principal.regionId,
    municipalityCode: newcomer.municipalityCode,
  });
  return newcomer;
}
