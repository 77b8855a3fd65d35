import type { Region } from '../../../contracts/regions.js';
import { translator } from '../../../web/i18n/catalogue.js';
import type { Locale } from '../../../web/i18n/locales.js';
import type { Db } from '../../db/database.js';
import { AppError } from '../../errors.js';
import { getRegionBySlug, listMunicipalityCodeChanges } from '../regions/regions.service.js';
import {
  type FigureSet,
  isEmpty,
  largestNetInMigration,
  municipalityFigures,
  ObservationIndex,
  type Ranked,
  sumFigureSets,
} from './statistics.figures.js';
import { type ImportRecord, listImports } from './statistics.import.js';
import { harmonisedCode, indexChanges, type Lineage, lineageOf } from './statistics.lineage.js';
import * as repo from './statistics.repo.js';
import { composeSummary } from './statistics.summary.js';
import { TABLE_01222 } from './statistics.tables.js';

export interface MemberFigures {
  code: string;
  name: string;
  figures: FigureSet;
  /** How earlier numbers were handled for this municipality, newest first. */
  history: Lineage['history'];
  splits: Lineage['splits'];
}

export interface QuarterSummary {
  region: { slug: string; name: string };
  tableId: string;
  quarter: string;
  figures: FigureSet;
  municipalities: MemberFigures[];
  largestNetInMigration: Ranked[];
  text: string;
  locale: Locale;
  provenance: ImportRecord | null;
}

/** A region and, per member, the published codes whose figures make up its history. */
export interface RegionContext {
  region: Region;
  lineages: Map<string, Lineage>;
  codes: string[];
}

export async function regionContext(db: Db, slug: string): Promise<RegionContext> {
  let region: Region;
  try {
    region = await getRegionBySlug(db, slug);
  } catch (error) {
    if (error instanceof AppError && error.code === 'not_found') {
      throw new AppError('not_found', `There is no region "${slug}".`, {
        details: [{ field: 'region', message: `Unknown region ${slug}` }],
      });
    }
    throw error;
  }
  // The regions service keeps the change list cached; indexing it is cheap.
  const index = indexChanges(await listMunicipalityCodeChanges(db));
  const lineages = new Map(region.municipalities.map((m) => [m.code, lineageOf(m.code, index)]));
  const codes = new Set<string>();
  for (const l of lineages.values()) {
    codes.add(harmonisedCode(l.code));
    for (const s of l.sources) codes.add(s.code);
  }
  return { region, lineages, codes: [...codes] };
}

/** Every quarter with data for any of the region's codes, oldest first. */
export async function availableQuarters(db: Db, ctx: RegionContext): Promise<string[]> {
  return repo.findPeriods(db, TABLE_01222.id, ctx.codes);
}

/** Each member's figures and the region's sum for the given quarters, from one query. */
export async function figuresFor(
  db: Db,
  ctx: RegionContext,
  quarters: string[],
): Promise<Map<string, { region: FigureSet; members: MemberFigures[] }>> {
  const obs = new ObservationIndex(
    await repo.findObservations(db, TABLE_01222.id, ctx.codes, quarters),
  );
  const out = new Map<string, { region: FigureSet; members: MemberFigures[] }>();
  for (const quarter of quarters) {
    const members = ctx.region.municipalities.map((m) => {
      const lineage = ctx.lineages.get(m.code)!;
      return {
        code: m.code,
        name: m.name,
        figures: municipalityFigures(TABLE_01222, lineage, obs, quarter),
        history: lineage.history,
        splits: lineage.splits,
      };
    });
    out.set(quarter, { region: sumFigureSets(members.map((m) => m.figures)), members });
  }
  return out;
}

/** Areas to compare the region with: the members' counties and the country. */
export function comparisonAreas(
  ctx: RegionContext,
  locale: Locale,
): Array<{ code: string; name: string }> {
  const counties = new Map(ctx.region.municipalities.map((m) => [m.countyCode, m.countyName]));
  const country = translator(locale, 'statistics')('country');
  return [...[...counties].map(([code, name]) => ({ code, name })), { code: '0', name: country }];
}

/**
 * Figures of counties and the country as published under today's code. County numbers changed
 * too (04 Hedmark → 34 Innlandet) but KLASS county changes are not shipped, so earlier periods
 * under old county numbers are not joined up.
 */
export async function comparisonFigures(
  db: Db,
  areas: Array<{ code: string }>,
  quarters: string[],
): Promise<Map<string, Map<string, FigureSet>>> {
  const obs = new ObservationIndex(
    await repo.findObservations(
      db,
      TABLE_01222.id,
      areas.map((a) => a.code),
      quarters,
    ),
  );
  const none = indexChanges([]);
  return new Map(
    areas.map((a) => [
      a.code,
      new Map(
        quarters.map((q) => [q, municipalityFigures(TABLE_01222, lineageOf(a.code, none), obs, q)]),
      ),
    ]),
  );
}

function noData(ctx: RegionContext, quarter: string, available: string[]): AppError {
  const range = available.length
    ? `figures exist for ${available[0]}–${available[available.length - 1]}`
    : `nothing from table ${TABLE_01222.id} has been imported for it`;
  return new AppError('not_found', `No figures for ${quarter} in ${ctx.region.name}: ${range}.`, {
    details: [{ field: 'quarter', message: `No data for ${quarter}` }],
  });
}

/** The quarter's figures and the ready-to-publish paragraph; the latest quarter by default. */
export async function getQuarterSummary(
  db: Db,
  slug: string,
  quarter: string | undefined,
  locale: Locale,
): Promise<QuarterSummary> {
  const ctx = await regionContext(db, slug);
  const q = quarter ?? (await repo.findLatestPeriod(db, TABLE_01222.id, ctx.codes));
  if (!q) throw noData(ctx, 'the latest quarter', []);
  const { region, members } = (await figuresFor(db, ctx, [q])).get(q)!;
  if (isEmpty(region) && members.every((m) => isEmpty(m.figures))) {
    throw noData(ctx, q, await availableQuarters(db, ctx));
  }
  const largest = largestNetInMigration(members);
  const [provenance] = await listImports(db, TABLE_01222.id, 1);
  return {
    region: { slug: ctx.region.slug, name: ctx.region.name },
    tableId: TABLE_01222.id,
    quarter: q,
    figures: region,
    municipalities: members,
    largestNetInMigration: largest,
    text: composeSummary(locale, ctx.region.name, q, region, largest),
    locale,
    provenance: provenance ?? null,
  };
}
