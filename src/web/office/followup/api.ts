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
import { call } from '../api-call.js';

export type { FollowUpTask, Funnel, Pipeline, PipelineProspect, PipelineStep, TaskList };

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
