import type { AdultInput, HeardVia, Need, NewcomerInput } from '../../../contracts/newcomers.js';
import type { Region } from '../../../contracts/regions.js';
import type { FieldIssue } from '../../errors.js';
import { foldName, toE164 } from '../referral/normalise.js';

/** Pure rules of a registration: what needs a child has, and what input makes sense. */

/** Kindergarten 1–5, primary school 6–12, lower secondary 13–15, by age this year. */
export function needOf(age: number): Need {
  if (age >= 1 && age <= 5) return 'kindergarten';
  if (age >= 6 && age <= 12) return 'primary_school';
  if (age >= 13 && age <= 15) return 'lower_secondary';
  return 'none';
}

export function childrenOf(birthYears: number[], year: number) {
  return birthYears
    .map((birthYear) => ({ birthYear, age: year - birthYear }))
    .map((c) => ({ ...c, need: needOf(c.age) }))
    .sort((a, b) => a.birthYear - b.birthYear);
}

export interface CleanAdult {
  name: string;
  nameKey: string;
  birthYear: number | null;
  email: string | null;
  phoneE164: string | null;
}

/** Adults as stored (E.164 phones, lower-case email); every bad field named. */
export function cleanAdults(
  adults: AdultInput[],
  year: number,
  issues: FieldIssue[],
): CleanAdult[] {
  return adults.map((a, i) => {
    const phoneE164 = a.phone ? toE164(a.phone) : null;
    if (a.phone && !phoneE164) {
      issues.push({ field: `adults.${i}.phone`, message: 'Not a phone number' });
    }
    if (a.birthYear !== undefined && (a.birthYear > year - 15 || a.birthYear < year - 120)) {
      issues.push({ field: `adults.${i}.birthYear`, message: 'Not the birth year of an adult' });
    }
    const nameKey = foldName(a.name);
    if (!nameKey) issues.push({ field: `adults.${i}.name`, message: 'Required' });
    return {
      name: a.name.trim(),
      nameKey,
      birthYear: a.birthYear ?? null,
      email: a.email ? a.email.trim().toLowerCase() : null,
      phoneE164,
    };
  });
}

export function checkChildren(birthYears: number[], year: number, issues: FieldIssue[]): void {
  birthYears.forEach((y, i) => {
    if (y > year + 1 || y < year - 25) {
      issues.push({ field: `childrenBirthYears.${i}`, message: 'Not the birth year of a child' });
    }
  });
}

/** Not before 2000, and not more than a year ahead: a typo otherwise. */
export function checkMovingDate(date: string, today: string, issues: FieldIssue[]): void {
  const limit = `${Number(today.slice(0, 4)) + 1}${today.slice(4)}`;
  if (date < '2000-01-01' || date > limit) {
    issues.push({ field: 'movingDate', message: 'Not within a year from today' });
  }
}

/** The municipality must be the region's, and (for a host) one of theirs. */
export function checkMunicipality(
  code: string,
  region: Region,
  allowed: 'all' | string[],
  issues: FieldIssue[],
): void {
  const inRegion = region.municipalities.some((m) => m.code === code);
  const mine = allowed === 'all' || allowed.includes(code);
  if (!inRegion || !mine) {
    issues.push({ field: 'municipalityCode', message: 'Not a municipality you may register in' });
  }
}

export function checkHeardVia(
  heardVia: HeardVia | undefined | null,
  campaignIds: string[],
  issues: FieldIssue[],
): void {
  if (!heardVia?.campaignId) return;
  if (heardVia.channel !== 'campaign' || !campaignIds.includes(heardVia.campaignId)) {
    issues.push({ field: 'heardVia.campaignId', message: 'Not a campaign of the region' });
  }
}

/** A new registration's checks, all at once. */
export function checkRegistration(
  input: NewcomerInput,
  ctx: { region: Region; allowed: 'all' | string[]; campaignIds: string[]; today: string },
): { adults: CleanAdult[]; issues: FieldIssue[] } {
  const issues: FieldIssue[] = [];
  const year = Number(ctx.today.slice(0, 4));
  checkMunicipality(input.municipalityCode, ctx.region, ctx.allowed, issues);
  const adults = cleanAdults(input.adults, year, issues);
  checkChildren(input.childrenBirthYears, year, issues);
  checkMovingDate(input.movingDate, ctx.today, issues);
  checkHeardVia(input.heardVia, ctx.campaignIds, issues);
  return { adults, issues };
}
