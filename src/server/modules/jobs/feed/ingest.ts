import type { Db } from '../../../db/database.js';
import { fromDbJson, toDbJson } from '../../../db/portable.js';
import type { Clock } from '../../../deps.js';
import * as repo from '../jobs.repo.js';
import { type AdPlacement, toAdRow } from './ad-row.js';
import type { NavFeedClient } from './feed.client.js';
import type { FeedEntryContent, FeedLine, FeedPage } from './feed.schemas.js';
import type { MunicipalityNames } from './names.js';

/*
 * Reads NAV's feed from the stored cursor, one page at a time. Each page's ads, deletions,
 * unmapped names and the new cursor commit in one transaction, so a crash mid-page loses
 * nothing (the page is read again) and duplicates nothing (upserts by NAV's uuid).
 *
 * Decisions (see also docs in jobs.service.ts):
 * - `_feed_entry.municipal` is only a pre-filter: details are fetched for ads whose first
 *   location may be in a region, for ads we already hold, and for names we cannot map (to learn
 *   county and postal code). Whether an ad is kept is decided by all its work locations.
 * - A detail that answers 404 means NAV no longer has the ad: it is deleted like an inactive
 *   one and counted. Any other failure, or a malformed detail, fails the whole page: nothing of
 *   it is written, the cursor stays, and the next run reads it again.
 */

export const NAV_SOURCE = 'nav';
const DETAIL_CONCURRENCY = 8;

export interface SyncProgress {
  pages: number;
  items: number;
  details: number;
  kept: number;
  deleted: number;
  unmapped: number;
  pageId: string;
}

export interface SyncResult extends SyncProgress {
  /** Details NAV answered 404 for (deleted like inactive ads). */
  missingDetails: number;
  /** Items whose location NAV gives as "?" or not at all (not fetched, not counted as unmapped). */
  unknownLocation: number;
  /** Names that could not be mapped in this run, with how often they were seen. */
  unmappedNames: repo.UnmappedName[];
  /** True when the run reached the newest page; false when it stopped at its page or time limit. */
  upToDate: boolean;
  cursorPageId: string | null;
}

export interface SyncContext {
  db: Db;
  clock: Clock;
  client: NavFeedClient;
  names: MunicipalityNames;
  regionOf: Map<string, string>;
  onProgress?: (p: SyncProgress) => void;
  maxPages?: number;
  /** Stop between pages after this time (a scheduled run must not overrun its interval). */
  deadline?: Date;
  concurrency?: number;
}

interface CursorCounts {
  /** How many items of the cursor page were already committed (the page grows at the end). */
  cursorItems?: number;
}

/** Runs `fn` over items with at most `limit` at a time, keeping order of results. */
async function mapLimited<T, R>(items: T[], limit: number, fn: (t: T) => Promise<R>): Promise<R[]> {
  const out = new Array<R>(items.length);
  let next = 0;
  let failed: unknown = null;
  const worker = async () => {
    while (next < items.length && failed === null) {
      const i = next++;
      try {
        out[i] = await fn(items[i]!);
      } catch (error) {
        failed ??= error;
      }
    }
  };
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, worker));
  if (failed !== null) throw failed;
  return out;
}

/** The items of a page not yet committed: those after the stored position on the same page. */
function unreadItems(page: FeedPage, state: repo.FeedStateRow | undefined): FeedLine[] {
  if (!state?.lastItemId) return page.items;
  const at = fromDbJson<CursorCounts>(state.counts, {}).cursorItems ?? 0;
  if (page.id === state.cursorPageId && at > 0 && page.items[at - 1]?.id === state.lastItemId) {
    return page.items.slice(at);
  }
  // The first item of a new page repeats the last of the one before (FORMATS.md §5).
  if (at === 0 && page.items[0]?.id === state.lastItemId) return page.items.slice(1);
  return page.items;
}

/** Where an ad belongs: the first work location that maps into a region. */
function placeAd(
  ctx: SyncContext,
  detail: FeedEntryContent,
  unmapped: Map<string, repo.UnmappedName>,
): AdPlacement | null {
  for (const location of detail.ad_content?.workLocations ?? []) {
    const country = location.country?.trim().toUpperCase();
    if (country && country !== 'NORGE' && country !== 'NORWAY') continue;
    const name = location.municipal?.trim() || location.city?.trim() || '';
    const code = ctx.names.resolve({
      name,
      county: location.county,
      postalCode: location.postalCode,
    });
    if (code === null) {
      if (name && name !== '?') {
        const entry = {
          name: name.toUpperCase(),
          county: location.county?.trim().toUpperCase() ?? '',
          postalCode: location.postalCode?.trim() ?? '',
          count: 0,
        };
        const key = `${entry.name}|${entry.county}|${entry.postalCode}`;
        const seen = unmapped.get(key) ?? entry;
        seen.count += 1;
        unmapped.set(key, seen);
      }
      continue;
    }
    const regionId = ctx.regionOf.get(code);
    if (regionId) return { regionId, municipalityCode: code, location };
  }
  return null;
}

interface PageOutcome {
  details: number;
  kept: number;
  deleted: number;
  missing: number;
  unknownLocation: number;
  unmapped: repo.UnmappedName[];
}

