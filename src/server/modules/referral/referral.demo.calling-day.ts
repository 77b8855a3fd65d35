import type { Insertable } from 'kysely';
import type { CallOutcome, Interest } from '../../../contracts/calling.js';
import { newId } from '../../db/portable.js';
import type { ProspectTable } from '../../db/schema.js';
import { EFFECTS, NO_ANSWER_RETRY_MS } from '../calling/calls.service.js';
import { todayInOslo } from '../followup/tasks.service.js';
import { CALL_NOTES, INTEREST_SETS, type Story } from './referral.demo.people.js';

/**
 * The demo campaign's calling day and what came after (referral.demo.ts): which calls each
 * invented person got, the stamps those calls leave on the prospect as the calling module
 * sets them, and the visits and moves hosts recorded since.
 */

export const DAY_MS = 86_400_000;
export const addDays = (day: string, n: number) =>
  new Date(Date.parse(`${day}T00:00:00.000Z`) + n * DAY_MS).toISOString().slice(0, 10);
export const at = (day: string, hhmm: string, plusMinutes = 0) =>
  new Date(Date.parse(`${day}T${hhmm}:00.000Z`) + plusMinutes * 60_000).toISOString();

/** The calling day: a weekday (default calling hours) a week or a little more before today. */
export function demoCallingDay(now: Date): string {
  let day = addDays(todayInOslo(now), -7);
  while ([0, 6].includes(new Date(`${day}T12:00:00.000Z`).getUTCDay())) day = addDays(day, -1);
  return day;
}

export interface PlannedCall {
  id: string;
  outcome: CallOutcome;
  calledAt: string;
  callBackAt: string | null;
  interests: Interest[];
  notes: string | null;
}

/** The calls person i got on the calling day (UTC 15–19 is 16–21 in Norway), in order. */
export function callsOf(story: Story, i: number, day: string): PlannedCall[] {
  if (story === 'uncalled') return [];
  const call = (outcome: CallOutcome, calledAt: string, extra: Partial<PlannedCall> = {}) => ({
    id: newId(),
    outcome,
    calledAt,
    callBackAt: null,
    interests: [],
    notes: null,
    ...extra,
  });
  const first = at(day, '15:00', (i * 7) % 100);
  const second = at(day, '17:50', (i * 3) % 40);
  const note = (o: CallOutcome) => (i % 2 === 0 ? (CALL_NOTES[o]?.[i % 3] ?? null) : null);
  if (story === 'no_answer') {
    return i % 3 === 0
      ? [call('no_answer', first), call('no_answer', second)]
      : [call('no_answer', first)];
  }
  if (story === 'call_back') {
    // Some asked for a time already past (due now), others for the coming days.
    const when =
      i % 2 === 0 ? at(addDays(day, 2), '17:00') : at(addDays(day, 8 + (i % 3)), '17:00');
    return [call('call_back', first, { callBackAt: when, notes: note('call_back') })];
  }
  const outcome: CallOutcome =
    story === 'not_now' || story === 'not_interested' || story === 'wrong_number'
      ? story
      : 'interested';
  const extra: Partial<PlannedCall> = { notes: note(outcome) };
  if (outcome === 'interested') extra.interests = INTEREST_SETS[i % INTEREST_SETS.length]!;
  return i % 4 === 0
    ? [call('no_answer', first), call(outcome, second, extra)]
    : [call(outcome, first, extra)];
}

type Stamps = Pick<
  Insertable<ProspectTable>,
  | 'callAttempts'
  | 'lastOutcome'
  | 'firstCalledAt'
  | 'reachedAt'
  | 'interestedAt'
  | 'callingClosedAt'
  | 'nextCallAt'
>;

/** The pool and pipeline stamps these calls leave, as the calling module sets them. */
export function stampsOf(calls: PlannedCall[]): Stamps {
  const firstWhere = (f: (c: PlannedCall) => boolean) => calls.find(f)?.calledAt ?? null;
  const last = calls.at(-1);
  return {
    callAttempts: calls.length,
    lastOutcome: last?.outcome ?? null,
    firstCalledAt: calls[0]?.calledAt ?? null,
    reachedAt: firstWhere((c) => EFFECTS[c.outcome].reached),
    interestedAt: firstWhere((c) => c.outcome === 'interested'),
    callingClosedAt: firstWhere((c) => EFFECTS[c.outcome].closes),
    nextCallAt:
      last?.outcome === 'no_answer'
        ? new Date(Date.parse(last.calledAt) + NO_ANSWER_RETRY_MS).toISOString()
        : last?.outcome === 'call_back'
          ? last.callBackAt
          : null,
  };
}

/** After the calling day: visits, moves and settling, as hosts would have recorded them. */
export function pipelineOf(story: Story, i: number, day: string, municipalityCode: string) {
  const none = {
    visitingAt: null,
    movedInOn: null,
    movedInMunicipalityCode: null,
    settledAt: null,
  };
  if (story === 'visiting') return { ...none, visitingAt: addDays(day, 2 + (i % 3)) };
  if (story === 'moved_in') {
    return {
      ...none,
      visitingAt: addDays(day, 1),
      movedInOn: addDays(day, 3 + (i % 3)),
      movedInMunicipalityCode: municipalityCode,
    };
  }
  if (story === 'settled') {
    return {
      visitingAt: addDays(day, 1),
      movedInOn: addDays(day, 2),
      movedInMunicipalityCode: municipalityCode,
      settledAt: addDays(day, 6),
    };
  }
  return none;
}

/** Paper calls are entered a little after they were made. */
export const recordedAtOf = (c: PlannedCall) =>
  new Date(Date.parse(c.calledAt) + 30 * 60_000).toISOString();
