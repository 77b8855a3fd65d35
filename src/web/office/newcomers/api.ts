/**
 * The newcomer screens' client for /api, beside the screens like the follow-up screens'.
 * Errors are the shared ApiError, so the shared form helpers apply.
 */
import type {
  Checklist,
  ChecklistInput,
  ChecklistList,
  Match,
  Newcomer,
  NewcomerInput,
  NewcomerList,
  NewcomerPatch,
  NewcomerTask,
  RetentionReport,
  StartPage,
} from '../../../contracts/newcomers.js';
import { call } from '../api-call.js';

export type {
  Checklist,
  ChecklistList,
  Match,
  Newcomer,
  NewcomerInput,
  NewcomerList,
  NewcomerTask,
  RetentionReport,
  StartPage,
};

const id = encodeURIComponent;

export const newcomersApi = {
  list: (status: 'living' | 'moved_away' | 'all', municipality?: string) =>
    call<NewcomerList>(
      'GET',
      `/api/newcomers?${new URLSearchParams({ status, ...(municipality ? { municipality } : {}) })}`,
    ),
  get: (newcomerId: string) => call<Newcomer>('GET', `/api/newcomers/${id(newcomerId)}`),
  register: (input: NewcomerInput) => call<Newcomer>('POST', '/api/newcomers', input),
  update: (newcomerId: string, patch: NewcomerPatch) =>
    call<Newcomer>('PATCH', `/api/newcomers/${id(newcomerId)}`, patch),
  movedAway: (newcomerId: string, on: string | null) =>
    on
      ? call<Newcomer>('POST', `/api/newcomers/${id(newcomerId)}/moved-away`, { on })
      : call<Newcomer>('DELETE', `/api/newcomers/${id(newcomerId)}/moved-away`),
  task: (newcomerId: string, taskId: string, done: boolean) =>
    call<NewcomerTask>('PATCH', `/api/newcomers/${id(newcomerId)}/checklist/${id(taskId)}`, {
      done,
    }),
  confirm: (matchId: string) =>
    call<Match>('POST', `/api/newcomer-matches/${id(matchId)}/confirm`, {}),
  reject: (matchId: string) => call<Match>('POST', `/api/newcomer-matches/${id(matchId)}/reject`),
  checklists: () => call<ChecklistList>('GET', '/api/welcome-checklists'),
  saveChecklist: (code: string, input: ChecklistInput) =>
    call<Checklist>('PUT', `/api/welcome-checklists/${id(code)}`, input),
  retention: () => call<RetentionReport>('GET', '/api/newcomer-retention'),
  retentionUrl: (format: 'csv' | 'xlsx') => `/api/newcomer-retention.${format}`,
  start: () => call<StartPage>('GET', '/api/start-page'),
};
