/**
 * NAV's feed names municipalities ("TYNSET", "RØROS", "HERØY") but never numbers them. This
 * maps a name, with the location's county and postal code to break ties, to today's 4-digit
 * number. Names are compared folded (case, accents, æøå, hyphens), so "Rosse - Røros",
 * "RØROS - ROSSE" and "RØROS" all find 5025. Older names come from the KLASS code history and
 * count only when no current name fits.
 */

export interface MunicipalityName {
  code: string;
  name: string;
  officialName: string;
  countyCode: string;
  countyName: string;
}

export interface CodeChange {
  oldCode: string;
  oldName: string;
  newCode: string;
  changedOn: string;
}

export interface Place {
  name: string | null | undefined;
  county?: string | null | undefined;
  postalCode?: string | null | undefined;
}

/** Folds for comparison: lower case, æ → ae, ø → o, accents off, aa → a, punctuation to spaces. */
export function fold(text: string): string {
  return text
    .toLocaleLowerCase('nb')
    .replaceAll('æ', 'ae')
    .replaceAll('ø', 'o')
    .replaceAll('ö', 'o')
    .replaceAll('ä', 'ae')
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .replaceAll('aa', 'a')
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();
}

/** "Rosse - Røros" → ["Rosse", "Røros"]; "Nord-Odal" stays whole (no spaces round the hyphen). */
const nameParts = (name: string): string[] =>
  name
    .split(/\s+[-–]\s+/)
    .map((p) => p.trim())
    .filter(Boolean);

/** The keys a written name is known by: whole, each part, and its parts in any order. */
function keysOf(name: string): string[] {
  const bare = name.replace(/\s*\([^)]*\)\s*/g, ' ').trim();
  const parts = nameParts(bare).map(fold);
  return [...new Set([fold(bare), parts.slice().sort().join(' '), ...parts])].filter(Boolean);
}

/** Counties before the 2020 and 2024 reforms, which older ads and NAV's data may still name. */
const HISTORIC_COUNTIES: Record<string, string[]> = {
  viken: ['31', '32', '33'],
  'vestfold og telemark': ['39', '40'],
  'troms og finnmark': ['55', '56'],
  hedmark: ['34'],
  oppland: ['34'],
  'sor trondelag': ['50'],
  'nord trondelag': ['50'],
  hordaland: ['46'],
  'sogn og fjordane': ['46'],
  'aust agder': ['42'],
  'vest agder': ['42'],
};

/**
 * Postal codes run roughly south to north by their first digit; enough to tell Herøy in Møre og
 * Romsdal (60xx) from Herøy in Nordland (88xx), or Våler in Østfold (15xx) from Innlandet (24xx).
 */
const POSTAL_COUNTIES: Record<string, string[]> = {
  '0': ['03'],
  '1': ['03', '31', '32'],
  '2': ['32', '34'],
  '3': ['32', '33', '39', '40'],
  '4': ['11', '42'],
  '5': ['11', '46'],
  '6': ['15', '46'],
  '7': ['15', '50'],
  '8': ['18', '50', '55'],
  '9': ['18', '55', '56'],
};

export class MunicipalityNames {
  private readonly current = new Map<string, Set<string>>();
  private readonly older = new Map<string, Set<string>>();
  private readonly countyOf = new Map<string, string>();
  private readonly counties = new Map<string, Set<string>>();
  private readonly memo = new Map<string, string | null>();

  constructor(municipalities: MunicipalityName[], changes: CodeChange[]) {
    const add = (index: Map<string, Set<string>>, key: string, code: string) => {
      const set = index.get(key) ?? new Set<string>();
      set.add(code);
      index.set(key, set);
    };
    for (const m of municipalities) {
      this.countyOf.set(m.code, m.countyCode);
      for (const key of [...keysOf(m.name), ...keysOf(m.officialName)])
        add(this.current, key, m.code);
      for (const key of keysOf(m.countyName)) add(this.counties, key, m.countyCode);
    }
    for (const [key, codes] of Object.entries(HISTORIC_COUNTIES)) {
      for (const code of codes) add(this.counties, key, code);
    }
    const today = (code: string, seen = new Set<string>()): string[] => {
      if (this.countyOf.has(code)) return [code];
      if (seen.has(code)) return [];
      seen.add(code);
      return changes.filter((c) => c.oldCode === code).flatMap((c) => today(c.newCode, seen));
    };
    for (const c of changes) {
      for (const code of today(c.oldCode)) {
        for (const key of keysOf(c.oldName)) add(this.older, key, code);
      }
    }
  }

  private lookup(index: Map<string, Set<string>>, name: string): string[] {
    const found = new Set<string>();
    for (const key of keysOf(name)) for (const code of index.get(key) ?? []) found.add(code);
    return [...found];
  }

  /** Every code a bare name could mean (no county): for the feed's pre-filter. */
  candidates(name: string | null | undefined): string[] {
    if (!name?.trim() || name.trim() === '?') return [];
    const current = this.lookup(this.current, name);
    return current.length > 0 ? current : this.lookup(this.older, name);
  }

  /** Today's number for a place, or null when the name is unknown or stays ambiguous. */
  resolve(place: Place): string | null {
    const memoKey = `${place.name ?? ''}|${place.county ?? ''}|${place.postalCode ?? ''}`;
    const cached = this.memo.get(memoKey);
    if (cached !== undefined) return cached;
    const result = this.resolveUncached(place);
    this.memo.set(memoKey, result);
    return result;
  }

  private resolveUncached(place: Place): string | null {
    const name = place.name?.trim();
    if (!name || name === '?') return null;
    const counties = place.county?.trim() ? this.countyCodes(place.county) : null;
    const postal = /^\d{4}$/.test(place.postalCode?.trim() ?? '')
      ? new Set(POSTAL_COUNTIES[place.postalCode!.trim()[0]!])
      : null;
    for (const index of [this.current, this.older]) {
      let codes = this.lookup(index, name);
      if (counties) codes = codes.filter((c) => counties.has(this.countyOf.get(c)!));
      if (codes.length > 1 && postal) {
        const byPostal = codes.filter((c) => postal.has(this.countyOf.get(c)!));
        if (byPostal.length > 0) codes = byPostal;
      }
      if (codes.length === 1) return codes[0]!;
      if (codes.length > 1) return null;
    }
    return null;
  }

  /** County codes a county name means; null when the name is not known (then it is ignored). */
  private countyCodes(county: string): Set<string> | null {
    const found = this.lookup(this.counties, county);
    return found.length > 0 ? new Set(found) : null;
  }
}
