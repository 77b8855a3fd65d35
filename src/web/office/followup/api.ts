/**
 * The follow-up screens' client for /api, beside the screens like the campaign screens'.
 * Errors are the shared ApiError, so the shared form helpers apply.
 */
import type {
  FollowUpTask,
  Funnel,
  MovedInInput,
  Pipeline,
  PipelineProspect,
  PipelineStep,
  TaskList,
  TaskPatch,
} from '../../../contracts/followup.js';
import { ApiError } from '../api.js';

export type { FollowUpTask, Funnel, Pipeline, PipelineProspect, PipelineStep, TaskList };

async function csrf(): Promise<string> {
  const res = await fetch('/api/auth/me', { credentials: 'same-origin' });
  if (!res.ok) throw new ApiError(res.status, 'unauthenticated', 'Sign in first.');
  return ((await res.json()) as { csrfToken: string }).csrfToken;
}

async function call<T>(method: string, path: string, body?: unknown): Promise<T> {
  const headers: Record<string, string> = { accept: 'application/json' };
  if (body !== undefined) headers['content-type'] = 'application/json';
  if (method !== 'GET') headers['x-csrf-token'] = await csrf();
  let res: Response;
  try {
    res = await fetch(path, {
      method,
      headers,
      credentials: 'same-origin',
      body: body === undefined ? undefined : JSON.stringify(body),
    });
  } catch {
    throw new ApiError(0, 'network', 'The server could not be reached.');
  }
  if (res.status === 204) return undefined as T;
  const payload = (await res.json().catch(() => undefined)) as
    | { error?: { code?: string; message?: string; details?: unknown } }
    | undefined;
  if (!res.ok) {
    const e = payload?.error;
    const details = Array.isArray(e?.details) ? (e.details as ApiError['details']) : [];
    throw new ApiError(res.status, e?.code ?? `http_${res.status}`, e?.message ?? '', details);
  }
  return payload as T;
}

const id = encodeURIComponent;

export interface TaskFilter {
  status: 'open' | 'done' | 'cancelled' | 'all';
  campaign?: string;
  mine?: boolean;
  overdue?: boolean;
}

function query(filter: TaskFilter): string {
  const search = new URLSearchParams({ status: filter.status });
  if (filter.campaign) search.set('campaign', filter.campaign);
  if (filter.mine) search.set('mine', 'true');
  if (filter.overdue) search.set('overdue', 'true');
  return `?${search}`;
}

export const followupApi = {
  tasks: (filter: TaskFilter) => call<TaskList>('GET', `/api/follow-up-tasks${query(filter)}`),
  updateTask: (taskId: string, change: TaskPatch) =>
    call<FollowUpTask>('PATCH', `/api/follow-up-tasks/${id(taskId)}`, change),
  pipeline: (campaignId: string) =>
    call<Pipeline>('GET', `/api/campaigns/${id(campaignId)}/pipeline`),
  record: (prospectId: string, step: PipelineStep, body: { on?: string } | MovedInInput) =>
    call<PipelineProspect>('POST', `/api/prospects/${id(prospectId)}/${step}`, body),
  undo: (prospectId: string, step: PipelineStep) =>
    call<PipelineProspect>('DELETE', `/api/prospects/${id(prospectId)}/${step}`),
  funnel: (campaignId: string) => call<Funnel>('GET', `/api/campaigns/${id(campaignId)}/funnel`),
  exportUrl: (campaignId: string, format: 'csv' | 'xlsx') =>
    `/api/campaigns/${id(campaignId)}/funnel.${format}`,
};
