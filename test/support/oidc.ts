import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import Provider from 'oidc-provider';

export interface TestAccount {
  email?: string;
  emailVerified?: boolean;
  name?: string;
}

/**
 * A real OpenID Connect provider (oidc-provider) on 127.0.0.1, with one confidential client
 * and its development login pages, which accept any account id typed in: the id picks one
 * of `accounts`.
 */
export class TestOidcProvider {
  readonly accounts = new Map<string, TestAccount>();
  readonly clientId = 'flytthit-test';
  readonly clientSecret = 'a-client-secret-only-for-tests-0123456789';
  issuer = '';
  private server: Server | undefined;

  async start(redirectUri: string): Promise<this> {
    let handler: (req: IncomingMessage, res: ServerResponse) => void = (_req, res) => res.end();
    const server = createServer((req, res) => handler(req, res));
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    this.server = server;
    this.issuer = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    const provider = new Provider(this.issuer, {
      clients: [
        {
          client_id: this.clientId,
          client_secret: this.clientSecret,
          redirect_uris: [redirectUri],
          response_types: ['code'],
          grant_types: ['authorization_code'],
        },
      ],
      claims: { openid: ['sub'], email: ['email', 'email_verified'], profile: ['name'] },
      cookies: { keys: ['test-cookie-signing-key'] },
      ttl: { Interaction: 600, Session: 3600, Grant: 3600, AccessToken: 600, IdToken: 600 },
      findAccount: async (_ctx, id) => {
        const account = this.accounts.get(id);
        if (!account) return undefined;
        return {
          accountId: id,
          claims: () => ({
            sub: id,
            ...(account.email !== undefined ? { email: account.email } : {}),
            email_verified: account.emailVerified ?? true,
            ...(account.name !== undefined ? { name: account.name } : {}),
          }),
        };
      },
    });
    handler = provider.callback();
    return this;
  }

  async stop(): Promise<void> {
    const server = this.server;
    this.server = undefined;
    server?.closeAllConnections();
    if (server) await new Promise<void>((resolve) => server.close(() => resolve()));
  }
}

/** Cookies per host, as a browser keeps them (paths ignored: the names do not collide here). */
export class CookieJar {
  private readonly byHost = new Map<string, Map<string, string>>();

  header(url: string): string {
    const cookies = this.byHost.get(new URL(url).host) ?? new Map();
    return [...cookies].map(([k, v]) => `${k}=${v}`).join('; ');
  }

  get(url: string, name: string): string | undefined {
    return this.byHost.get(new URL(url).host)?.get(name);
  }

  store(url: string, response: Response): void {
    const host = new URL(url).host;
    const cookies = this.byHost.get(host) ?? new Map<string, string>();
    for (const line of response.headers.getSetCookie()) {
      const [pair = '', ...attributes] = line.split(';');
      const at = pair.indexOf('=');
      const name = pair.slice(0, at).trim();
      const value = pair.slice(at + 1).trim();
      const expired = attributes.some((a) => {
        const [k = '', v = ''] = a.trim().split('=');
        if (k.toLowerCase() === 'max-age') return Number(v) <= 0;
        if (k.toLowerCase() === 'expires') return Date.parse(v) <= Date.now();
        return false;
      });
      if (expired || value === '') cookies.delete(name);
      else cookies.set(name, value);
    }
    this.byHost.set(host, cookies);
  }
}

export interface BrowserResult {
  /** Where the journey stopped: the first page that is not a redirect or a provider login. */
  url: string;
  status: number;
  body: string;
  jar: CookieJar;
}

/**
 * Follows a sign-in from `startUrl` like a browser: redirects by hand, cookies kept, and on
 * the provider's login and consent pages submits the form (logging in as `accountId`).
 */
export async function browseSignIn(
  startUrl: string,
  accountId: string,
  options: { jar?: CookieJar; beforeFetch?: (url: string) => void } = {},
): Promise<BrowserResult> {
  const jar = options.jar ?? new CookieJar();
  let url = startUrl;
  let init: RequestInit = {};
  for (let step = 0; step < 20; step++) {
    options.beforeFetch?.(url);
    const headers = new Headers(init.headers);
    const cookie = jar.header(url);
    if (cookie) headers.set('cookie', cookie);
    headers.set('accept', 'text/html');
    const res = await fetch(url, { ...init, headers, redirect: 'manual' });
    jar.store(url, res);
    init = {};
    const location = res.headers.get('location');
    if (res.status >= 300 && res.status < 400 && location) {
      url = new URL(location, url).href;
      if (new URL(url).pathname.startsWith('/office')) {
        return { url, status: res.status, body: '', jar };
      }
      continue;
    }
    const body = await res.text();
    const prompt = /name="prompt" value="(\w+)"/.exec(body)?.[1];
    if (res.status === 200 && prompt) {
      const form: Record<string, string> =
        prompt === 'login' ? { prompt, login: accountId, password: 'any' } : { prompt };
      init = {
        method: 'POST',
        body: new URLSearchParams(form).toString(),
        headers: { 'content-type': 'application/x-www-form-urlencoded' },
      };
      continue;
    }
    return { url, status: res.status, body, jar };
  }
  throw new Error(`the sign-in did not end within 20 steps (at ${url})`);
}
