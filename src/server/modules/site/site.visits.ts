import type { SiteVisits } from '../../../contracts/site.js';
import type { Db } from '../../db/database.js';
import { invalid } from '../../errors.js';
import * as repo from './site.repo.js';

/**
 * The privacy-friendly visit count: page views per region, page path, language and UTC day.
 * Nothing about the visitor is read beyond the user agent's "am I a robot" and the prefetch
 * header, and nothing about them is kept: no cookie, no address, no user agent, no time of
 * day. Views are counted in memory and written every few seconds in one transaction, so a
 * page view costs a map update, not a database write (ADR 0011).
 */

/** Crawlers, link previews, monitors and scripts: not visitors. */
const NOT_A_VISITOR =
  /bot|crawl|spider|slurp|archiver|preview|facebookexternalhit|embedly|monitor|uptime|lighthouse|headless|curl|wget|python|java\/|go-http|node-fetch|axios|okhttp|libwww|httpclient|scrapy/i;

export function isVisitor(userAgent: string | undefined, purpose: string | undefined): boolean {
  if (!userAgent || NOT_A_VISITOR.test(userAgent)) return false;
  // A browser guessing where you will click next is not a view.
  return !(purpose && /prefetch|prerender/i.test(purpose));
}

const SEP = '\u0000';

export class VisitCounter {
  private pending = new Map<string, number>();

  constructor(private readonly maxKeys = 10_000) {}

  /** Counts one view; false when the batch is full (the caller flushes). */
  count(host: string, day: string, path: string, locale: string): boolean {
    const key = [host, day, path, locale].join(SEP);
    this.pending.set(key, (this.pending.get(key) ?? 0) + 1);
    return this.pending.size < this.maxKeys;
  }

  get size(): number {
    return this.pending.size;
  }

  /** Writes the batch; views of a host no region answers to are dropped. */
  async flush(db: Db, regionOf: (host: string) => Promise<string | undefined>): Promise<number> {
    if (this.pending.size === 0) return 0;
    const batch = this.pending;
    this.pending = new Map();
    const rows: repo.VisitRow[] = [];
    for (const [key, views] of batch) {
      const [host, day, path, locale] = key.split(SEP) as [string, string, string, string];
      const regionId = await regionOf(host);
      if (regionId) rows.push({ regionId, day, path, locale, views });
    }
    await repo.addVisits(db, rows);
    return rows.length;
  }
}

export interface VisitsQuery {
  regionId: string;
  /** YYYY-MM-DD, both days included. */
  from: string;
  to: string;
}

function checkRange(q: VisitsQuery): void {
  if (q.from > q.to) throw invalid([{ field: 'from', message: 'After the end of the period' }]);
}

/** The office's view: total, top pages, per month, per language. */
export async function visitsReport(db: Db, q: VisitsQuery, top = 20): Promise<SiteVisits> {
  checkRange(q);
  const range = repo.visitRange(q.regionId, q.from, q.to);
  const [pages, days] = await Promise.all([
    repo.visitsByPath(db, range, top),
    repo.visitsByDayAndLocale(db, range),
  ]);
  const months = new Map<string, number>();
  const locales = new Map<string, number>();
  let total = 0;
  for (const d of days) {
    total += d.views;
    months.set(d.day.slice(0, 7), (months.get(d.day.slice(0, 7)) ?? 0) + d.views);
    locales.set(d.locale, (locales.get(d.locale) ?? 0) + d.views);
  }
  return {
    from: q.from,
    to: q.to,
    total,
    pages,
    months: [...months]
      .sort(([a], [b]) => a.localeCompare(b))
      .map(([month, views]) => ({ month, views })),
    locales: [...locales]
      .sort(([, a], [, b]) => b - a)
      .map(([locale, views]) => ({ locale, views })),
  };
}

/**
 * For the goals' "national attention" indicator: page views of the region's public site in a
 * period, and how many of them were in English (visitors from outside Norway, roughly).
 */
export async function siteVisitsIndicator(
  db: Db,
  q: VisitsQuery,
): Promise<{ views: number; englishViews: number }> {
  const report = await visitsReport(db, q, 1);
  const english = report.locales.find((l) => l.locale === 'en')?.views ?? 0;
  return { views: report.total, englishViews: english };
}
