import type { Insertable } from 'kysely';
import type { Interest } from '../../../contracts/calling.js';
import type { Db } from '../../db/database.js';
import { newId, toDbBool, toDbJson } from '../../db/portable.js';
import type { ProspectTable } from '../../db/schema.js';
import type { Clock } from '../../deps.js';
import type { DemoSeeder } from '../demo.js';
import { createFollowUpTasks, todayInOslo } from '../followup/tasks.service.js';
import { insertCampaign } from './campaigns.repo.js';
import {
  addressKey,
  foldName,
  newOptOutCode,
  personHashes,
  surnameKey,
  toE164,
} from './normalise.js';
import {
  addDays,
  at,
  callsOf,
  DAY_MS,
  demoCallingDay,
  type PlannedCall,
  pipelineOf,
  recordedAtOf,
  stampsOf,
} from './referral.demo.calling-day.js';
import {
  DEMO_CAMPAIGN,
  type DemoPerson,
  demoPerson,
  demoTipper,
  PROSPECT_COUNT,
  STORIES,
  tipCountOf,
} from './referral.demo.people.js';
import * as repo from './referral.demo.repo.js';
import { getOrCreateSalt } from './suppressions.repo.js';
import { INFORM_WITHIN_DAYS, TIP_RECORD } from './tips.service.js';

/**
 * The demo region's «Savner du noen?» campaign a week after its calling day: ~80 invented
 * people tipped by ~120 tips, all carded, most called, some interested, a few visiting, moved
 * in and settled, and some still to call. Written directly, a table at a time (a few dozen
 * statements, so a first start stays quick), with the keys, hashes and pipeline stamps the
 * referral, calling and followup modules would have left. Calls are entered as from paper
 * (no caller accounts are invented); no one is mid-call.
 */

/** Marks who entered the demo's calls: no user, the seeder. */
export const DEMO_RECORDER = 'demo-seeder';

/** Opt-out codes no prospect has yet (they are unique across the installation). */
async function freshOptOutCodes(db: Db, n: number): Promise<string[]> {
  const codes = new Set<string>();
  for (;;) {
    while (codes.size < n) codes.add(newOptOutCode());
    const taken = await repo.findTakenOptOutCodes(db, [...codes]);
    if (taken.length === 0) return [...codes];
    for (const code of taken) codes.delete(code);
  }
}

interface Context {
  campaignId: string;
  regionId: string;
  salt: string;
  day: string;
  tippingStarts: number;
  cardedAt: string;
}

/** The tips about person i: the first when tipping had just begun, more a few days apart. */
function tipsOf(ctx: Context, i: number, person: DemoPerson, erasedAt: string | null) {
  return Array.from({ length: erasedAt ? 1 : tipCountOf(i) }, (_, t) => {
    const createdAt = new Date(
      ctx.tippingStarts +
        Math.floor((i * 12 * DAY_MS) / (PROSPECT_COUNT + 1)) +
        t * 2.5 * DAY_MS +
        ((i * 37) % 600) * 60_000,
    ).toISOString();
    const tipper = demoTipper(i, t, person.municipalityCode);
    const id = newId();
    return {
      id,
      campaignId: ctx.campaignId,
      regionId: ctx.regionId,
      municipalityCode: person.municipalityCode,
      // What an opt-out leaves of a tip: who tipped and when, nothing about the person.
      idempotencyKey: erasedAt ? `erased:${id}` : `demo:${i}:${t}`,
      tipperName: tipper.name,
      tipperEmail: tipper.email,
      tipperPhone: null,
      tipperMunicipalityCode: tipper.municipalityCode,
      tipperMayBeNamed: toDbBool(tipper.mayBeNamed),
      tipperWantsNews: toDbBool(tipper.wantsNews),
      welcomeConfirmed: 1,
      personName: erasedAt ? null : person.name,
      personPhone: erasedAt ? null : person.phone,
      personAddressLine: erasedAt ? null : person.addressLine,
      personPostcode: erasedAt ? null : person.postcode,
      personCity: erasedAt ? null : person.city,
      personLivesNow: erasedAt ? null : person.city,
      personConnection: erasedAt ? null : tipper.connection,
      personHousehold: erasedAt || t > 0 ? null : person.household,
      personReason: erasedAt ? null : tipper.reason,
      ...TIP_RECORD,
      informBy: new Date(Date.parse(createdAt) + INFORM_WITHIN_DAYS * DAY_MS).toISOString(),
      locale: tipper.locale,
      createdAt,
      erasedAt,
    };
  });
}

function prospectOf(ctx: Context, i: number, person: DemoPerson, code: string, tippedAt: string) {
  const story = STORIES[i]!;
  const calls = callsOf(story, i, ctx.day);
  const pipeline = pipelineOf(story, i, ctx.day, person.municipalityCode);
  const keys = {
    phoneE164: toE164(person.phone),
    nameKey: foldName(person.name),
    addressKey: addressKey(person.addressLine, person.postcode),
  };
  const lastCall = calls.at(-1);
  const updatedAt = pipeline.settledAt
    ? at(pipeline.settledAt, '10:00')
    : pipeline.movedInOn
      ? at(pipeline.movedInOn, '10:00')
      : pipeline.visitingAt
        ? at(pipeline.visitingAt, '10:00')
        : lastCall
          ? recordedAtOf(lastCall)
          : ctx.cardedAt;
  const row: Insertable<ProspectTable> = {
    id: newId(),
    campaignId: ctx.campaignId,
    regionId: ctx.regionId,
    municipalityCode: person.municipalityCode,
    name: person.name,
    household: person.household,
    ...keys,
    addressLine: person.addressLine,
    postcode: person.postcode,
    city: person.city,
    surnameKey: surnameKey(person.name),
    ...personHashes(ctx.salt, keys),
    optOutCode: code,
    firstTippedAt: tippedAt,
    cardedAt: ctx.cardedAt,
    releasedAt: null,
    ...stampsOf(calls),
    ...pipeline,
    tipperThankedAt: null,
    createdAt: tippedAt,
    updatedAt,
  };
  return { row, story, calls };
}

