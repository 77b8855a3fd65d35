import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'csv-parse/sync';
import { describe, expect, it } from 'vitest';
import { dataDir } from '../../../paths.js';
import { MunicipalityNames } from './names.js';

const csv = (file: string) =>
  parse(readFileSync(join(dataDir, 'municipalities', file), 'utf8'), {
    columns: true,
  }) as Record<string, string>[];

const names = new MunicipalityNames(
  csv('municipalities.csv').map((r) => ({
    code: r.code!,
    name: r.name!,
    officialName: r.official_name!,
    countyCode: r.county_code!,
    countyName: r.county_name!,
  })),
  csv('code-changes.csv').map((r) => ({
    oldCode: r.old_code!,
    oldName: r.old_name!,
    newCode: r.new_code!,
    changedOn: r.changed_on!,
  })),
);

describe('municipality names from the NAV feed', () => {
  it("maps the region's names, Sámi parallel names in either order, to today's numbers", () => {
    expect(names.resolve({ name: 'TYNSET', county: 'INNLANDET' })).toBe('3427');
    expect(names.resolve({ name: 'RØROS', county: 'TRØNDELAG' })).toBe('5025');
    expect(names.resolve({ name: 'ROSSE - RØROS' })).toBe('5025');
    expect(names.resolve({ name: 'Røros - Rosse' })).toBe('5025');
    expect(names.resolve({ name: 'SNÅSA' })).toBe('5041');
    expect(names.resolve({ name: 'KARASJOK', county: 'FINNMARK' })).toBe('5610');
  });

  it('tells same-named municipalities apart by county, then by postal code', () => {
    expect(names.resolve({ name: 'HERØY' })).toBeNull();
    expect(names.resolve({ name: 'HERØY', county: 'NORDLAND' })).toBe('1818');
    expect(names.resolve({ name: 'HERØY', county: 'MØRE OG ROMSDAL' })).toBe('1515');
    expect(names.resolve({ name: 'HERØY', postalCode: '6090' })).toBe('1515');
    expect(names.resolve({ name: 'VÅLER', county: 'INNLANDET' })).toBe('3419');
    expect(names.resolve({ name: 'VÅLER', county: 'HEDMARK' })).toBe('3419');
    expect(names.resolve({ name: 'VÅLER', postalCode: '1592' })).toBe('3114');
    // Os in Innlandet is today's only Os; the older Os in Hordaland is Bjørnafjorden now.
    expect(names.resolve({ name: 'OS', county: 'INNLANDET' })).toBe('3430');
    expect(names.resolve({ name: 'OS' })).toBe('3430');
    expect(names.resolve({ name: 'OS', county: 'VESTLAND' })).toBe('4624');
  });

  it('finds older names, and gives up on unknown or missing names', () => {
    expect(names.resolve({ name: 'FOSNES' })).toBe('5007');
    expect(names.resolve({ name: 'FJELLHEIMEN', county: 'INNLANDET' })).toBeNull();
    expect(names.resolve({ name: '?' })).toBeNull();
    expect(names.resolve({ name: '' })).toBeNull();
    expect(names.candidates('VÅLER').sort()).toEqual(['3114', '3419']);
  });
});
