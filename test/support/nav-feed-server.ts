import { randomUUID } from 'node:crypto';
import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';

/*
 * A local stand-in for NAV's pam-stilling-feed (this machine has no internet), answering in the
 * shapes of its source code (FORMATS.md §5): the public token as text/plain, feed pages that
 * start at the previous page's next_id item (so that item repeats at the boundary), 304 for an
 * empty page, details under `ad_content` (null when inactive), 401 without a valid token.
 * Switches let a test expire the token, fail details mid-page or send malformed JSON.
 */

export interface TestLocation {
  municipal: string;
  county?: string;
  postalCode?: string;
  city?: string;
  country?: string;
}

export interface TestAd {
  uuid?: string;
  title?: string;
  employer?: string;
  orgnr?: string;
  locations: TestLocation[];
  description?: string;
  styrk?: string;
  sector?: string;
  extent?: string;
  applicationDue?: string;
  published?: string;
  expires?: string;
}

interface Line {
  id: string;
  adId: string;
  status: 'ACTIVE' | 'INACTIVE';
  municipal: string;
  title: string;
  businessName: string;
  at: string;
}

export interface NavFeedServer {
  url: string;
  /** The token /api/publicToken hands out now; only it is accepted. */
  token: string;
  pageSize: number;
  calls: string[];
  /** Headers of the feed page calls, to check what the client sends. */
  pageHeaders: IncomingMessage['headers'][];
  tokenCalls: number;
  detailCalls: number;
  /** Answer 500 to every detail call after this many (a crash mid-page). */
  failDetailsAfter: number | null;
  /** Answer 401 to everything, even a fresh token. */
  rejectAllTokens: boolean;
  /** Answer the next page call with 304 once. */
  notModifiedOnce: boolean;
  /** Raw bodies to send instead, by page id ('first' for the first page) or ad uuid. */
  malformed: Map<string, string>;
  /** Adds an ad (a new ACTIVE line); returns its uuid. */
  addAd(ad: TestAd): string;
  /** Appends another ACTIVE line for an existing ad (it changed). */
  touch(uuid: string, change?: Partial<TestAd>): void;
  /** Appends an INACTIVE line; its details turn inactive with ad_content null. */
  deactivate(uuid: string): void;
  /** Forgets an ad's details (404) without a feed line. */
  forget(uuid: string): void;
  /** A new public token; the old one answers 401 from now on. */
  rotateToken(): void;
  close(): Promise<void>;
}

let tokenSerial = 0;
export function fakeJwt(claims: Record<string, unknown> = {}): string {
  const part = (o: object) => Buffer.from(JSON.stringify(o)).toString('base64url');
  tokenSerial++;
  return `${part({ alg: 'HS256', typ: 'JWT' })}.${part({ sub: 'public', iss: 'nav-no', aud: 'feed-api-v2', n: tokenSerial, ...claims })}.c2lnbmF0dXJl${tokenSerial}`;
}

/** An ad's details in NAV's FeedEntryContent shape, contacts and all. */
export function adContent(uuid: string, ad: TestAd, updated: string) {
  return {
    uuid,
    published: ad.published ?? '2026-11-20T09:00:00+01:00',
    expires: ad.expires ?? '2026-12-31T00:00:00+01:00',
    updated,
    workLocations: ad.locations.map((l) => ({
      country: l.country ?? 'NORGE',
      address: 'Storgata 1',
      city: l.city ?? l.municipal,
      postalCode: l.postalCode ?? '2500',
      county: l.county ?? 'INNLANDET',
      municipal: l.municipal,
    })),
    contactList: [
      {
        name: 'Kari Kontakt',
        email: 'kari@example.no',
        phone: '91234567',
        role: null,
        title: 'Leder',
      },
    ],
    title: ad.title ?? 'Sykepleier',
    description: ad.description ?? '<p>Vi søker en <strong>sykepleier</strong>.</p>',
    sourceurl: null,
    source: 'Stillingsregistrering',
    applicationUrl: 'https://example.no/sok',
    applicationDue: ad.applicationDue ?? '2026-12-15',
    occupationCategories: [{ level1: 'Helse og omsorg', level2: 'Sykepleier' }],
    categoryList: [
      {
        categoryType: 'STYRK08NAV',
        code: ad.styrk ?? '2223.01',
        name: 'Sykepleier',
        description: null,
        score: 1,
      },
      {
        categoryType: 'ESCO',
        code: 'http://data.europa.eu/esco/occupation/x',
        name: 'nurse',
        description: null,
        score: 1,
      },
    ],
    jobtitle: ad.title ?? 'Sykepleier',
    link: `https://arbeidsplassen.nav.no/stillinger/stilling/${uuid}`,
    employer: {
      name: ad.employer ?? 'Tynset kommune',
      orgnr: ad.orgnr ?? '964984999',
      description: null,
      homepage: null,
    },
    engagementtype: 'Fast',
    extent: ad.extent ?? 'Heltid',
    starttime: 'Etter avtale',
    positioncount: '1',
    sector: ad.sector ?? 'Offentlig',
  };
}

