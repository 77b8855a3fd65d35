import { z } from 'zod';
import { AppError } from '../../../errors.js';
import {
  describeZodError,
  type FeedEntryContent,
  FeedEntryContentSchema,
  type FeedPage,
  FeedPageSchema,
} from './feed.schemas.js';
import { type HttpGet, httpGet, type RawResponse } from './http-get.js';

export const NAV_FEED_URL = 'https://pam-stilling-feed.nav.no';

/** NAV publishes the public token inside a sentence of text/plain; the JWT is the first match. */
const JWT_PATTERN = /ey[\w-]+\.[\w-]+\.[\w-]+/;

const REQUEST_TIMEOUT_MS = 30_000;

const ok = (res: RawResponse) => res.status >= 200 && res.status < 300;

export class FeedError extends AppError {
  constructor(
    readonly kind: 'token' | 'http' | 'malformed' | 'network',
    message: string,
    cause?: unknown,
  ) {
    super('unavailable', message, { cause });
  }
}

const tokenRefused = () =>
  new FeedError(
    'token',
    'NAV refused the public token even after fetching a new one (HTTP 401). NAV may have withdrawn it; try again later, or ask NAV for a private token.',
  );

/** The JWT in NAV's text body, or null. */
export function parsePublicToken(body: string): string | null {
  return JWT_PATTERN.exec(body)?.[0] ?? null;
}

const ClaimsSchema = z.object({ exp: z.number().optional() });

/** When the token's `exp` claim runs out (ms), Infinity without one, 0 when it is unreadable. */
export function tokenExpiry(token: string): number {
  const payload = token.split('.')[1];
  if (!payload) return 0;
  try {
    const claims = ClaimsSchema.parse(
      JSON.parse(Buffer.from(payload, 'base64url').toString('utf8')),
    );
    return claims.exp === undefined ? Number.POSITIVE_INFINITY : claims.exp * 1000;
  } catch {
    return 0;
  }
}

export interface NavFeedClientOptions {
  baseUrl?: string;
  /** The token stored from an earlier run; fetched afresh when missing or expired. */
  token?: string | null;
  now?: () => Date;
  /** The HTTP GET to use (tests and benches may swap it). */
  get?: HttpGet;
}

export type PageResult = { status: 'ok'; page: FeedPage } | { status: 'not_modified' };

/**
 * pam-stilling-feed over HTTP. Every call carries the public token; a 401 fetches a new token
 * once per client (NAV rotates it) and retries, and a second 401 fails with a clear message.
 * Several detail calls may hit the 401 together: they share one token fetch.
 */
export class NavFeedClient {
  readonly baseUrl: string;
  private token: string | null;
  /** Read once per token: decoding it on every call cost more than the call itself. */
  private tokenExpiresAt: number;
  private retriedAfter401 = false;
  private pendingToken: Promise<string> | null = null;
  private readonly now: () => Date;
  private readonly get: HttpGet;
  /** Set when a new token was fetched, so the caller can store it. */
  tokenFetchedAt: Date | null = null;

  constructor(options: NavFeedClientOptions = {}) {
    this.baseUrl = (options.baseUrl ?? NAV_FEED_URL).replace(/\/+$/, '');
    this.token = options.token ?? null;
    this.tokenExpiresAt = this.token ? tokenExpiry(this.token) : 0;
    this.now = options.now ?? (() => new Date());
    this.get = options.get ?? httpGet;
  }

  currentToken(): string | null {
    return this.token;
  }

  private async send(path: string, headers: Record<string, string> = {}): Promise<RawResponse> {
    try {
      return await this.get(
        `${this.baseUrl}${path}`,
        { accept: 'application/json', ...headers },
        REQUEST_TIMEOUT_MS,
      );
    } catch (error) {
      throw new FeedError(
        'network',
        `Could not reach NAV's job feed at ${this.baseUrl}: ${(error as Error).message}.`,
        error,
      );
    }
  }

