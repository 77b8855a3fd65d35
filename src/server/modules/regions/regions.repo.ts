import type { Db } from '../../db/database.js';
import { newId, toDbBool } from '../../db/portable.js';
import type { Scope } from '../../plugins/access.js';

export interface MunicipalityRow {
  code: string;
  name: string;
  officialName: string;
  countyCode: string;
  countyName: string;
  slug: string;
}

export interface CodeChangeRow {
  oldCode: string;
  oldName: string;
  newCode: string;
  newName: string;
  changedOn: string;
  kind: string;
}

export interface RegionRow {
  id: string;
  slug: string;
  name: string;
  isDemo: number;
  themeColor: string;
  hostname: string | null;
}

export async function upsertMunicipalities(db: Db, rows: MunicipalityRow[]): Promise<void> {
  for (const row of rows) {
    await db
      .insertInto('municipalities')
      .values(row)
      .onConflict((oc) =>
        oc.column('code').doUpdateSet({
          name: row.name,
          officialName: row.officialName,
          countyCode: row.countyCode,
          countyName: row.countyName,
          slug: row.slug,
        }),
      )
      .execute();
  }
}

export async function insertCodeChanges(db: Db, rows: CodeChangeRow[]): Promise<void> {
  for (const row of rows) {
    await db
      .insertInto('municipalityCodeChanges')
      .values(row)
      .onConflict((oc) => oc.columns(['oldCode', 'newCode', 'changedOn']).doNothing())
      .execute();
  }
}

export async function countMunicipalities(db: Db): Promise<number> {
  const r = await db
    .selectFrom('municipalities')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .executeTakeFirstOrThrow();
  return Number(r.n);
}

export async function findAllMunicipalities(db: Db): Promise<MunicipalityRow[]> {
  return db.selectFrom('municipalities').selectAll().orderBy('code').execute();
}

export async function findMunicipalities(db: Db, codes: string[]): Promise<MunicipalityRow[]> {
  if (codes.length === 0) return [];
  return db.selectFrom('municipalities').selectAll().where('code', 'in', codes).execute();
}

export async function findCodeChangesInto(db: Db, codes: string[]): Promise<CodeChangeRow[]> {
  if (codes.length === 0) return [];
  return db
    .selectFrom('municipalityCodeChanges')
    .select(['oldCode', 'oldName', 'newCode', 'newName', 'changedOn', 'kind'])
    .where('newCode', 'in', codes)
    .orderBy('changedOn')
    .execute();
}

export async function findAllCodeChanges(db: Db): Promise<CodeChangeRow[]> {
  return db
    .selectFrom('municipalityCodeChanges')
    .select(['oldCode', 'oldName', 'newCode', 'newName', 'changedOn', 'kind'])
    .orderBy('changedOn')
    .execute();
}

const regionColumns = ['id', 'slug', 'name', 'isDemo', 'themeColor', 'hostname'] as const;

export async function findRegionBySlug(db: Db, slug: string): Promise<RegionRow | undefined> {
  return db.selectFrom('regions').select(regionColumns).where('slug', '=', slug).executeTakeFirst();
}

export async function findRegionById(db: Db, id: string): Promise<RegionRow | undefined> {
  return db.selectFrom('regions').select(regionColumns).where('id', '=', id).executeTakeFirst();
}

export async function findRegionByHostname(db: Db, host: string): Promise<RegionRow | undefined> {
  return db
    .selectFrom('regions')
    .select(regionColumns)
    .where('hostname', '=', host)
    .executeTakeFirst();
}

/** Regions a scope may see, in name order. */
export async function findRegions(db: Db, scope: Scope): Promise<RegionRow[]> {
  let q = db.selectFrom('regions').select(regionColumns).orderBy('name');
  if (scope.regionIds !== 'all') {
    if (scope.regionIds.length === 0) return [];
    q = q.where('id', 'in', scope.regionIds);
  }
  return q.execute();
}

export async function findFirstRegion(db: Db): Promise<RegionRow | undefined> {
  return db.selectFrom('regions').select(regionColumns).orderBy('createdAt').executeTakeFirst();
}

export async function findRegionMunicipalityCodes(db: Db, regionId: string): Promise<string[]> {
  const rows = await db
    .selectFrom('regionMunicipalities')
    .select('municipalityCode')
    .where('regionId', '=', regionId)
    .execute();
  return rows.map((r) => r.municipalityCode);
}

export async function insertRegion(
  db: Db,
  region: { slug: string; name: string; isDemo: boolean; themeColor: string; createdAt: string },
  municipalityCodes: string[],
): Promise<string> {
  const id = newId();
  await db
    .insertInto('regions')
    .values({
      id,
      slug: region.slug,
      name: region.name,
      isDemo: toDbBool(region.isDemo),
      themeColor: region.themeColor,
      hostname: null,
      createdAt: region.createdAt,
    })
    .execute();
  if (municipalityCodes.length > 0) {
    await db
      .insertInto('regionMunicipalities')
      .values(municipalityCodes.map((municipalityCode) => ({ regionId: id, municipalityCode })))
      .execute();
  }
  return id;
}

export async function updateRegionSettings(
  db: Db,
  id: string,
  settings: { name: string; isDemo: boolean; themeColor: string },
): Promise<void> {
  await db
    .updateTable('regions')
    .set({
      name: settings.name,
      isDemo: toDbBool(settings.isDemo),
      themeColor: settings.themeColor,
    })
    .where('id', '=', id)
    .execute();
}

/** Makes the region's municipalities exactly `codes`, leaving rows that stay untouched. */
export async function replaceRegionMunicipalities(
  db: Db,
  regionId: string,
  codes: string[],
): Promise<void> {
  let removal = db.deleteFrom('regionMunicipalities').where('regionId', '=', regionId);
  if (codes.length > 0) removal = removal.where('municipalityCode', 'not in', codes);
  await removal.execute();
  if (codes.length === 0) return;
  await db
    .insertInto('regionMunicipalities')
    .values(codes.map((municipalityCode) => ({ regionId, municipalityCode })))
    .onConflict((oc) => oc.columns(['regionId', 'municipalityCode']).doNothing())
    .execute();
}

/**
 * Adds new code changes and corrects the names and kind of known ones (keyed by old code,
 * new code and day). Rows already stored as given are left alone, so a second run writes
 * nothing. Returns how many rows were added and how many corrected.
 */
export async function upsertCodeChanges(
  db: Db,
  rows: CodeChangeRow[],
): Promise<{ added: number; updated: number }> {
  const key = (r: CodeChangeRow) => `${r.oldCode}|${r.newCode}|${r.changedOn}`;
  const known = new Map((await findAllCodeChanges(db)).map((r) => [key(r), r]));
  let added = 0;
  let updated = 0;
  for (const row of rows) {
    const have = known.get(key(row));
    if (!have) {
      await db.insertInto('municipalityCodeChanges').values(row).execute();
      known.set(key(row), row);
      added += 1;
    } else if (
      have.kind !== row.kind ||
      have.oldName !== row.oldName ||
      have.newName !== row.newName
    ) {
      await db
        .updateTable('municipalityCodeChanges')
        .set({ kind: row.kind, oldName: row.oldName, newName: row.newName })
        .where('oldCode', '=', row.oldCode)
        .where('newCode', '=', row.newCode)
        .where('changedOn', '=', row.changedOn)
        .execute();
      known.set(key(row), row);
      updated += 1;
    }
  }
  return { added, updated };
}
