/**
 * The office's typed client for /api. Cookie session; every write carries the CSRF token
 * from GET /api/auth/me. Errors arrive as `{ error: { code, message, details } }` and are
 * thrown as ApiError so a form can put each field's message next to the field.
 */
// Types only: the office shares the server's contracts without bundling zod.
import type { z } from 'zod';
import type { AuditPageSchema } from '../../contracts/audit.js';
import type { CurrentUser, Role } from '../../contracts/auth.js';
import type { Region } from '../../contracts/regions.js';
import type { ProviderSchema } from '../../contracts/sso.js';
import type { ImportListSchema, Series, Summary } from '../../contracts/statistics.js';
import type { ApiTokenSchema, CreatedApiTokenSchema } from '../../contracts/tokens.js';
import type {
  InvitationBodySchema,
  UserSummarySchema,
  UserUpdateBodySchema,
} from '../../contracts/users.js';
import type { Locale } from '../i18n/locales.js';

export type { CurrentUser, Region, Role };

export interface FieldIssue {
  field: string;
  message: string;
}

export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly details: FieldIssue[] = [],
  ) {
    super(message);
    this.name = 'ApiError';
  }
}

export interface Me {
  user: CurrentUser;
  csrfToken: string;
}

export interface SignInResult {
  mfaRequired: boolean;
  user?: CurrentUser;
  /** The new session's token: the TOTP step is a write on it. */
  csrfToken: string;
}

export type Provider = z.infer<typeof ProviderSchema>;

export interface TotpSetup {
  secret: string;
  otpauthUrl: string;
  /** An SVG QR code, when the server draws one. */
  qrSvg?: string;
}

export type UserSummary = z.infer<typeof UserSummarySchema>;
export type InvitationInput = z.input<typeof InvitationBodySchema>;
export type UserChange = z.input<typeof UserUpdateBodySchema>;
export type AuditPage = z.infer<typeof AuditPageSchema>;
export type AuditEntry = AuditPage['entries'][number];

export interface AuditFilter {
  userId?: string;
  action?: string;
  targetId?: string;
  from?: string;
  to?: string;
  page?: number;
}

export type { Series, Summary };
export type StatisticsImport = z.infer<typeof ImportListSchema>['imports'][number];
export type ApiToken = z.infer<typeof ApiTokenSchema>;
export type CreatedToken = z.infer<typeof CreatedApiTokenSchema>;

let csrfToken: string | null = null;
/** Whose session the token belongs to: a renewed token must be the same person's. */
let sessionUserId: string | null = null;

const PENDING_KEY = 'flytthit.office.pendingMfa';

/**
 * A sign-in waiting for its code survives a reload of the tab: the pending session's CSRF
 * token is kept for this tab, since /me does not answer until the code is given and the
 * server wants the token on every write of that session (the code, or signing out).
 */
export const pendingMfa = {
  get(): string | null {
    try {
      return window.sessionStorage.getItem(PENDING_KEY);
    } catch {
      return null;
    }
  },
  set(token: string | null): void {
    try {
      if (token) window.sessionStorage.setItem(PENDING_KEY, token);
      else window.sessionStorage.removeItem(PENDING_KEY);
    } catch {
      // storage disabled: a reload during the code step means signing in again
    }
  },
};
let onUnauthenticated: (() => void) | null = null;

export function setCsrfToken(token: string | null, userId: string | null = null): void {
  csrfToken = token;
  sessionUserId = userId;
}

/** Called when a request that needed a session answers 401 (it expired or was revoked). */
export function setUnauthenticatedHandler(handler: (() => void) | null): void {
  onUnauthenticated = handler;
}

type Method = 'GET' | 'POST' | 'PATCH' | 'DELETE';

interface RequestOptions {
  /** A 401 here is an answer, not a lost session (sign-in, /me). */
  anonymous?: boolean;
  /** Set on the one retry after a stale CSRF token was renewed. */
  retried?: boolean;
}

async function request<T>(
  method: Method,
  path: string,
  body?: unknown,
  options: RequestOptions = {},
): Promise<T> {
  const headers: Record<string, string> = { accept: 'application/json' };
  if (body !== undefined) headers['content-type'] = 'application/json';
  if (method !== 'GET' && csrfToken) headers['x-csrf-token'] = csrfToken;
  let response: Response;
  try {
    response = await fetch(path, {
      method,
      headers,
      credentials: 'same-origin',
      body: body === undefined ? undefined : JSON.stringify(body),
    });
  } catch {
    throw new ApiError(0, 'network', 'The server could not be reached.');
  }
  if (response.status === 204 || response.status === 202) {
    return undefined as T;
  }
  const payload: unknown = await response.json().catch(() => undefined);
  if (!response.ok) {
    // Signing in again in another tab gives the browser a new session, and this tab's token
    // goes stale: fetch the current one and try once more.
    if (isCsrfRefusal(response.status, payload) && !options.retried && (await renewCsrf())) {
      return request<T>(method, path, body, { ...options, retried: true });
    }
    const error = isCsrfRefusal(response.status, payload)
      ? new ApiError(403, 'stale_session', 'The session changed in another tab.')
      : toApiError(response.status, payload);
    if (error.status === 401 && !options.anonymous) onUnauthenticated?.();
    throw error;
  }
  return payload as T;
}

const isCsrfRefusal = (status: number, payload: unknown): boolean =>
  status === 403 &&
  (payload as { error?: { details?: { reason?: unknown } } })?.error?.details?.reason === 'csrf';

