import type { Interest } from '../../../contracts/calling.js';
import type { Db } from '../../db/database.js';
import { newId } from '../../db/portable.js';
import * as repo from './tasks.repo.js';

export const TASK_KINDS = [
  'send_jobs',
  'send_housing',
  'send_kindergarten_school',
  'business_advice',
  'invite_visit',
  'invite_event',
  'other',
] as const;
export type TaskKind = (typeof TASK_KINDS)[number];

const KIND_OF_INTEREST: Record<Interest, TaskKind> = {
  jobs: 'send_jobs',
  housing: 'send_housing',
  kindergarten_school: 'send_kindergarten_school',
  business: 'business_advice',
  visit: 'invite_visit',
};

/** A host should answer an interested person within a week, while the call is fresh. */
const DUE_WITHIN_DAYS = 7;

export interface InterestedCall {
  id: string;
  campaignId: string;
  regionId: string;
  municipalityCode: string;
  prospectId: string;
  interests: readonly Interest[];
}

/**
 * The tasks an interested call gives the municipality's hosts: one per interest, and an
 * invitation to the next event for everyone interested. Runs in the transaction that saves
 * the call, so a call and its tasks exist together or not at all; repeating it adds nothing.
 */
export async function createFollowUpTasks(db: Db, now: Date, call: InterestedCall): Promise<void> {
  const kinds = new Set<TaskKind>(call.interests.map((i) => KIND_OF_INTEREST[i]));
  kinds.add('invite_event');
  const dueOn = new Date(now.getTime() + DUE_WITHIN_DAYS * 86_400_000).toISOString().slice(0, 10);
  await repo.insertTasks(
    db,
    [...kinds].map((kind) => ({
      id: newId(),
      campaignId: call.campaignId,
      regionId: call.regionId,
      municipalityCode: call.municipalityCode,
      prospectId: call.prospectId,
      callId: call.id,
      kind,
      status: 'open',
      dueOn,
      assigneeId: null,
      notes: null,
      createdAt: now.toISOString(),
      doneAt: null,
      doneBy: null,
    })),
  );
}
