import type { ProspectDetail, ProspectPatch } from '../../../contracts/referral-office.js';
import type { Db } from '../../db/database.js';
import { newId } from '../../db/portable.js';
import type { Clock } from '../../deps.js';
import { AppError, type FieldIssue, invalid } from '../../errors.js';
import { scopeOf } from '../../plugins/access.js';
import { recordAudit } from '../audit/audit.service.js';
import { getRegionById } from '../regions/regions.service.js';
import { type Actor, auditActor } from './campaigns.service.js';
import { insertProposal } from './duplicates.repo.js';
import { addressKey, foldName, personHashes, surnameKey, toE164 } from './normalise.js';
import * as repo from './prospects.repo.js';
import { erasePeople, getProspectRow, loadProspectDetail } from './prospects.service.js';
import { anySuppressed, getOrCreateSalt } from './suppressions.repo.js';
import { lockCampaignTips } from './tips.repo.js';
import { tipIssueMessage } from './tips.validate.js';

type Row = repo.ProspectWithCounts;

/** What the prospect looks like after the patch: absent keeps, null or blank clears. */
function merged(row: Row, patch: ProspectPatch) {
  const pick = (value: string | null | undefined, current: string | null) =>
    value === undefined ? current : value?.trim() ? value.trim() : null;
  return {
    name: patch.name?.trim() || row.name,
    household: pick(patch.household, row.household),
    phone: patch.phone === undefined ? row.phoneE164 : pick(patch.phone, null),
    addressLine: pick(patch.addressLine, row.addressLine),
    postcode: pick(patch.postcode, row.postcode),
    city: pick(patch.city, row.city),
    municipalityCode: patch.municipalityCode ?? row.municipalityCode,
  };
}
type Merged = ReturnType<typeof merged>;

/** The same rules as a tip's: a reachable person, a whole address, a municipality we serve. */
function check(next: Merged, patch: ProspectPatch, regionCodes: string[], actor: Actor) {
  const issues: FieldIssue[] = [];
  const say = (field: string, code: keyof typeof tipIssueMessage) =>
    issues.push({ field, message: tipIssueMessage[code] });
  if (patch.phone?.trim() && !toE164(patch.phone)) say('phone', 'invalid_phone');
  const hasAddress = Boolean(next.addressLine || next.postcode);
  if (!next.phone && !hasAddress) say('phone', 'phone_or_address');
  else if (hasAddress && !next.addressLine) say('addressLine', 'address_incomplete');
  else if (hasAddress && !next.postcode) say('postcode', 'address_incomplete');
  if (next.postcode && !/^\d{4}$/.test(next.postcode)) say('postcode', 'invalid_postcode');
  const { municipalityCodes } = scopeOf(actor.principal);
  if (!regionCodes.includes(next.municipalityCode)) say('municipalityCode', 'not_in_region');
  else if (municipalityCodes !== 'all' && !municipalityCodes.includes(next.municipalityCode)) {
    issues.push({ field: 'municipalityCode', message: 'Not one of your municipalities' });
  }
  return issues;
}

/** The keys and hashes a tip would give the person, so opt-out and duplicates stay right. */
function keysOf(next: Merged, salt: string) {
  const phoneE164 = toE164(next.phone);
  const keys = {
    phoneE164,
    nameKey: foldName(next.name),
    surnameKey: surnameKey(next.name),
    addressKey: addressKey(next.addressLine, next.postcode),
  };
  return { ...keys, ...personHashes(salt, keys) };
}

/**
 * Staff correct a prospect (name, household, phone, address, municipality). The phone is
 * stored in E.164 and every key is recomputed; someone who opted out under the new details
 * is erased as an opt-out would have; a match with another prospect becomes a proposal.
 * A phone-only prospect who gains an address goes into the next postcard batch.
 */
export async function editProspect(
  db: Db,
  clock: Clock,
  actor: Actor,
  id: string,
  patch: ProspectPatch,
): Promise<ProspectDetail> {
  const scope = scopeOf(actor.principal);
  const outcome = await db.transaction().execute(async (trx) => {
    const seen = await getProspectRow(trx, scope, id);
    // Tips to the campaign wait for the change, and it starts from the row as it is now.
    await lockCampaignTips(trx, seen.campaignId);
    const row = await getProspectRow(trx, scope, id);
    const region = await getRegionById(trx, row.regionId);
    const next = merged(row, patch);
    const issues = check(
      next,
      patch,
      region.municipalities.map((m) => m.code),
      actor,
    );
    if (issues.length) throw invalid(issues);
    const now = clock.now();
    const at = now.toISOString();
    const keys = keysOf(next, await getOrCreateSalt(trx));
    const audit = {
      ...auditActor(actor),
      target: { type: 'prospect', id },
      regionId: row.regionId,
      municipalityCode: next.municipalityCode,
    };
    const hashes = [keys.phoneHash, keys.nameAddressHash].filter((h) => h !== null);
    if (await anySuppressed(trx, hashes)) {
      await erasePeople(trx, [id], now);
      await recordAudit(trx, now, { action: 'referral.prospect_erased_opted_out', ...audit });
      return 'opted_out' as const;
    }
    await repo.updateProspect(trx, id, {
      name: next.name,
      household: next.household,
      addressLine: next.addressLine,
      postcode: next.postcode,
      city: next.city,
      municipalityCode: next.municipalityCode,
      ...keys,
      updatedAt: at,
    });
    const proposals = await proposeMatches(trx, { ...row, ...keys, ...next }, at);
    await recordAudit(trx, now, {
      action: 'referral.prospect_updated',
      ...audit,
      details: { fields: Object.keys(patch), proposals },
    });
    return loadProspectDetail(trx, scope, id, now);
  });
  if (outcome === 'opted_out') {
    throw new AppError('gone', 'The person has opted out; what we had about them is erased.');
  }
  return outcome;
}

/** New certain or probable matches after the change, as proposals for staff to decide. */
async function proposeMatches(
  db: Db,
  p: Pick<
    repo.ProspectRow,
    'id' | 'campaignId' | 'nameKey' | 'surnameKey' | 'addressKey' | 'phoneE164' | 'municipalityCode'
  >,
  at: string,
): Promise<number> {
  const certain = (await repo.findCertainMatches(db, p.campaignId, p)).filter((c) => c.id !== p.id);
  const probable = await repo.findProbableMatches(db, p);
  const pairs = new Map<string, string>(probable.map((m) => [m.id, m.reason]));
  for (const c of certain) pairs.set(c.id, 'same_contact');
  for (const [other, reason] of pairs) {
    await insertProposal(db, {
      id: newId(),
      campaignId: p.campaignId,
      leftProspectId: p.id,
      rightProspectId: other,
      reason,
      createdAt: at,
    });
  }
  return pairs.size;
}
