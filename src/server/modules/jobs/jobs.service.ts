import type { Db } from '../../db/database.js';
import { fromDbJson, toDbJson } from '../../db/portable.js';
import type { Clock } from '../../deps.js';
import { listAllMunicipalities, listMunicipalityCodeChanges } from '../regions/regions.service.js';
import { NAV_FEED_URL, NavFeedClient } from './feed/feed.client.js';
import type { HttpGet } from './feed/http-get.js';
import {
  NAV_SOURCE,
  readFeed,
  type SyncProgress,
  type SyncResult,
  tokenPatch,
} from './feed/ingest.js';
import { fold, MunicipalityNames } from './feed/names.js';
import * as repo from './jobs.repo.js';

/*
 * NAV vacancies: the feed sync and what other parts of the jobs module read from its tables.
 * Public job pages, search and the labour-market map live in jobs/pages and jobs/map.
 */

export type { SyncProgress, SyncResult } from './feed/ingest.js';

/** The feed's address: FLYTTHIT_NAV_FEED_URL, else NAV's. */
export function navFeedUrl(env: NodeJS.ProcessEnv = process.env): string {
  return env.FLYTTHIT_NAV_FEED_URL?.trim() || NAV_FEED_URL;
}

/** Search text folded like the stored `searchKey` (case, æøå, accents), for LIKE on SQLite too. */
export const foldSearchText = fold;

export interface SyncOptions {
  baseUrl?: string;
  /** The HTTP GET to use (tests may swap it). */
  get?: HttpGet;
  onProgress?: (p: SyncProgress) => void;
  maxPages?: number;
  deadline?: Date;
  concurrency?: number;
}

/** NAV never keeps an ad active longer (FORMATS.md §5). */
const SIX_MONTHS_MS = 183 * 24 * 3600_000;

// The register changes only at a reform; a run every few minutes need not rebuild the index.
const NAMES_TTL_MS = 10 * 60_000;
const namesCache = new WeakMap<Db, { at: number; names: Promise<MunicipalityNames> }>();

function loadNames(db: Db): Promise<MunicipalityNames> {
  const cached = namesCache.get(db);
  if (cached && Date.now() - cached.at < NAMES_TTL_MS) return cached.names;
  const names = Promise.all([listAllMunicipalities(db), listMunicipalityCodeChanges(db)]).then(
    ([municipalities, changes]) => new MunicipalityNames(municipalities, changes),
  );
  namesCache.set(db, { at: Date.now(), names });
  names.catch(() => namesCache.delete(db));
  return names;
}

/**
 * One sync run: reads NAV's feed from the stored cursor to the newest page. A failure (token,
 * network, malformed page or detail) leaves the page it happened on unwritten, stores the
 * message as the feed's last error and is thrown on; pages before it stay committed.
 */
export async function syncJobFeed(
  db: Db,
  clock: Clock,
  options: SyncOptions = {},
): Promise<SyncResult> {
  const state = await repo.findFeedState(db, NAV_SOURCE);
  const startedAt = clock.now().toISOString();
  const client = new NavFeedClient({
    baseUrl: options.baseUrl ?? navFeedUrl(),
    token: state?.token ?? null,
    now: () => clock.now(),
    ...(options.get ? { get: options.get } : {}),
  });
  const [names, regionOf] = await Promise.all([loadNames(db), repo.findRegionMunicipalities(db)]);
  try {
    const result = await readFeed({ db, clock, client, names, regionOf, ...options });
    const now = clock.now();
    result.deleted += await repo.deleteExpiredAds(
      db,
      now.toISOString(),
      new Date(now.getTime() - SIX_MONTHS_MS).toISOString(),
    );
    const after = await repo.findFeedState(db, NAV_SOURCE);
    await repo.saveFeedState(db, NAV_SOURCE, {
      lastRunAt: startedAt,
      lastSuccessAt: clock.now().toISOString(),
      lastError: null,
      counts: toDbJson({ ...fromDbJson<object>(after?.counts, {}), lastRun: summaryOf(result) }),
      ...tokenPatch(client),
    });
    return result;
  } catch (error) {
    await repo.saveFeedState(db, NAV_SOURCE, {
      lastRunAt: startedAt,
      lastError: (error as Error).message.slice(0, 1000),
      ...tokenPatch(client),
    });
    throw error;
  }
}

function summaryOf(r: SyncResult) {
  return {
    pages: r.pages,
    items: r.items,
    details: r.details,
    kept: r.kept,
    deleted: r.deleted,
    unmapped: r.unmapped,
    missingDetails: r.missingDetails,
    unknownLocation: r.unknownLocation,
    upToDate: r.upToDate,
  };
}

export interface FeedStatus {
  source: 'nav';
  activeAds: number;
  cursorPageId: string | null;
  lastRunAt: string | null;
  lastSuccessAt: string | null;
  lastError: string | null;
  tokenFetchedAt: string | null;
  lastRun: ReturnType<typeof summaryOf> | null;
  unmapped: repo.UnmappedName[];
}

/**
 * The feed's state for the office: when it last ran, how it went, which names it could not map.
 * `activeAds` counts one region's ads when given one (a programme leader), else all.
 */
export async function getFeedStatus(
  db: Db,
  options: { regionId?: string | null } = {},
): Promise<FeedStatus> {
  const [state, activeAds, unmapped] = await Promise.all([
    repo.findFeedState(db, NAV_SOURCE),
    repo.countAds(db, options.regionId ?? null),
    repo.findUnmapped(db, 20),
  ]);
  const counts = fromDbJson<{ lastRun?: ReturnType<typeof summaryOf> }>(state?.counts, {});
  return {
    source: 'nav',
    activeAds,
    cursorPageId: state?.cursorPageId ?? null,
    lastRunAt: state?.lastRunAt ?? null,
    lastSuccessAt: state?.lastSuccessAt ?? null,
    lastError: state?.lastError ?? null,
    tokenFetchedAt: state?.tokenFetchedAt ?? null,
    lastRun: counts.lastRun ?? null,
    unmapped,
  };
}

/** Ads per employer org number published since `since` (deleted ads included), from the history. */
export async function countAdsByEmployer(
  db: Db,
  options: { regionId: string; since: Date },
): Promise<Map<string, { count: number; lastPublishedAt: string }>> {
  const rows = await repo.countHistoryByEmployer(db, options.regionId, options.since.toISOString());
  return new Map(
    rows.map((r) => [r.orgNumber, { count: r.count, lastPublishedAt: r.lastPublishedAt }]),
  );
}