  /** GET /api/publicToken: text/plain with the JWT inside. */
  async fetchPublicToken(): Promise<string> {
    const res = await this.send('/api/publicToken', { accept: 'text/plain' });
    const body = res.body;
    if (!ok(res)) {
      throw new FeedError(
        'token',
        `NAV's public token is not available (HTTP ${res.status}${body ? `: ${body.slice(0, 120).trim()}` : ''}).`,
      );
    }
    const token = parsePublicToken(body);
    if (!token) throw new FeedError('token', "NAV's public token answer held no token (JWT).");
    this.token = token;
    this.tokenExpiresAt = tokenExpiry(token);
    this.tokenFetchedAt = this.now();
    return token;
  }

  private async ensureToken(): Promise<string> {
    if (this.token && this.tokenExpiresAt > this.now().getTime()) return this.token;
    return this.refresh();
  }

  private refresh(): Promise<string> {
    if (!this.pendingToken) {
      this.pendingToken = this.fetchPublicToken().finally(() => {
        this.pendingToken = null;
      });
    }
    return this.pendingToken;
  }

  /** A call with the token; on 401 one new token for the whole client, then a clear failure. */
  private async authed(path: string): Promise<RawResponse> {
    const used = await this.ensureToken();
    const res = await this.send(path, { authorization: `Bearer ${used}` });
    if (res.status !== 401) return res;
    // Another call may already be fetching, or have fetched, the new token.
    let fresh: string;
    if (this.pendingToken) fresh = await this.pendingToken;
    else if (this.token && this.token !== used) fresh = this.token;
    else if (!this.retriedAfter401) {
      this.retriedAfter401 = true;
      fresh = await this.refresh();
    } else throw tokenRefused();
    const retry = await this.send(path, { authorization: `Bearer ${fresh}` });
    if (retry.status === 401) {
      throw tokenRefused();
    }
    return retry;
  }

  private json(res: RawResponse, what: string): unknown {
    try {
      return JSON.parse(res.body);
    } catch {
      throw new FeedError('malformed', `NAV sent ${what} that is not JSON.`);
    }
  }

  /**
   * One feed page: the first when `pageId` is null. No If-None-Match, ever: NAV's ETag can stay
   * the same while items are appended (FORMATS.md §5), which would leave the reader stuck.
   * A 304 (NAV's answer for an empty or unchanged page) means nothing new.
   */
  async page(pageId: string | null): Promise<PageResult> {
    const path = pageId ? `/api/v1/feed/${encodeURIComponent(pageId)}` : '/api/v1/feed';
    const res = await this.authed(path);
    if (res.status === 304) return { status: 'not_modified' };
    if (!ok(res)) {
      throw new FeedError(
        'http',
        `NAV's job feed answered HTTP ${res.status} for page ${pageId ?? '(first)'}.`,
      );
    }
    const parsed = FeedPageSchema.safeParse(this.json(res, `a feed page ${pageId ?? '(first)'}`));
    if (!parsed.success) {
      throw new FeedError(
        'malformed',
        `NAV sent a malformed feed page ${pageId ?? '(first)'}: ${describeZodError(parsed.error)}.`,
      );
    }
    return { status: 'ok', page: parsed.data };
  }

  /** One ad's current state, or null when NAV no longer knows it (404). */
  async detail(id: string): Promise<FeedEntryContent | null> {
    const res = await this.authed(`/api/v1/feedentry/${encodeURIComponent(id)}`);
    if (res.status === 404) {
      return null;
    }
    if (!ok(res)) {
      throw new FeedError('http', `NAV's job feed answered HTTP ${res.status} for ad ${id}.`);
    }
    const parsed = FeedEntryContentSchema.safeParse(this.json(res, `details for ad ${id}`));
    if (!parsed.success) {
      throw new FeedError(
        'malformed',
        `NAV sent malformed details for ad ${id}: ${describeZodError(parsed.error)}.`,
      );
    }
    return parsed.data;
  }
}
