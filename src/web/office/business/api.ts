/**
 * The business screens' client for /api (employers, «Vis fram jobbene!», «Start Her»).
 * Errors are the shared ApiError, so the shared form helpers apply.
 */
import type {
  Employer,
  EmployerList,
  ImportResult,
  Inquiry,
  InquiryList,
  InquiryPatch,
  LabourAccessIndicator,
  OutreachPatch,
  PipelineStage,
  StartupsIndicator,
} from '../../../contracts/business.js';
import { ApiError } from '../api.js';
import { call, csrf } from '../api-call.js';

export type { Employer, EmployerList, ImportResult, Inquiry, InquiryList, PipelineStage };

const id = encodeURIComponent;

export interface EmployerFilter {
  municipality?: string;
  section?: string;
  size?: string;
  postedOnNav?: string;
  status?: string;
  q?: string;
}

export function filterQuery(filter: EmployerFilter): string {
  const search = new URLSearchParams();
  for (const [k, v] of Object.entries(filter)) if (v) search.set(k, v);
  const s = search.toString();
  return s ? `?${s}` : '';
}

/** A file upload is multipart, not JSON: the shared client only speaks JSON. */
async function upload(file: File): Promise<ImportResult> {
  const form = new FormData();
  form.append('file', file, file.name);
  const res = await fetch('/api/employers/imports', {
    method: 'POST',
    headers: { accept: 'application/json', 'x-csrf-token': await csrf() },
    credentials: 'same-origin',
    body: form,
  }).catch(() => {
    throw new ApiError(0, 'network', 'The server could not be reached.');
  });
  const payload = (await res.json().catch(() => undefined)) as
    | (ImportResult & { error?: { code?: string; message?: string; details?: unknown } })
    | undefined;
  if (!res.ok) {
    const e = payload?.error;
    const details = Array.isArray(e?.details) ? (e.details as ApiError['details']) : [];
    throw new ApiError(res.status, e?.code ?? `http_${res.status}`, e?.message ?? '', details);
  }
  return payload as ImportResult;
}

export const businessApi = {
  employers: (filter: EmployerFilter) =>
    call<EmployerList>('GET', `/api/employers${filterQuery(filter)}`),
  exportUrl: (filter: EmployerFilter, format: 'csv' | 'xlsx') =>
    `/api/employers.${format}${filterQuery(filter)}`,
  outreach: (employerId: string, patch: OutreachPatch) =>
    call<Employer>('PATCH', `/api/employers/${id(employerId)}/outreach`, patch),
  undoOutreach: (employerId: string) =>
    call<Employer>('POST', `/api/employers/${id(employerId)}/outreach/undo`),
  importFile: upload,
  sendSurvey: () =>
    call<{ wave: string; scheduled: number; alreadySent: number; withoutEmail: number }>(
      'POST',
      '/api/employers/survey-invitations',
      {},
    ),
  labourAccess: (year: number) =>
    call<LabourAccessIndicator>('GET', `/api/employers/labour-access?year=${year}`),
  inquiries: () => call<InquiryList>('GET', '/api/entrepreneurs'),
  established: (year: number) =>
    call<StartupsIndicator>('GET', `/api/entrepreneurs/established?year=${year}`),
  updateInquiry: (inquiryId: string, patch: InquiryPatch) =>
    call<Inquiry>('PATCH', `/api/entrepreneurs/${id(inquiryId)}`, patch),
  stage: (inquiryId: string, stage: PipelineStage) =>
    call<Inquiry>('POST', `/api/entrepreneurs/${id(inquiryId)}/stage`, { stage }),
  undoStage: (inquiryId: string) =>
    call<Inquiry>('POST', `/api/entrepreneurs/${id(inquiryId)}/stage/undo`),
  addTask: (inquiryId: string, task: { title: string; dueOn: string }) =>
    call<Inquiry>('POST', `/api/entrepreneurs/${id(inquiryId)}/tasks`, task),
  setTask: (taskId: string, status: 'open' | 'done') =>
    call<Inquiry>('PATCH', `/api/entrepreneur-tasks/${id(taskId)}`, { status }),
};
