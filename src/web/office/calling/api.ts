/**
 * The calling screens' client for /api. Kept beside the screens; errors keep the server's
 * `details` as sent (a reason and the calling hours, not only field issues), so the calling
 * screen can say exactly what happened. The session's CSRF token is fetched once and renewed
 * when the server says it is stale.
 */
import type {
  CallableList,
  CallerLink,
  CallerLinkCreate,
  CreatedCallerLink,
} from '../../../contracts/caller-links.js';
import type {
  Call,
  CallingHours,
  ClaimResponse,
  OutcomeInput,
  PaperCallInput,
} from '../../../contracts/calling.js';
import type { Campaign } from '../../../contracts/referral.js';

export type {
  CallableList,
  CallerLink,
  CallerLinkCreate,
  CallingHours,
  Campaign,
  ClaimResponse,
  CreatedCallerLink,
};
export type OutcomeBody = Omit<OutcomeInput, 'interests'> & {
  interests?: OutcomeInput['interests'];
};
export type PaperCallBody = Omit<PaperCallInput, 'interests'> & {
  interests?: PaperCallInput['interests'];
};

export class CallingApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly details: unknown = undefined,
  ) {
    super(message);
    this.name = 'CallingApiError';
  }

  /** The reason a conflict gives (`outside_calling_hours`, `claim_expired`, …). */
  get reason(): string | undefined {
    const d = this.details as { reason?: unknown } | undefined;
    return typeof d?.reason === 'string' ? d.reason : undefined;
  }

  get fields(): Array<{ field: string; message: string }> {
    return Array.isArray(this.details)
      ? (this.details as Array<{ field: string; message: string }>)
      : [];
  }
}

let csrfToken: string | null = null;

async function csrf(renew = false): Promise<string> {
  if (csrfToken && !renew) return csrfToken;
  const res = await fetch('/api/auth/me', { credentials: 'same-origin' });
  if (!res.ok) throw new CallingApiError(res.status, 'unauthenticated', 'Sign in first.');
  csrfToken = ((await res.json()) as { csrfToken: string }).csrfToken;
  return csrfToken;
}

interface CallOptions {
  idempotencyKey?: string;
  retried?: boolean;
}

async function call<T>(
  method: 'GET' | 'POST',
  path: string,
  body?: unknown,
  options: CallOptions = {},
): Promise<{ status: number; body: T; date: string | null }> {
  const headers: Record<string, string> = { accept: 'application/json' };
  if (body !== undefined) headers['content-type'] = 'application/json';
  if (options.idempotencyKey) headers['idempotency-key'] = options.idempotencyKey;
  let res: Response;
  try {
    if (method !== 'GET') headers['x-csrf-token'] = await csrf();
    res = await fetch(path, {
      method,
      headers,
      credentials: 'same-origin',
      body: body === undefined ? undefined : JSON.stringify(body),
    });
  } catch (error) {
    if (error instanceof CallingApiError) throw error;
    throw new CallingApiError(0, 'network', 'The server could not be reached.');
  }
  const date = res.headers.get('date');
  if (res.status === 204) return { status: 204, body: undefined as T, date };
  const payload = (await res.json().catch(() => undefined)) as
    | { error?: { code?: string; message?: string; details?: unknown } }
    | undefined;
  if (!res.ok) {
    const e = payload?.error;
    const error = new CallingApiError(
      res.status,
      e?.code ?? `http_${res.status}`,
      e?.message ?? '',
      e?.details,
    );
    if (res.status === 403 && error.reason === 'csrf' && !options.retried) {
      await csrf(true);
      return call<T>(method, path, body, { ...options, retried: true });
    }
    throw error;
  }
  return { status: res.status, body: payload as T, date };
}

const id = encodeURIComponent;
const municipalityQuery = (code: string | undefined) =>
  code ? `?municipality=${encodeURIComponent(code)}` : '';

export const callingApi = {
  campaigns: async () =>
    (await call<{ campaigns: Campaign[] }>('GET', '/api/campaigns')).body.campaigns,
  /**
   * null: nobody is left to call (204). `clockSkewMs` is how far this device's clock is ahead
   * of the server's (from the Date header), so the lease countdown is right on a phone whose
   * clock is wrong.
   */
  claim: async (
    campaignId: string,
    municipalityCode?: string,
  ): Promise<(ClaimResponse & { clockSkewMs: number }) | null> => {
    const res = await call<ClaimResponse>(
      'POST',
      `/api/campaigns/${id(campaignId)}/claims${municipalityQuery(municipalityCode)}`,
    );
    if (res.status === 204) return null;
    const server = res.date ? Date.parse(res.date) : Number.NaN;
    const skew = Number.isNaN(server) ? 0 : Date.now() - server;
    // The header has whole seconds: ignore differences smaller than that.
    return { ...res.body, clockSkewMs: Math.abs(skew) < 2000 ? 0 : skew };
  },
  saveOutcome: async (claimId: string, body: OutcomeBody, idempotencyKey: string) =>
    (
      await call<{ call: Call }>('POST', `/api/claims/${id(claimId)}/outcome`, body, {
        idempotencyKey,
      })
    ).body.call,
  links: async (campaignId: string) =>
    (await call<{ links: CallerLink[] }>('GET', `/api/campaigns/${id(campaignId)}/caller-links`))
      .body.links,
  createLink: async (campaignId: string, input: CallerLinkCreate) =>
    (await call<CreatedCallerLink>('POST', `/api/campaigns/${id(campaignId)}/caller-links`, input))
      .body,
  revokeLink: async (campaignId: string, callerId: string) =>
    (
      await call<CallerLink>(
        'POST',
        `/api/campaigns/${id(campaignId)}/caller-links/${id(callerId)}/revoke`,
      )
    ).body,
  callable: async (campaignId: string, municipalityCode: string) =>
    (
      await call<CallableList>(
        'GET',
        `/api/campaigns/${id(campaignId)}/callable${municipalityQuery(municipalityCode)}`,
      )
    ).body,
  savePaperCall: async (campaignId: string, body: PaperCallBody, idempotencyKey: string) =>
    (
      await call<{ call: Call }>('POST', `/api/campaigns/${id(campaignId)}/paper-calls`, body, {
        idempotencyKey,
      })
    ).body.call,
  sheetUrl: (campaignId: string, municipalityCode: string) =>
    `/api/campaigns/${id(campaignId)}/call-sheets.pdf${municipalityQuery(municipalityCode)}`,
};

/** Sends a save; a dropped connection is tried once more with the same key (stored once). */
export async function withOneRetry<T>(send: () => Promise<T>): Promise<T> {
  try {
    return await send();
  } catch (error) {
    if (!(error instanceof CallingApiError) || error.status !== 0) throw error;
    return send();
  }
}
