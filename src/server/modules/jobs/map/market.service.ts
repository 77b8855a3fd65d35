import type { JobMarket } from '../../../../contracts/jobs.js';
import type { Region } from '../../../../contracts/regions.js';
import type { Locale } from '../../../../web/i18n/locales.js';
import type { Db } from '../../../db/database.js';
import type { Clock } from '../../../deps.js';
import { listRegions } from '../../regions/regions.service.js';
import { countActiveGroups } from '../pages/search.repo.js';
import { addDays, osloDate } from '../pages/search.service.js';
import { majorGroupOf, SOURCE_CREDIT, STYRK_MAJOR_GROUPS, styrkName } from '../pages/styrk08.js';
import { type DailyCountRow, dailyTotals, replaceDay } from './counts.repo.js';

/** NAV's sector as the map counts it: public, private, or other (NAV's raw text, or none). */
export const sectorGroup = (sector: string | null): 'public' | 'private' | 'other' =>
  sector === 'public' || sector === 'private' ? sector : 'other';

/** The ad's STYRK-08 major group, '-' when NAV gave none. */
const groupKey = (styrkCode: string | null) => majorGroupOf(styrkCode) ?? '-';

async function activeGroups(db: Db, regionId: string, now: Date): Promise<DailyCountRow[]> {
  const rows = await countActiveGroups(db, regionId, now.toISOString());
  const merged = new Map<string, DailyCountRow>();
  for (const r of rows) {
    const row = {
      municipalityCode: r.municipalityCode,
      styrkMajorGroup: groupKey(r.styrkCode),
      sector: sectorGroup(r.sector),
      count: 0,
    };
    const key = `${row.municipalityCode}|${row.styrkMajorGroup}|${row.sector}`;
    const seen = merged.get(key) ?? row;
    seen.count += r.n;
    merged.set(key, seen);
  }
  return [...merged.values()];
}

/**
 * Today's counts of active vacancies (a Norwegian day), replacing any taken earlier today, so
 * it can run after every sync and from housekeeping alike. Earlier days are history and are
 * never rewritten. Without a region, every region is counted.
 */
export async function snapshotDailyCounts(
  db: Db,
  clock: Clock,
  regionId?: string,
): Promise<{ date: string; regions: number; rows: number }> {
  const now = clock.now();
  const date = osloDate(now);
  const ids = regionId
    ? [regionId]
    : (await listRegions(db, { regionIds: 'all', municipalityCodes: 'all' })).map((r) => r.id);
  let total = 0;
  for (const id of ids) {
    const rows = await activeGroups(db, id, now);
    await replaceDay(db, id, date, rows);
    total += rows.length;
  }
  return { date, regions: ids.length, rows: total };
}

const SECTOR_NAMES: Record<Locale, Record<'public' | 'private' | 'other', string>> = {
  nb: { public: 'Offentlig', private: 'Privat', other: 'Annet / ukjent' },
  nn: { public: 'Offentleg', private: 'Privat', other: 'Anna / ukjend' },
  en: { public: 'Public', private: 'Private', other: 'Other / unknown' },
};
const UNKNOWN_GROUP: Record<Locale, string> = {
  nb: 'Uten yrkeskode',
  nn: 'Utan yrkeskode',
  en: 'No occupation code',
};

export const sectorName = (locale: Locale, sector: 'public' | 'private' | 'other') =>
  SECTOR_NAMES[locale][sector];

/**
 * The labour-market map's figures: active vacancies now by occupation group, sector and
 * municipality (every municipality of the region, zeros included), and the daily totals of
 * the last `days` days as the snapshots kept them.
 */
export async function getMarket(
  db: Db,
  clock: Clock,
  region: Region,
  locale: Locale,
  days = 365,
): Promise<JobMarket> {
  const now = clock.now();
  const groups = await activeGroups(db, region.id, now);
  const sum = (pick: (r: DailyCountRow) => string) => {
    const out = new Map<string, number>();
    for (const r of groups) out.set(pick(r), (out.get(pick(r)) ?? 0) + r.count);
    return out;
  };
  const byGroup = sum((r) => r.styrkMajorGroup);
  const bySector = sum((r) => r.sector);
  const byMunicipality = sum((r) => r.municipalityCode);
  const occupation = [...STYRK_MAJOR_GROUPS.map((g) => g.code), '-'].map((code) => ({
    code,
    name: code === '-' ? UNKNOWN_GROUP[locale] : (styrkName(code, locale) ?? code),
    count: byGroup.get(code) ?? 0,
  }));
  const daily = new Map<string, JobMarket['daily'][number]>();
  for (const r of await dailyTotals(db, region.id, addDays(osloDate(now), -days))) {
    const day = daily.get(r.date) ?? { date: r.date, total: 0, public: 0, private: 0, other: 0 };
    day[sectorGroup(r.sector)] += r.n;
    day.total += r.n;
    daily.set(r.date, day);
  }
  return {
    region: { slug: region.slug, name: region.name },
    asOf: now.toISOString(),
    total: groups.reduce((n, r) => n + r.count, 0),
    byOccupation: occupation.filter((o) => o.count > 0 || o.code !== '-'),
    bySector: (['public', 'private', 'other'] as const).map((code) => ({
      code,
      name: sectorName(locale, code),
      count: bySector.get(code) ?? 0,
    })),
    byMunicipality: region.municipalities.map((m) => ({
      code: m.code,
      name: m.name,
      count: byMunicipality.get(m.code) ?? 0,
    })),
    daily: [...daily.values()],
    credit: SOURCE_CREDIT[locale],
  };
}
