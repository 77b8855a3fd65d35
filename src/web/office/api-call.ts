/**
 * The plain JSON client the module screens share (campaigns, follow-up, privacy). A write
 * fetches the session's CSRF token first: module writes are few, and the token is then always
 * the current one. Errors are the office's ApiError, so the shared form helpers apply. (The
 * calling screen has its own client: it retries, and keeps an Idempotency-Key per save.)
 */
import { ApiError } from './api.js';

export async function csrf(): Promise<string> {
  const res = await fetch('/api/auth/me', { credentials: 'same-origin' });
  if (!res.ok) throw new ApiError(res.status, 'unauthenticated', 'Sign in first.');
  return ((await res.json()) as { csrfToken: string }).csrfToken;
}

export async function call<T>(method: string, path: string, body?: unknown): Promise<T> {
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
