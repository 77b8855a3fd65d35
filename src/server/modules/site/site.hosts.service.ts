import type { MunicipalityHost, MunicipalityHostSave } from '../../../contracts/site.js';
import type { Db } from '../../db/database.js';
import type { Clock } from '../../deps.js';
import { invalid, notFound } from '../../errors.js';
import { recordAudit } from '../audit/audit.service.js';
import { type Actor, auditActor } from '../referral/campaigns.service.js';
import { toE164 } from '../referral/normalise.js';
import { getRegionById } from '../regions/regions.service.js';
import * as repo from './site.hosts.repo.js';

type HostRow = Awaited<ReturnType<typeof repo.findHost>>;

const contactOf = (row: HostRow): MunicipalityHost['contact'] =>
  row ? { name: row.name, email: row.email, phone: row.phone, updatedAt: row.updatedAt } : null;

/** Every municipality of the region with its host contact (null where none is set). */
export async function listMunicipalityHosts(db: Db, regionId: string): Promise<MunicipalityHost[]> {
  const region = await getRegionById(db, regionId);
  const rows = new Map((await repo.listHosts(db, regionId)).map((r) => [r.municipalityCode, r]));
  return region.municipalities.map((m) => ({
    municipalityCode: m.code,
    municipalityName: m.name,
    municipalitySlug: m.slug,
    contact: contactOf(rows.get(m.code)),
  }));
}

/** The contact shown on one municipality's public page, or null. */
export async function municipalityHostContact(db: Db, regionId: string, code: string) {
  return contactOf(await repo.findHost(db, regionId, code));
}

async function memberOf(db: Db, regionId: string, code: string) {
  const region = await getRegionById(db, regionId);
  const m = region.municipalities.find((x) => x.code === code);
  // Another region's municipality is simply not found, like an unknown number.
  if (!m) throw notFound('The municipality');
  return m;
}

/** Sets (or replaces) a municipality's host contact; the phone is stored as +47… */
export async function saveMunicipalityHost(
  db: Db,
  clock: Clock,
  actor: Actor,
  regionId: string,
  code: string,
  input: MunicipalityHostSave,
): Promise<MunicipalityHost> {
  const m = await memberOf(db, regionId, code);
  const phoneText = input.phone?.trim() ?? '';
  const phone = phoneText === '' ? null : toE164(phoneText);
  if (phoneText !== '' && !phone)
    throw invalid([{ field: 'phone', message: 'Not a phone number' }]);
  const email = input.email ? input.email.trim() : null;
  const now = clock.now().toISOString();
  await db.transaction().execute(async (trx) => {
    await repo.upsertHost(trx, {
      regionId,
      municipalityCode: code,
      name: input.name.trim(),
      email,
      phone,
      updatedBy: actor.principal.userId,
      updatedAt: now,
    });
    await recordAudit(trx, clock.now(), {
      action: 'site.municipality_host_set',
      ...auditActor(actor),
      target: { type: 'municipality', id: code },
      regionId,
    });
  });
  return {
    municipalityCode: code,
    municipalityName: m.name,
    municipalitySlug: m.slug,
    contact: contactOf(await repo.findHost(db, regionId, code)),
  };
}

/** Removes a municipality's host contact; the page then shows none. */
export async function removeMunicipalityHost(
  db: Db,
  clock: Clock,
  actor: Actor,
  regionId: string,
  code: string,
): Promise<void> {
  await memberOf(db, regionId, code);
  await db.transaction().execute(async (trx) => {
    if (!(await repo.deleteHost(trx, regionId, code))) throw notFound('The host contact');
    await recordAudit(trx, clock.now(), {
      action: 'site.municipality_host_removed',
      ...auditActor(actor),
      target: { type: 'municipality', id: code },
      regionId,
    });
  });
}
