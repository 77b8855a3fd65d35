/** The goals screens' client for /api/goals (programme, evaluation, media log, resident survey). */
import type {
  GoalsEvaluation,
  MediaEntry,
  MediaEntryInput,
  Programme,
  ProgrammeInput,
  ResidentInvite,
} from '../../../contracts/goals.js';
import { call } from '../api-call.js';

export type { GoalsEvaluation, MediaEntry, MediaEntryInput, Programme, ProgrammeInput };

/** `?region=` for an administrator (who has no region of their own), plus other parameters. */
export function query(region: string | undefined, params: Record<string, string | undefined> = {}) {
  const search = new URLSearchParams();
  if (region) search.set('region', region);
  for (const [k, v] of Object.entries(params)) if (v) search.set(k, v);
  const s = search.toString();
  return s ? `?${s}` : '';
}

const id = encodeURIComponent;

export const goalsApi = {
  programme: (region?: string) => call<Programme>('GET', `/api/goals/programme${query(region)}`),
  saveProgramme: (region: string | undefined, body: ProgrammeInput) =>
    call<Programme>('PUT', `/api/goals/programme${query(region)}`, body),
  evaluation: (region: string | undefined, from?: string, to?: string) =>
    call<GoalsEvaluation>('GET', `/api/goals/evaluation${query(region, { from, to })}`),
  media: (region: string | undefined, year: number) =>
    call<{ entries: MediaEntry[] }>(
      'GET',
      `/api/goals/media${query(region, { year: String(year) })}`,
    ),
  addMedia: (region: string | undefined, body: MediaEntryInput) =>
    call<MediaEntry>('POST', `/api/goals/media${query(region)}`, body),
  updateMedia: (region: string | undefined, entryId: string, body: MediaEntryInput) =>
    call<MediaEntry>('PUT', `/api/goals/media/${id(entryId)}${query(region)}`, body),
  deleteMedia: (region: string | undefined, entryId: string) =>
    call<void>('DELETE', `/api/goals/media/${id(entryId)}${query(region)}`),
  inviteResidents: (region: string | undefined, body: ResidentInvite) =>
    call<{ wave: string; scheduled: number; alreadySent: number }>(
      'POST',
      `/api/goals/resident-survey/invitations${query(region)}`,
      body,
    ),
};
