import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'csv-parse/sync';
import type { Municipality, Region } from '../../../contracts/regions.js';
import type { Db } from '../../db/database.js';
import { fromDbBool } from '../../db/portable.js';
import type { Clock } from '../../deps.js';
import { conflict, notFound } from '../../errors.js';
import { dataDir } from '../../paths.js';
import type { Scope } from '../../plugins/access.js';
import { type ChangeKind, parseCodeChanges } from './regions.klass.js';
import * as repo from './regions.repo.js';

export const DEMO_REGION = {
  slug: 'fjellregionen',
  name: 'Fjellregionen',
  themeColor: '#0b5e3b',
  /** Røros, Tynset, Alvdal, Rendalen, Folldal, Os, Tolga (numbers valid from 2018/2020). */
  municipalityCodes: ['5025', '3427', '3428', '3424', '3429', '3430', '3426'],
} as const;

function readDataCsv(file: string): Record<string, string>[] {
  return parse(readFileSync(join(dataDir, 'municipalities', file), 'utf8'), {
    columns: true,
    skip_empty_lines: true,
  }) as Record<string, string>[];
}

/** Loads the shipped municipality register and KLASS code history; safe to run again. */
export async function loadMunicipalityRegister(
  db: Db,
): Promise<{ municipalities: number; changes: number }> {
  const municipalities = readDataCsv('municipalities.csv').map((r) => ({
    code: r.code!,
    name: r.name!,
    officialName: r.official_name!,
    countyCode: r.county_code!,
    countyName: r.county_name!,
    slug: r.slug!,
  }));
  const changes = readDataCsv('code-changes.csv').map((r) => ({
    oldCode: r.old_code!,
    oldName: r.old_name!,
    newCode: r.new_code!,
    newName: r.new_name!,
    changedOn: r.changed_on!,
    kind: r.kind!,
  }));
  await db.transaction().execute(async (trx) => {
    await repo.upsertMunicipalities(trx, municipalities);
    await repo.insertCodeChanges(trx, changes);
  });
  forgetCodeChanges(db);
  return { municipalities: municipalities.length, changes: changes.length };
}

/** Loads the register if the database has none yet (first start). */
export async function ensureMunicipalityRegister(db: Db): Promise<void> {
  if ((await repo.countMunicipalities(db)) === 0) await loadMunicipalityRegister(db);
}

/** Creates the demo region Fjellregionen when it is missing; returns its id. */
export async function ensureDemoRegion(db: Db, clock: Clock): Promise<string> {
  await ensureMunicipalityRegister(db);
  const existing = await repo.findRegionBySlug(db, DEMO_REGION.slug);
  if (existing) return existing.id;
  return repo.insertRegion(
    db,
    {
      slug: DEMO_REGION.slug,
      name: DEMO_REGION.name,
      isDemo: true,
      themeColor: DEMO_REGION.themeColor,
      createdAt: clock.now().toISOString(),
    },
    [...DEMO_REGION.municipalityCodes],
  );
}

/**
 * Puts the demo region back as shipped: its name, colour and seven municipalities (created
 * when missing). Only the demo region is touched; a real region that took its slug is refused.
 * Call it inside a transaction, with the municipality register loaded (see modules/demo.ts).
 */
export async function resetDemoRegion(db: Db, clock: Clock): Promise<string> {
  const existing = await repo.findRegionBySlug(db, DEMO_REGION.slug);
  if (!existing) return ensureDemoRegion(db, clock);
  if (!fromDbBool(existing.isDemo)) {
    throw conflict(
      `The region "${DEMO_REGION.slug}" is a real region, not the demo region; it was left as it is.`,
    );
  }
  await repo.updateRegionSettings(db, existing.id, {
    name: DEMO_REGION.name,
    isDemo: true,
    themeColor: DEMO_REGION.themeColor,
  });
  await repo.replaceRegionMunicipalities(db, existing.id, [...DEMO_REGION.municipalityCodes]);
  return existing.id;
}

// The code history changes only at a reform (a data import), yet every region view needs it:
// each process keeps it for a minute, and forgets it at once when it loads new changes itself.
const CODE_CHANGES_TTL_MS = 60_000;
const codeChangeCache = new WeakMap<
  Db,
  { loadedAt: number; rows: Promise<repo.CodeChangeRow[]> }
>();

function allCodeChanges(db: Db): Promise<repo.CodeChangeRow[]> {
  const cached = codeChangeCache.get(db);
  if (cached && Date.now() - cached.loadedAt < CODE_CHANGES_TTL_MS) return cached.rows;
  const rows = repo.findAllCodeChanges(db);
  codeChangeCache.set(db, { loadedAt: Date.now(), rows });
  rows.catch(() => codeChangeCache.delete(db));
  return rows;
}

