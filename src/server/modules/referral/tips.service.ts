import { createHash } from 'node:crypto';
import type { Campaign, TipInput } from '../../../contracts/referral.js';
import type { Db } from '../../db/database.js';
import { newId, toDbBool } from '../../db/portable.js';
import type { Clock } from '../../deps.js';
import { invalid } from '../../errors.js';
import { recordAudit } from '../audit/audit.service.js';
import { getRegionById } from '../regions/regions.service.js';
import { insertProposal } from './duplicates.repo.js';
import {
  addressKey,
  foldName,
  newOptOutCode,
  personHashes,
  surnameKey,
  toE164,
} from './normalise.js';
import * as prospects from './prospects.repo.js';
import { anySuppressed, getOrCreateSalt } from './suppressions.repo.js';
import * as tips from './tips.repo.js';
import { checkTipRules, toFieldIssues } from './tips.validate.js';

export const INFORM_WITHIN_DAYS = 30;
const DAY_MS = 86_400_000;

/** Why we hold the data, as recorded on each tip (and told on the postcard). */
export const TIP_RECORD = {
  source: 'tipper',
  purpose: 'referral_campaign_contact',
  legalBasis: 'gdpr_6_1_f_legitimate_interest',
} as const;

/** What happened; the caller answers all three the same way. */
export type TipOutcome = 'created' | 'repeat' | 'suppressed';

/** A double submit without a key is the same content again: hash it as the key. */
function contentKey(campaignId: string, tip: TipInput): string {
  const { locale: _ignored, ...content } = tip;
  const digest = createHash('sha256')
    .update(JSON.stringify([campaignId, content]))
    .digest('hex');
  return `content:${digest}`;
}

async function uniqueOptOutCode(db: Db): Promise<string> {
  for (;;) {
    const code = newOptOutCode();
    if (!(await prospects.optOutCodeExists(db, code))) return code;
  }
}

/**
 * Takes a tip. Everything happens in one transaction, and the caller acknowledges only after
 * it has committed: a tip that was acknowledged is never lost. A person who has opted out is
 * dropped without a trace; the tipper cannot tell (the caller answers as for any tip).
 */
export async function submitTip(
  db: Db,
  clock: Clock,
  campaign: Campaign,
  tip: TipInput,
  idempotencyKey: string | undefined,
): Promise<TipOutcome> {
  const region = await getRegionById(db, campaign.regionId);
  const issues = checkTipRules(
    tip,
    region.municipalities.map((m) => m.code),
  );
  if (issues.length) throw invalid(toFieldIssues(issues));

  const { person, tipper } = tip;
  const keys = {
    phoneE164: toE164(person.phone),
    nameKey: foldName(person.name),
    addressKey: addressKey(person.addressLine, person.postcode),
  };
  return db.transaction().execute(async (trx) => {
    // First: two simultaneous first tips about one person must see each other's prospect.
    await tips.lockCampaignTips(trx, campaign.id);
    const now = clock.now();
    const at = now.toISOString();
    const salt = await getOrCreateSalt(trx);
    const hashes = personHashes(salt, keys);
    if (
      await anySuppressed(
        trx,
        [hashes.phoneHash, hashes.nameAddressHash].filter((h) => h !== null),
      )
    ) {
      await recordAudit(trx, now, {
        action: 'referral.tip_suppressed',
        actor: { userId: null, label: 'anonymous' },
        target: { type: 'campaign', id: campaign.id },
        regionId: campaign.regionId,
      });
      return 'suppressed';
    }
    const tipId = newId();
    const inserted = await tips.insertTip(trx, {
      id: tipId,
      campaignId: campaign.id,
      regionId: campaign.regionId,
      municipalityCode: person.municipalityCode,
      idempotencyKey: idempotencyKey ? `key:${idempotencyKey}` : contentKey(campaign.id, tip),
      tipperName: tipper.name,
      tipperEmail: tipper.email ?? null,
      tipperPhone: tipper.phone ?? null,
      tipperMunicipalityCode: tipper.municipalityCode ?? null,
      tipperMayBeNamed: toDbBool(tip.tipperMayBeNamed),
      tipperWantsNews: toDbBool(tip.tipperWantsNews),
      welcomeConfirmed: toDbBool(tip.welcomeConfirmed),
      personName: person.name,
      personPhone: person.phone ?? null,
      personAddressLine: person.addressLine ?? null,
      personPostcode: person.postcode ?? null,
      personCity: person.city ?? null,
      personLivesNow: person.livesNow ?? null,
      personConnection: person.connection ?? null,
      personHousehold: person.household ?? null,
      personReason: person.reason ?? null,
      ...TIP_RECORD,
      informBy: new Date(now.getTime() + INFORM_WITHIN_DAYS * DAY_MS).toISOString(),
      locale: tip.locale ?? 'nb',
      createdAt: at,
      erasedAt: null,
    });
    if (!inserted) return 'repeat';
    const { prospectId, matched, proposals } = await placeTip(trx, campaign, tip, keys, hashes, at);
    await tips.linkTip(trx, tipId, prospectId, at);
    await recordAudit(trx, now, {
      action: 'referral.tip_received',
      actor: { userId: null, label: 'anonymous' },
      target: { type: 'prospect', id: prospectId },
      regionId: campaign.regionId,
      municipalityCode: person.municipalityCode,
      details: { tipId, campaignId: campaign.id, matched, proposals },
    });
    return 'created';
  });
}

