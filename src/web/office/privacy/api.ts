/**
 * The privacy screen's client for /api/privacy. Errors are the office's ApiError, so the
 * shared form helpers apply. Exports arrive as files and are saved by the browser.
 */
import type { z } from 'zod';
import type {
  DataMap,
  PersonLookup,
  PrivacyAlertListSchema,
  PrivacyRequest,
  PrivacyRequestListSchema,
  RetentionSchema,
} from '../../../contracts/privacy.js';
import { ApiError } from '../api.js';
import { csrf } from '../api-call.js';

export type { DataMap, PersonLookup, PrivacyRequest };
export type RequestList = z.infer<typeof PrivacyRequestListSchema>;
export type Retention = z.infer<typeof RetentionSchema>;
export type AlertList = z.infer<typeof PrivacyAlertListSchema>;

async function send(method: string, path: string, body?: unknown): Promise<Response> {
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
  if (!res.ok) {
    const payload = (await res.json().catch(() => undefined)) as
      | { error?: { code?: string; message?: string; details?: unknown } }
      | undefined;
    const e = payload?.error;
    const details = Array.isArray(e?.details) ? (e.details as ApiError['details']) : [];
    throw new ApiError(res.status, e?.code ?? `http_${res.status}`, e?.message ?? '', details);
  }
  return res;
}

const call = async <T>(method: string, path: string, body?: unknown): Promise<T> =>
  (await (await send(method, path, body)).json()) as T;

/** Saves a response as a file, with the name the server gave it. */
async function save(res: Response, fallback: string): Promise<void> {
  const name = /filename="([^"]+)"/.exec(res.headers.get('content-disposition') ?? '')?.[1];
  const url = URL.createObjectURL(await res.blob());
  const a = document.createElement('a');
  a.href = url;
  a.download = name ?? fallback;
  a.click();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

export const privacyApi = {
  dataMap: () => call<DataMap>('GET', '/api/privacy/data-map'),
  requests: () => call<RequestList>('GET', '/api/privacy/requests'),
  createRequest: (input: { kind: 'access' | 'erasure'; reference?: string; receivedOn?: string }) =>
    call<PrivacyRequest>('POST', '/api/privacy/requests', input),
  setStatus: (id: string, status: 'open' | 'done' | 'rejected') =>
    call<PrivacyRequest>('PATCH', `/api/privacy/requests/${encodeURIComponent(id)}`, { status }),
  retention: () => call<Retention>('GET', '/api/privacy/retention'),
  setRetention: (periods: Record<string, number>) =>
    call<Retention>('PUT', '/api/privacy/retention', { periods }),
  alerts: () => call<AlertList>('GET', '/api/privacy/alerts'),
  exportPerson: async (lookup: PersonLookup, format: 'json' | 'pdf', requestId?: string) =>
    save(
      await send('POST', '/api/privacy/access-exports', {
        lookup,
        format,
        ...(requestId ? { requestId } : {}),
      }),
      `access.${format}`,
    ),
  erasePerson: (lookup: PersonLookup, suppress: boolean, requestId?: string) =>
    call<{ counts: Record<string, number> }>('POST', '/api/privacy/erasures', {
      lookup,
      suppress,
      ...(requestId ? { requestId } : {}),
    }),
  recordsUrl: (format: 'pdf' | 'xlsx', lang: string) =>
    `/api/privacy/records.${format}?lang=${encodeURIComponent(lang)}`,
};
