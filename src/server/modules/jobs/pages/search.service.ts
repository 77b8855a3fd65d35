import {
  JOB_PAGE_SIZE,
  type JobAdSummary,
  type JobSearchQuery,
  type JobSearchResult,
} from '../../../../contracts/jobs.js';
import type { Region } from '../../../../contracts/regions.js';
import type { Db } from '../../../db/database.js';
import type { Clock } from '../../../deps.js';
import { AppError, notFound } from '../../../errors.js';
import { findAdsGeneration } from '../jobs.repo.js';
import { foldSearchText } from '../jobs.service.js';
import { rememberedCount, searchMinute } from './count-cache.js';
import {
  type AdFilter,
  type AdRow,
  type AdSummaryRow,
  countAds,
  countByMunicipality,
  findAd,
  findAds,
  newestAds,
} from './search.repo.js';
import { isStyrkGroup, majorGroupOf } from './styrk08.js';

/** The day in Norway (deadlines and daily counts are Norwegian days), as YYYY-MM-DD. */
export function osloDate(at: Date): string {
  return new Intl.DateTimeFormat('sv-SE', { timeZone: 'Europe/Oslo' }).format(at);
}

export function addDays(date: string, days: number): string {
  const d = new Date(`${date}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
}

/**
 * Search words folded as the ingest folds the ad's search key: case, accents and Norwegian
 * letters, so "Sjåfør" finds "sjafor" and "Røros" finds "roros". At most eight words.
 */
export const searchWords = (q: string | undefined): string[] =>
  q ? [...new Set(foldSearchText(q).split(' ').filter(Boolean))].slice(0, 8) : [];

/** Values the schema cannot check alone: the occupation group must be one STYRK-08 has. */
export function checkSearch(query: JobSearchQuery, region: Region): void {
  const details = [];
  if (query.occupation && !isStyrkGroup(query.occupation)) {
    details.push({ field: 'occupation', message: 'Not a STYRK-08 group' });
  }
  if (query.municipality && !region.municipalities.some((m) => m.code === query.municipality)) {
    details.push({ field: 'municipality', message: 'Not a municipality of the region' });
  }
  if (details.length > 0) {
    throw new AppError('validation', `Invalid query: ${details.map((d) => d.field).join(', ')}.`, {
      details,
    });
  }
}

function filterOf(region: Region, query: JobSearchQuery, now: Date): AdFilter {
  const today = osloDate(now);
  const dueBy =
    query.deadline === 'open'
      ? { from: today, to: null, includeUndated: true }
      : query.deadline
        ? {
            from: today,
            to: addDays(today, query.deadline === '7d' ? 7 : 30),
            includeUndated: false,
          }
        : undefined;
  return {
    regionId: region.id,
    now: searchMinute(now),
    today,
    words: searchWords(query.q),
    municipalityCode: query.municipality,
    occupation: query.occupation,
    sector: query.sector,
    extent: query.extent,
    dueBy,
  };
}

export function summaryOf(region: Region, row: AdSummaryRow): JobAdSummary {
  const municipality = region.municipalities.find((m) => m.code === row.municipalityCode);
  return {
    ...row,
    municipalityName: municipality?.name ?? row.workCity,
    occupationGroup: majorGroupOf(row.styrkCode),
  };
}

/** One page of the region's active ads matching the query (checked by `checkSearch`). */
export async function searchAds(
  db: Db,
  clock: Clock,
  region: Region,
  query: JobSearchQuery,
): Promise<JobSearchResult> {
  checkSearch(query, region);
  const filter = filterOf(region, query, clock.now());
  const page = query.page ?? 1;
  const offset = (page - 1) * JOB_PAGE_SIZE;
  // Counted first: a search that finds nothing (or a page past the last) reads no more.
  const generation = await findAdsGeneration(db);
  const total = await rememberedCount(db, generation, `search:${JSON.stringify(filter)}`, () =>
    countAds(db, filter),
  );
  const rows =
    total > offset ? await findAds(db, filter, query.sort ?? 'newest', JOB_PAGE_SIZE, offset) : [];
  return {
    total,
    page,
    pageSize: JOB_PAGE_SIZE,
    pages: Math.max(1, Math.ceil(total / JOB_PAGE_SIZE)),
    ads: rows.map((r) => summaryOf(region, r)),
  };
}

/** An active ad of the region; not_found once it has expired or NAV has withdrawn it. */
export async function getAd(db: Db, clock: Clock, region: Region, id: string): Promise<AdRow> {
  const ad = await findAd(db, region.id, id, clock.now().toISOString());
  if (!ad) throw notFound('The job ad');
  return ad;
}

export const latestAds = (db: Db, clock: Clock, region: Region, limit = 50) =>
  newestAds(db, region.id, clock.now().toISOString(), limit);

/** Active ads in the region and per municipality, for the front and municipality pages. */
export async function activeJobCounts(
  db: Db,
  clock: Clock,
  regionId: string,
): Promise<{ total: number; byMunicipality: Record<string, number> }> {
  const now = searchMinute(clock.now());
  const generation = await findAdsGeneration(db);
  const counts = await rememberedCount(db, generation, `municipalities:${regionId}:${now}`, () =>
    countByMunicipality(db, regionId, now),
  );
  let total = 0;
  for (const n of counts.values()) total += n;
  return { total, byMunicipality: Object.fromEntries(counts) };
}
