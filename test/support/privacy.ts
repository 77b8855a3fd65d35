import { newId } from '../../src/server/db/portable.js';
import type { TestApp } from './app.js';

/**
 * A call with notes and a follow-up task about the prospect of this name (the calling module
 * makes these on the calling day; here they are written directly). Returns the prospect id.
 */
export async function insertPersonRecords(t: TestApp, name: string, notes: string) {
  const db = t.deps.db;
  const p = await db
    .selectFrom('prospects')
    .select(['id', 'campaignId', 'regionId', 'municipalityCode'])
    .where('name', '=', name)
    .executeTakeFirstOrThrow();
  const now = t.clock.now().toISOString();
  const callId = newId();
  await db
    .insertInto('calls')
    .values({
      id: callId,
      campaignId: p.campaignId,
      regionId: p.regionId,
      municipalityCode: p.municipalityCode,
      prospectId: p.id,
      claimId: null,
      callerId: null,
      outcome: 'interested',
      notes,
      interests: '["kindergarten_school"]',
      callBackAt: null,
      calledAt: now,
      recordedAt: now,
      recordedBy: 'test',
      source: 'paper',
      idempotencyKey: null,
    })
    .execute();
  await db
    .insertInto('followUpTasks')
    .values({
      id: newId(),
      campaignId: p.campaignId,
      regionId: p.regionId,
      municipalityCode: p.municipalityCode,
      prospectId: p.id,
      callId,
      kind: 'send_kindergarten_school',
      status: 'open',
      dueOn: now.slice(0, 10),
      assigneeId: null,
      notes: `${notes} (oppgave)`,
      createdAt: now,
      doneAt: null,
      doneBy: null,
    })
    .execute();
  await db
    .updateTable('prospects')
    .set({ reachedAt: now, lastOutcome: 'interested', firstCalledAt: now })
    .where('id', '=', p.id)
    .execute();
  return p.id;
}
