import type { Newcomer, NewcomerPatch } from '../../../contracts/newcomers.js';
import type { Db } from '../../db/database.js';
import { newId, toDbJson } from '../../db/portable.js';
import type { Clock } from '../../deps.js';
import { type FieldIssue, invalid } from '../../errors.js';
import { scopeOf } from '../../plugins/access.js';
import { recordAudit } from '../audit/audit.service.js';
import { todayInOslo } from '../followup/tasks.service.js';
import { type Actor, auditActor, listCampaigns } from '../referral/campaigns.service.js';
import { getRegionById } from '../regions/regions.service.js';
import { moveChecklist } from './checklists.service.js';
import { cancelCheckIns, rescheduleCheckIns, scheduleCheckIns } from './contact.js';
import * as repo from './newcomers.repo.js';
import {
  checkChildren,
  checkHeardVia,
  checkMovingDate,
  checkMunicipality,
  cleanAdults,
} from './newcomers.rules.js';
import { findScopedNewcomer, loadNewcomer } from './newcomers.service.js';

type Changes = Parameters<typeof repo.updateNewcomer>[2];

/** Consents as changed by a host: each with its time; any withdrawal stops check-ins at once. */
function consentChanges(
  row: repo.NewcomerRow,
  consents: NonNullable<NewcomerPatch['consents']>,
  at: string,
): { changes: Changes; withdrawn: boolean } {
  const changes: Changes = {};
  let withdrawn = false;
  const contact = consents.contact;
  if (contact !== undefined && contact !== (row.consentContact === 1)) {
    changes.consentContact = contact ? 1 : 0;
    changes.consentContactAt = contact ? at : row.consentContactAt;
    if (!contact) withdrawn = true;
  }
  const checkIns = consents.checkIns;
  if (checkIns !== undefined && checkIns !== (row.consentCheckIns === 1)) {
    changes.consentCheckIns = checkIns ? 1 : 0;
    changes.consentCheckInsAt = checkIns ? at : row.consentCheckInsAt;
    if (!checkIns) withdrawn = true;
  }
  if (withdrawn) changes.consentWithdrawnAt = at;
  return { changes, withdrawn };
}

/**
 * A host corrects a registration. Another municipality's answers 404; moving it to a
 * municipality the host does not have is refused (400, naming the field). Audited with the
 * fields changed, never their values.
 */
export async function updateNewcomer(
  db: Db,
  clock: Clock,
  actor: Actor,
  id: string,
  patch: NewcomerPatch,
): Promise<Newcomer> {
  const row = await findScopedNewcomer(db, actor, id);
  const now = clock.now();
  const today = todayInOslo(now);
  const year = Number(today.slice(0, 4));
  const at = now.toISOString();
  const region = await getRegionById(db, row.regionId);
  const issues: FieldIssue[] = [];
  const changes: Changes = { updatedAt: at };
  if (patch.municipalityCode !== undefined) {
    checkMunicipality(
      patch.municipalityCode,
      region,
      scopeOf(actor.principal).municipalityCodes,
      issues,
    );
    changes.municipalityCode = patch.municipalityCode;
  }
  const adults = patch.adults ? cleanAdults(patch.adults, year, issues) : null;
  if (patch.childrenBirthYears) {
    checkChildren(patch.childrenBirthYears, year, issues);
    changes.childrenBirthYears = toDbJson(patch.childrenBirthYears);
  }
  if (patch.movingDate !== undefined) {
    checkMovingDate(patch.movingDate, today, issues);
    changes.movingDate = patch.movingDate;
  }
  if (patch.heardVia !== undefined) {
    const campaigns = await listCampaigns(db, {
      regionIds: [row.regionId],
      municipalityCodes: 'all',
    });
    checkHeardVia(
      patch.heardVia,
      campaigns.map((c) => c.id),
      issues,
    );
    changes.heardViaChannel = patch.heardVia?.channel ?? null;
    changes.heardViaCampaignId = patch.heardVia?.campaignId ?? null;
  }
  if (issues.length) throw invalid(issues);
  if (patch.movedFrom !== undefined) changes.movedFrom = patch.movedFrom || null;
  if (patch.reasons) changes.reasons = toDbJson([...new Set(patch.reasons)]);
  if (patch.locale) changes.locale = patch.locale;
  if (patch.notes !== undefined) changes.notes = patch.notes || null;
  const consent = patch.consents
    ? consentChanges(row, patch.consents, at)
    : { changes: {}, withdrawn: false };
  Object.assign(changes, consent.changes);

  await db.transaction().execute(async (trx) => {
    await repo.updateNewcomer(trx, id, changes);
    if (adults) {
      await repo.replaceAdults(
        trx,
        id,
        adults.map((a, position) => ({ id: newId(), newcomerId: id, position, ...a })),
      );
    }
    const stored = (await repo.findNewcomerById(trx, id))!;
    if (patch.municipalityCode && patch.municipalityCode !== row.municipalityCode) {
      await moveChecklist(trx, stored);
    }
    const [first] = (await repo.findAdults(trx, [id])).filter((a) => a.email);
    const email = first?.email ?? null;
    if (consent.withdrawn) await cancelCheckIns(trx, clock, id);
    else if (consent.changes.consentCheckIns === 1) {
      await scheduleCheckIns(trx, clock, stored, email);
    } else if (changes.movingDate && changes.movingDate !== row.movingDate) {
      // Check-ins are counted from the moving date: the pending ones follow a correction.
      if (stored.consentCheckIns === 1 && !stored.movedAwayOn) {
        await rescheduleCheckIns(trx, clock, stored, email);
      }
    }
    await recordAudit(trx, now, {
      action: 'newcomers.updated',
      ...auditActor(actor),
      target: { type: 'newcomer', id },
      regionId: row.regionId,
      municipalityCode: stored.municipalityCode,
      details: { fields: Object.keys(patch), consentWithdrawn: consent.withdrawn },
    });
  });
  return loadNewcomer(db, clock, actor, id);
}