function callRow(
  ctx: Context,
  c: PlannedCall,
  municipalityCode: string,
  prospectId: string | null,
) {
  return {
    id: c.id,
    campaignId: ctx.campaignId,
    regionId: ctx.regionId,
    municipalityCode,
    prospectId,
    claimId: null,
    callerId: null,
    outcome: c.outcome,
    notes: c.notes,
    interests: toDbJson(c.interests),
    callBackAt: c.callBackAt,
    calledAt: c.calledAt,
    recordedAt: recordedAtOf(c),
    recordedBy: DEMO_RECORDER,
    source: 'paper',
    idempotencyKey: null,
  };
}

export async function seedReferralDemo(db: Db, clock: Clock, regionId: string): Promise<void> {
  await repo.deleteCampaignsOfRegion(db, regionId);
  const now = clock.now();
  const day = demoCallingDay(now);
  const startsOn = addDays(day, -35);
  const ctx: Context = {
    campaignId: newId(),
    regionId,
    salt: await getOrCreateSalt(db),
    day,
    tippingStarts: Date.parse(at(addDays(startsOn, 1), '07:00')),
    cardedAt: at(addDays(day, -12), '12:00'),
  };
  await insertCampaign(db, {
    id: ctx.campaignId,
    regionId,
    slug: DEMO_CAMPAIGN.slug,
    name: DEMO_CAMPAIGN.name,
    kind: 'referral',
    status: 'open',
    startsOn,
    endsOn: addDays(todayInOslo(now), 60),
    callingDays: toDbJson([day]),
    texts: toDbJson(DEMO_CAMPAIGN.texts),
    postcardMessage: DEMO_CAMPAIGN.postcardMessage,
    postcardLocale: 'nb',
    callScript: DEMO_CAMPAIGN.callScript,
    targets: toDbJson(DEMO_CAMPAIGN.targets),
    callingHours: null,
    createdBy: null,
    createdAt: at(startsOn, '08:00', -7 * 24 * 60),
    updatedAt: at(startsOn, '08:00', -7 * 24 * 60),
  });
  const rows = await buildRows(db, ctx);
  await repo.insertDemoRows(db, rows);
  for (const c of rows.interested) {
    await createFollowUpTasks(db, new Date(c.recordedAt), {
      id: c.id,
      campaignId: ctx.campaignId,
      regionId,
      municipalityCode: c.municipalityCode,
      prospectId: c.prospectId!,
      interests: JSON.parse(c.interests) as Interest[],
    });
  }
  await repo.markTasksDone(db, rows.wentFurther, at(addDays(day, 1), '10:00'));
}

async function buildRows(db: Db, ctx: Context) {
  const codes = await freshOptOutCodes(db, PROSPECT_COUNT);
  const rows: repo.DemoRows = {
    prospects: [],
    tips: [],
    prospectTips: [],
    batches: [],
    batchItems: [],
    calls: [],
  };
  const wentFurther: string[] = [];
  for (let i = 0; i < PROSPECT_COUNT; i++) {
    const person = demoPerson(i);
    const tips = tipsOf(ctx, i, person, null);
    const { row, story, calls } = prospectOf(ctx, i, person, codes[i]!, tips[0]!.createdAt);
    rows.prospects.push(row);
    rows.tips.push(...tips);
    rows.prospectTips.push(
      ...tips.map((t) => ({ tipId: t.id, prospectId: row.id, linkedAt: t.createdAt })),
    );
    rows.calls.push(...calls.map((c) => callRow(ctx, c, person.municipalityCode, row.id)));
    if (['settled', 'moved_in', 'visiting'].includes(story)) wentFurther.push(row.id);
  }
  // One more person asked on the phone not to be contacted: erased at once, so only their
  // call (without them) and the tip (without them) remain, as after a real opt-out.
  const optedOut = demoPerson(PROSPECT_COUNT);
  const optOutCall: PlannedCall = {
    id: newId(),
    outcome: 'opt_out',
    calledAt: at(ctx.day, '16:10'),
    callBackAt: null,
    interests: [],
    notes: null,
  };
  rows.tips.push(...tipsOf(ctx, PROSPECT_COUNT, optedOut, recordedAtOf(optOutCall)));
  rows.calls.push(callRow(ctx, optOutCall, optedOut.municipalityCode, null));
  rows.calls.sort((a, b) => a.calledAt.localeCompare(b.calledAt));

  const batchId = newId();
  rows.batches.push({
    id: batchId,
    campaignId: ctx.campaignId,
    regionId: ctx.regionId,
    createdBy: null,
    createdAt: at(addDays(ctx.day, -14), '08:00'),
    sentAt: ctx.cardedAt,
    sentBy: null,
  });
  // In postcode order, as the post office sorts them and a real batch is made.
  const collator = new Intl.Collator('nb');
  const sorted = [...rows.prospects].sort(
    (a, b) => a.postcode!.localeCompare(b.postcode!) || collator.compare(a.name, b.name),
  );
  rows.batchItems = sorted.map((p, k) => ({ batchId, prospectId: p.id!, position: k + 1 }));
  const interested = rows.calls.filter((c) => c.outcome === 'interested');
  return { ...rows, interested, wentFurther };
}

export const referralDemoSeeder: DemoSeeder = {
  name: 'referral campaign «Savner du noen? (demo)» with its calling day (invented people)',
  seed: seedReferralDemo,
};