export async function startNavFeedServer(
  options: { pageSize?: number } = {},
): Promise<NavFeedServer> {
  const lines: Line[] = [];
  const ads = new Map<string, { ad: TestAd; active: boolean; updated: string }>();
  let clock = Date.parse('2026-11-20T10:00:00Z');
  const tick = () => {
    clock += 1000;
    return new Date(clock).toISOString();
  };

  const append = (adId: string, status: Line['status']) => {
    const a = ads.get(adId)!;
    lines.push({
      id: randomUUID(),
      adId,
      status,
      municipal: status === 'ACTIVE' ? (a.ad.locations[0]?.municipal ?? '?') : '?',
      title: status === 'ACTIVE' ? (a.ad.title ?? 'Sykepleier') : '...',
      businessName: status === 'ACTIVE' ? (a.ad.employer ?? 'Tynset kommune') : '',
      at: a.updated,
    });
  };

  /** A page starts at its id's line; NAV's page id is that line's id (the previous next_id). */
  const pageFrom = (start: number) => {
    const items = lines.slice(start, start + state.pageSize);
    const full = start + state.pageSize < lines.length;
    const nextId = full ? items[items.length - 1]!.id : null;
    const id = lines[start]?.id ?? 'empty';
    return {
      body: {
        version: '1.0',
        title: 'Stillingsfeeden fra arbeidsplassen.no',
        home_page_url: 'https://arbeidsplassen.nav.no',
        feed_url: `/api/v1/feed/${id}`,
        description: 'Feed med stillinger fra arbeidsplassen.no',
        next_url: nextId ? `/api/v1/feed/${nextId}` : null,
        id,
        next_id: nextId,
        items: items.map((l) => ({
          id: l.id,
          url: `/api/v1/feedentry/${l.adId}`,
          title: l.title,
          content_text: 'Stillingsannonse',
          date_modified: l.at,
          _feed_entry: {
            uuid: l.adId,
            status: l.status,
            title: l.title,
            businessName: l.businessName,
            municipal: l.municipal,
            sistEndret: l.at,
          },
        })),
      },
      etag: items[items.length - 1]?.id ?? '',
    };
  };

  const server: Server = createServer((req, res) => {
    const path = new URL(req.url ?? '/', 'http://localhost').pathname;
    state.calls.push(path);
    const send = (status: number, body: unknown, type = 'application/json', headers = {}) => {
      res.writeHead(status, { 'content-type': type, ...headers });
      res.end(typeof body === 'string' ? body : JSON.stringify(body));
    };
    if (path === '/api/publicToken') {
      state.tokenCalls++;
      return send(
        200,
        `Current public token for Nav Job Vacancy Feed:\n${state.token}\n`,
        'text/plain',
      );
    }
    if (state.rejectAllTokens || req.headers.authorization !== `Bearer ${state.token}`) {
      return send(401, 'Unauthorized', 'text/plain');
    }
    const detail = /^\/api\/v1\/feedentry\/([^/]+)$/.exec(path);
    if (detail) {
      const uuid = decodeURIComponent(detail[1]!);
      state.detailCalls++;
      if (state.failDetailsAfter !== null && state.detailCalls > state.failDetailsAfter) {
        return send(500, { message: 'Internal Server Error' });
      }
      const raw = state.malformed.get(uuid);
      if (raw !== undefined) return send(200, raw);
      const a = ads.get(uuid);
      if (!a) return send(404, 'Not found', 'text/plain');
      return send(200, {
        uuid,
        status: a.active ? 'ACTIVE' : 'INACTIVE',
        sistEndret: a.updated.replace('Z', ''),
        ad_content: a.active ? adContent(uuid, a.ad, a.updated) : null,
      });
    }
    const page = /^\/api\/v1\/feed(?:\/([^/]+))?$/.exec(path);
    if (page) {
      state.pageHeaders.push(req.headers);
      const id = page[1] ? decodeURIComponent(page[1]) : 'first';
      if (state.notModifiedOnce) {
        state.notModifiedOnce = false;
        return send(304, '');
      }
      const raw = state.malformed.get(id);
      if (raw !== undefined) return send(200, raw);
      const start = id === 'first' ? 0 : lines.findIndex((l) => l.id === id);
      if (start < 0) return send(404, 'Not found', 'text/plain');
      const p = pageFrom(start);
      if (p.body.items.length === 0) return send(304, '');
      if (req.headers['if-none-match'] === p.etag) return send(304, '');
      return send(200, p.body, 'application/json', {
        etag: p.etag,
        'last-modified': new Date(clock).toUTCString(),
      });
    }
    send(404, 'Not found', 'text/plain');
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));

  const state: NavFeedServer = {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    token: fakeJwt(),
    pageSize: options.pageSize ?? 1000,
    calls: [],
    pageHeaders: [],
    tokenCalls: 0,
    detailCalls: 0,
    failDetailsAfter: null,
    rejectAllTokens: false,
    notModifiedOnce: false,
    malformed: new Map(),
    addAd(ad) {
      const uuid = ad.uuid ?? randomUUID();
      ads.set(uuid, { ad, active: true, updated: tick() });
      append(uuid, 'ACTIVE');
      return uuid;
    },
    touch(uuid, change = {}) {
      const a = ads.get(uuid)!;
      a.ad = { ...a.ad, ...change };
      a.updated = tick();
      append(uuid, 'ACTIVE');
    },
    deactivate(uuid) {
      const a = ads.get(uuid)!;
      a.active = false;
      a.updated = tick();
      append(uuid, 'INACTIVE');
    },
    forget(uuid) {
      ads.delete(uuid);
    },
    rotateToken() {
      state.token = fakeJwt();
    },
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
  return state;
}