/** A host records that the household moved away (or undoes it: `on` null). */
export async function setMovedAway(
  db: Db,
  clock: Clock,
  actor: Actor,
  id: string,
  on: string | null,
): Promise<Newcomer> {
  const row = await findScopedNewcomer(db, actor, id);
  const now = clock.now();
  if (on !== null) {
    if (on > todayInOslo(now)) throw invalid([{ field: 'on', message: 'Not in the future' }]);
    if (on < row.movingDate) throw invalid([{ field: 'on', message: 'Not before they moved in' }]);
  }
  await db.transaction().execute(async (trx) => {
    await repo.updateNewcomer(trx, id, {
      movedAwayOn: on,
      movedAwaySource: on ? 'host' : null,
      updatedAt: now.toISOString(),
    });
    // Nobody is asked how they thrive here after they have left.
    if (on) await cancelCheckIns(trx, clock, id);
    await recordAudit(trx, now, {
      action: on ? 'newcomers.moved_away_recorded' : 'newcomers.moved_away_undone',
      ...auditActor(actor),
      target: { type: 'newcomer', id },
      regionId: row.regionId,
      municipalityCode: row.municipalityCode,
    });
  });
  return loadNewcomer(db, clock, actor, id);
}

/** What the newcomer's own link shows: whether it is known, and a move already told. */
export async function findByLink(db: Db, code: string) {
  if (!/^[A-Za-z0-9_-]{20,40}$/.test(code)) return undefined;
  const row = await repo.findByLinkCode(db, code);
  return row
    ? { movingDate: row.movingDate, movedAwayOn: row.movedAwayOn, locale: row.locale }
    : undefined;
}

/** The newcomer tells us they have moved away (from the link in their emails). */
export async function movedAwayBySelf(
  db: Db,
  clock: Clock,
  code: string,
  on: string,
  ip: string | null,
): Promise<'recorded' | 'unknown' | 'bad_date'> {
  if (!/^[A-Za-z0-9_-]{20,40}$/.test(code)) return 'unknown';
  const row = await repo.findByLinkCode(db, code);
  if (!row) return 'unknown';
  const now = clock.now();
  if (on > todayInOslo(now) || on < row.movingDate) return 'bad_date';
  await db.transaction().execute(async (trx) => {
    await repo.updateNewcomer(trx, row.id, {
      movedAwayOn: on,
      movedAwaySource: 'newcomer',
      updatedAt: now.toISOString(),
    });
    await cancelCheckIns(trx, clock, row.id);
    await recordAudit(trx, now, {
      action: 'newcomers.moved_away_told',
      actor: { userId: null, label: 'newcomer' },
      ip,
      target: { type: 'newcomer', id: row.id },
      regionId: row.regionId,
      municipalityCode: row.municipalityCode,
    });
  });
  return 'recorded';
}
