import { randomBytes, randomUUID } from 'node:crypto';
import type { Db } from '../../src/server/db/database.js';

/**
 * Calling-day rows written straight to the database, for progress tests that must not wait
 * for the calling screen: carded prospects, recorded outcomes (as the calling module leaves
 * the prospect after each) and open claims. Invented people.
 */
interface WithDb {
  deps: { db: Db };
  clock: { now(): Date };
}

let counter = 0;

export async function seedCardedProspects(
  t: WithDb,
  campaignId: string,
  municipalityCode: string,
  count: number,
): Promise<string[]> {
  const { db } = t.deps;
  const campaign = await db
    .selectFrom('campaigns')
    .select('regionId')
    .where('id', '=', campaignId)
    .executeTakeFirstOrThrow();
  const now = t.clock.now().toISOString();
  const ids: string[] = [];
  for (let i = 0; i < count; i++) {
    counter += 1;
    const id = randomUUID();
    ids.push(id);
    await db
      .insertInto('prospects')
      .values({
        id,
        campaignId,
        regionId: campaign.regionId,
        municipalityCode,
        name: `Demo Person ${counter}`,
        household: null,
        phoneE164: `+4790${String(counter).padStart(6, '0')}`,
        addressLine: null,
        postcode: null,
        city: null,
        nameKey: `demo person ${counter}`,
        surnameKey: 'person',
        addressKey: null,
        phoneHash: null,
        nameAddressHash: null,
        optOutCode: randomBytes(6).toString('hex').toUpperCase(),
        firstTippedAt: now,
        cardedAt: now,
        releasedAt: null,
        createdAt: now,
        updatedAt: now,
      })
      .execute();
  }
  return ids;
}

const CLOSES = new Set(['interested', 'not_now', 'not_interested', 'opt_out', 'wrong_number']);

/** A call outcome as the calling module records it, and the prospect as it leaves them. */
export async function seedOutcome(
  t: WithDb,
  campaignId: string,
  prospectId: string,
  callerId: string,
  outcome: string,
): Promise<void> {
  const { db } = t.deps;
  const p = await db
    .selectFrom('prospects')
    .select(['regionId', 'municipalityCode', 'callAttempts'])
    .where('id', '=', prospectId)
    .executeTakeFirstOrThrow();
  const now = t.clock.now().toISOString();
  await db
    .insertInto('calls')
    .values({
      id: randomUUID(),
      campaignId,
      regionId: p.regionId,
      municipalityCode: p.municipalityCode,
      prospectId,
      claimId: null,
      callerId,
      outcome,
      notes: null,
      interests: '[]',
      callBackAt: null,
      calledAt: now,
      recordedAt: now,
      recordedBy: callerId,
      source: 'screen',
      idempotencyKey: null,
    })
    .execute();
  await db
    .updateTable('prospects')
    .set({
      callAttempts: Number(p.callAttempts) + 1,
      lastOutcome: outcome,
      callingClosedAt: CLOSES.has(outcome) ? now : null,
      nextCallAt: CLOSES.has(outcome) ? null : new Date(Date.parse(now) + 3_600_000).toISOString(),
    })
    .where('id', '=', prospectId)
    .execute();
}

/** An open claim with a 15-minute lease. */
export async function claimFor(
  t: WithDb,
  campaignId: string,
  prospectId: string,
  callerId: string,
): Promise<void> {
  const { db } = t.deps;
  const p = await db
    .selectFrom('prospects')
    .select(['regionId', 'municipalityCode'])
    .where('id', '=', prospectId)
    .executeTakeFirstOrThrow();
  const now = t.clock.now();
  await db
    .insertInto('claims')
    .values({
      id: randomUUID(),
      campaignId,
      regionId: p.regionId,
      municipalityCode: p.municipalityCode,
      prospectId,
      callerId,
      claimedAt: now.toISOString(),
      expiresAt: new Date(now.getTime() + 15 * 60_000).toISOString(),
      closedAt: null,
      closeReason: null,
    })
    .execute();
}

export async function callsOf(t: WithDb, campaignId: string): Promise<number> {
  const row = await t.deps.db
    .selectFrom('calls')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('campaignId', '=', campaignId)
    .executeTakeFirstOrThrow();
  return Number(row.n);
}