type Keys = { phoneE164: string | null; nameKey: string; addressKey: string | null };
type Hashes = { phoneHash: string | null; nameAddressHash: string | null };

/**
 * The prospect a tip belongs to. Certain (same phone, or same name and address): the same
 * prospect, which gains what it lacked. Otherwise a new prospect, and a proposal to staff
 * for each probable match (same name in the municipality, same surname at the address).
 */
async function placeTip(
  db: Db,
  campaign: Campaign,
  tip: TipInput,
  keys: Keys,
  hashes: Hashes,
  at: string,
): Promise<{ prospectId: string; matched: 'certain' | 'new'; proposals: number }> {
  const { person } = tip;
  const certain = await prospects.findCertainMatches(db, campaign.id, keys);
  const [first, ...others] = certain;
  if (first) {
    const gainsAddress = !first.addressKey && keys.addressKey;
    const gainsPhone = !first.phoneE164 && keys.phoneE164;
    await prospects.updateProspect(db, first.id, {
      ...(gainsPhone ? { phoneE164: keys.phoneE164, phoneHash: hashes.phoneHash } : {}),
      ...(gainsAddress
        ? {
            addressLine: person.addressLine ?? null,
            postcode: person.postcode ?? null,
            city: person.city ?? null,
            addressKey: keys.addressKey,
            nameAddressHash: hashes.nameAddressHash,
          }
        : {}),
      household: first.household ?? person.household ?? null,
      updatedAt: at,
    });
    for (const other of others)
      await propose(db, campaign.id, first.id, other.id, 'same_contact', at);
    return { prospectId: first.id, matched: 'certain', proposals: others.length };
  }
  const id = newId();
  const row = {
    id,
    campaignId: campaign.id,
    regionId: campaign.regionId,
    municipalityCode: person.municipalityCode,
    name: person.name,
    household: person.household ?? null,
    phoneE164: keys.phoneE164,
    addressLine: person.addressLine ?? null,
    postcode: person.postcode ?? null,
    city: person.city ?? null,
    nameKey: keys.nameKey,
    surnameKey: surnameKey(person.name),
    addressKey: keys.addressKey,
    ...hashes,
    optOutCode: await uniqueOptOutCode(db),
    firstTippedAt: at,
    cardedAt: null,
    releasedAt: null,
    createdAt: at,
    updatedAt: at,
  } satisfies prospects.ProspectInsert;
  await prospects.insertProspect(db, row);
  const probable = await prospects.findProbableMatches(db, row);
  for (const p of probable) await propose(db, campaign.id, id, p.id, p.reason, at);
  return { prospectId: id, matched: 'new', proposals: probable.length };
}

async function propose(
  db: Db,
  campaignId: string,
  a: string,
  b: string,
  reason: string,
  at: string,
) {
  await insertProposal(db, {
    id: newId(),
    campaignId,
    leftProspectId: a,
    rightProspectId: b,
    reason,
    createdAt: at,
  });
}