async function renewCsrf(): Promise<boolean> {
  try {
    const response = await fetch('/api/auth/me', {
      headers: { accept: 'application/json' },
      credentials: 'same-origin',
    });
    if (!response.ok) return false;
    const me = (await response.json()) as Me;
    // Someone else signed in meanwhile: never send this screen's change as them.
    if (me.user.id !== sessionUserId) return false;
    csrfToken = me.csrfToken;
    return true;
  } catch {
    return false;
  }
}

function toApiError(status: number, payload: unknown): ApiError {
  const error = (payload as { error?: { code?: unknown; message?: unknown; details?: unknown } })
    ?.error;
  const code = typeof error?.code === 'string' ? error.code : `http_${status}`;
  const message = typeof error?.message === 'string' ? error.message : `HTTP ${status}`;
  // Validation lists every bad field; a conflict may name the one field it is about.
  const raw = error?.details;
  const details = Array.isArray(raw)
    ? (raw as unknown[]).filter(isFieldIssue)
    : typeof (raw as { field?: unknown } | undefined)?.field === 'string'
      ? [{ field: (raw as { field: string }).field, message: String(error?.message ?? '') }]
      : [];
  return new ApiError(status, code, message, details);
}

const isFieldIssue = (v: unknown): v is FieldIssue =>
  typeof v === 'object' &&
  v !== null &&
  typeof (v as FieldIssue).field === 'string' &&
  typeof (v as FieldIssue).message === 'string';

const query = (params: Record<string, string | number | undefined>): string => {
  const search = new URLSearchParams();
  for (const [key, value] of Object.entries(params)) {
    if (value !== undefined && value !== '') search.set(key, String(value));
  }
  const text = search.toString();
  return text ? `?${text}` : '';
};

const id = (value: string) => encodeURIComponent(value);

export const api = {
  auth: {
    me: () => request<Me>('GET', '/api/auth/me', undefined, { anonymous: true }),
    signIn: async (email: string, password: string) => {
      const result = await request<SignInResult>(
        'POST',
        '/api/auth/sign-in',
        { email, password },
        { anonymous: true },
      );
      csrfToken = result.csrfToken;
      pendingMfa.set(result.mfaRequired ? result.csrfToken : null);
      return result;
    },
    verifyTotp: async (code: string) => {
      const me = await request<Me>('POST', '/api/auth/totp/verify', { code }, { anonymous: true });
      csrfToken = me.csrfToken;
      pendingMfa.set(null);
      return me;
    },
    signOut: async () => {
      await request<void>('POST', '/api/auth/sign-out', undefined, { anonymous: true });
      pendingMfa.set(null);
    },
    updateMe: (change: { locale?: Locale; name?: string }) =>
      request<unknown>('PATCH', '/api/auth/me', change),
    providers: () =>
      request<{ providers: Provider[] }>('GET', '/api/auth/providers', undefined, {
        anonymous: true,
      }),
    requestPasswordReset: (email: string) =>
      request<void>('POST', '/api/auth/password-reset', { email }, { anonymous: true }),
    completePasswordReset: (token: string, password: string) =>
      request<void>(
        'POST',
        '/api/auth/password-reset/complete',
        { token, password },
        { anonymous: true },
      ),
    acceptInvitation: (token: string, name: string, password: string) =>
      request<void>(
        'POST',
        '/api/auth/invitations/accept',
        { token, name, password },
        { anonymous: true },
      ),
    setupTotp: () => request<TotpSetup>('POST', '/api/auth/totp/setup'),
    enableTotp: (code: string) => request<void>('POST', '/api/auth/totp/enable', { code }),
  },
  regions: {
    list: () => request<{ regions: Region[] }>('GET', '/api/regions'),
  },
  users: {
    list: (regionId: string) =>
      request<{ users: UserSummary[] }>('GET', `/api/users${query({ regionId })}`),
    invite: (input: InvitationInput) =>
      request<{ user: UserSummary }>('POST', '/api/users/invitations', input),
    update: (userId: string, change: UserChange) =>
      request<unknown>('PATCH', `/api/users/${id(userId)}`, change),
    disable: (userId: string) => request<unknown>('POST', `/api/users/${id(userId)}/disable`),
    enable: (userId: string) => request<unknown>('POST', `/api/users/${id(userId)}/enable`),
  },
  audit: {
    list: (filter: AuditFilter) =>
      request<AuditPage>(
        'GET',
        `/api/audit${query({ ...filter, page: filter.page && filter.page > 1 ? filter.page : undefined })}`,
      ),
    /** The filtered log as a CSV download (a plain link: the browser saves it). */
    exportUrl: (filter: AuditFilter) =>
      `/api/audit/export.csv${query({ ...filter, page: undefined })}`,
  },
  statistics: {
    /** The region's SSB figures are public; the office reads the same routes as the site. */
    summary: (slug: string, quarter: string | undefined, lang: Locale) =>
      request<Summary>(
        'GET',
        `/api/public/regions/${id(slug)}/statistics/summary${query({ quarter, lang })}`,
      ),
    series: (slug: string, lang: Locale) =>
      request<Series>('GET', `/api/public/regions/${id(slug)}/statistics/series${query({ lang })}`),
    imports: () => request<{ imports: StatisticsImport[] }>('GET', '/api/statistics/imports'),
  },
  tokens: {
    list: () => request<{ tokens: ApiToken[] }>('GET', '/api/tokens'),
    create: (name: string, expiresInDays?: number) =>
      request<CreatedToken>('POST', '/api/tokens', { name, expiresInDays }),
    revoke: (tokenId: string) => request<void>('DELETE', `/api/tokens/${id(tokenId)}`),
  },
};