async function ingestPage(
  ctx: SyncContext,
  page: FeedPage,
  items: FeedLine[],
  state: repo.FeedStateRow | undefined,
): Promise<PageOutcome> {
  const now = ctx.clock.now().toISOString();
  // The newest line of an ad on the page holds its current state; the detail call tells it anyway.
  const latest = new Map<string, FeedLine>();
  for (const item of items) latest.set(item._feed_entry.uuid, item);
  const stored = await repo.findStoredAdIds(ctx.db, [...latest.keys()]);
  const toDelete: string[] = [];
  const toFetch: FeedLine[] = [];
  let unknownLocation = 0;
  for (const [id, item] of latest) {
    if (item._feed_entry.status === 'INACTIVE') {
      if (stored.has(id)) toDelete.push(id);
      continue;
    }
    const name = item._feed_entry.municipal?.trim() ?? '';
    const candidates = ctx.names.candidates(name);
    const unknown = name === '' || name === '?';
    if (unknown) unknownLocation++;
    if (
      stored.has(id) ||
      candidates.some((c) => ctx.regionOf.has(c)) ||
      (!unknown && candidates.length === 0)
    ) {
      toFetch.push(item);
    }
  }
  const details = await mapLimited(toFetch, ctx.concurrency ?? DETAIL_CONCURRENCY, (item) =>
    ctx.client.detail(item._feed_entry.uuid),
  );
  const unmapped = new Map<string, repo.UnmappedName>();
  const rows: repo.JobAdRow[] = [];
  let missing = 0;
  details.forEach((detail, i) => {
    const item = toFetch[i]!;
    const id = item._feed_entry.uuid;
    if (!detail) missing++;
    const placement =
      detail?.status === 'ACTIVE' && detail.ad_content ? placeAd(ctx, detail, unmapped) : null;
    if (detail?.ad_content && placement) {
      rows.push(
        toAdRow(
          { ...detail.ad_content, uuid: id },
          placement,
          { businessName: item._feed_entry.businessName, sistEndret: detail.sistEndret },
          now,
        ),
      );
    } else {
      // Inactive, gone (404), or no longer working in any of the regions: not ours to keep.
      if (stored.has(id)) toDelete.push(id);
    }
  });
  const last = page.items[page.items.length - 1];
  const deleted = await ctx.db.transaction().execute(async (trx) => {
    await repo.upsertAds(trx, rows);
    const n = toDelete.length ? await repo.deleteAds(trx, toDelete, now) : 0;
    await repo.addUnmapped(trx, [...unmapped.values()], now);
    await repo.saveFeedState(trx, NAV_SOURCE, {
      cursorPageId: page.next_id ?? page.id,
      lastItemId: last?.id ?? state?.lastItemId ?? null,
      counts: toDbJson({
        ...fromDbJson<object>(state?.counts, {}),
        cursorItems: page.next_id ? 0 : page.items.length,
      }),
      ...tokenPatch(ctx.client),
    });
    return n;
  });
  return {
    details: details.length,
    kept: rows.length,
    deleted,
    missing,
    unknownLocation,
    unmapped: [...unmapped.values()],
  };
}

export function tokenPatch(client: NavFeedClient): Partial<repo.FeedStateRow> {
  return client.tokenFetchedAt
    ? { token: client.currentToken(), tokenFetchedAt: client.tokenFetchedAt.toISOString() }
    : {};
}

/** Reads pages from the cursor until the newest page (or a limit); see the file comment. */
export async function readFeed(ctx: SyncContext): Promise<SyncResult> {
  const result: SyncResult = {
    pages: 0,
    items: 0,
    details: 0,
    kept: 0,
    deleted: 0,
    unmapped: 0,
    pageId: '',
    missingDetails: 0,
    unknownLocation: 0,
    unmappedNames: [],
    upToDate: false,
    cursorPageId: null,
  };
  const unmapped = new Map<string, repo.UnmappedName>();
  for (;;) {
    const state = await repo.findFeedState(ctx.db, NAV_SOURCE);
    result.cursorPageId = state?.cursorPageId ?? null;
    if (ctx.maxPages !== undefined && result.pages >= ctx.maxPages) break;
    if (ctx.deadline && ctx.clock.now() >= ctx.deadline) break;
    const answer = await ctx.client.page(state?.cursorPageId ?? null);
    if (answer.status === 'not_modified') {
      result.upToDate = true;
      break;
    }
    const { page } = answer;
    const items = unreadItems(page, state);
    const outcome = await ingestPage(ctx, page, items, state);
    result.pages++;
    result.items += items.length;
    result.details += outcome.details;
    result.kept += outcome.kept;
    result.deleted += outcome.deleted;
    result.missingDetails += outcome.missing;
    result.unknownLocation += outcome.unknownLocation;
    for (const u of outcome.unmapped) {
      const key = `${u.name}|${u.county}|${u.postalCode}`;
      const seen = unmapped.get(key) ?? { ...u, count: 0 };
      seen.count += u.count;
      unmapped.set(key, seen);
    }
    result.unmapped = [...unmapped.values()].reduce((n, u) => n + u.count, 0);
    result.pageId = page.id;
    result.cursorPageId = page.next_id ?? page.id;
    ctx.onProgress?.({ ...result });
    if (!page.next_id) {
      result.upToDate = true;
      break;
    }
  }
  result.unmappedNames = [...unmapped.values()].sort((a, b) => b.count - a.count);
  return result;
}