/** Call after writing code changes, so this process sees them at once. */
export function forgetCodeChanges(db: Db): void {
  codeChangeCache.delete(db);
}

/** Every earlier number of the given current municipalities, following chains (0437 → 3427). */
async function earlierCodesOf(db: Db, codes: string[]) {
  const all = await allCodeChanges(db);
  const into = new Map<string, repo.CodeChangeRow[]>();
  for (const c of all) into.set(c.newCode, [...(into.get(c.newCode) ?? []), c]);
  const result = new Map<string, Municipality['earlierCodes']>();
  for (const code of codes) {
    const found: Municipality['earlierCodes'] = [];
    const queue = [code];
    const seen = new Set(queue);
    while (queue.length > 0) {
      const current = queue.shift()!;
      for (const c of into.get(current) ?? []) {
        if (c.oldCode === c.newCode || seen.has(c.oldCode)) continue;
        seen.add(c.oldCode);
        found.push({
          code: c.oldCode,
          name: c.oldName,
          changedOn: c.changedOn,
          kind: c.kind as Municipality['earlierCodes'][number]['kind'],
        });
        queue.push(c.oldCode);
      }
    }
    result.set(
      code,
      found.sort((a, b) => b.changedOn.localeCompare(a.changedOn)),
    );
  }
  return result;
}

const collator = new Intl.Collator('nb');

async function toRegion(db: Db, row: repo.RegionRow): Promise<Region> {
  const codes = await repo.findRegionMunicipalityCodes(db, row.id);
  const rows = await repo.findMunicipalities(db, codes);
  const earlier = await earlierCodesOf(db, codes);
  return {
    id: row.id,
    slug: row.slug,
    name: row.name,
    isDemo: fromDbBool(row.isDemo),
    themeColor: row.themeColor,
    municipalities: rows
      .map((m) => ({ ...m, earlierCodes: earlier.get(m.code) ?? [] }))
      .sort((a, b) => collator.compare(a.name, b.name)),
  };
}

export async function getRegionBySlug(db: Db, slug: string): Promise<Region> {
  const row = await repo.findRegionBySlug(db, slug);
  if (!row) throw notFound('The region');
  return toRegion(db, row);
}

export async function getRegionById(db: Db, id: string): Promise<Region> {
  const row = await repo.findRegionById(db, id);
  if (!row) throw notFound('The region');
  return toRegion(db, row);
}

/** The region a public request is for: by host name, else the configured default, else the first. */
export async function findSiteRegion(
  db: Db,
  host: string | undefined,
  defaultSlug: string | undefined,
): Promise<Region | undefined> {
  const byHost = host ? await repo.findRegionByHostname(db, host.split(':')[0]!) : undefined;
  const row =
    byHost ??
    (defaultSlug ? await repo.findRegionBySlug(db, defaultSlug) : undefined) ??
    (await repo.findFirstRegion(db));
  return row ? toRegion(db, row) : undefined;
}

export async function listRegions(db: Db, scope: Scope): Promise<Region[]> {
  const rows = await repo.findRegions(db, scope);
  return Promise.all(rows.map((r) => toRegion(db, r)));
}

export async function listAllMunicipalities(db: Db) {
  return repo.findAllMunicipalities(db);
}

/** Every KLASS 131 code change (old → new, date, kind), for modules that follow codes over time. */
export async function listMunicipalityCodeChanges(db: Db) {
  return allCodeChanges(db);
}

export async function findRegionIdBySlug(db: Db, slug: string): Promise<string | undefined> {
  return (await repo.findRegionBySlug(db, slug))?.id;
}

export interface CodeChangeImport {
  rows: number;
  added: number;
  updated: number;
  skipped: number;
  kinds: Record<ChangeKind, number>;
}

/**
 * A KLASS 131 change list as a data update (ADR 0004): the next reform needs no re-import of
 * statistics, since figures are harmonised when read. One transaction; running it again
 * changes nothing. The cached change list is dropped so the next read sees the new one.
 */
export async function importCodeChanges(db: Db, source: string): Promise<CodeChangeImport> {
  const { rows, skipped } = parseCodeChanges(source);
  const kinds: Record<ChangeKind, number> = { renumbered: 0, merged: 0, split: 0 };
  for (const r of rows) kinds[r.kind as ChangeKind] += 1;
  const { added, updated } = await db
    .transaction()
    .execute((trx) => repo.upsertCodeChanges(trx, rows));
  forgetCodeChanges(db);
  return { rows: rows.length, added, updated, skipped, kinds };
}
