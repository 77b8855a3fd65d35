import { createHash } from 'node:crypto';
import type { NaceSection } from '../../../contracts/business.js';
import type { RawRow } from './brreg.parse.js';

/** One register row as the employer register stores it. */
export interface EmployerRecord {
  orgNumber: string;
  name: string;
  organisationForm: string | null;
  naceCode: string | null;
  naceDescription: string | null;
  naceSection: NaceSection | null;
  employees: number | null;
  municipalityCode: string;
  addressLine: string | null;
  postcode: string | null;
  city: string | null;
  bankrupt: boolean;
  windingUp: boolean;
  deletedOn: string | null;
}

const WEIGHTS = [3, 2, 7, 6, 5, 4, 3, 2];

/** Brønnøysund's check digit: modulus 11 with weights 3 2 7 6 5 4 3 2. */
export function isValidOrgNumber(value: string): boolean {
  if (!/^\d{9}$/.test(value)) return false;
  const sum = WEIGHTS.reduce((acc, w, i) => acc + w * Number(value[i]), 0);
  const rest = sum % 11;
  const check = rest === 0 ? 0 : 11 - rest;
  return check !== 10 && check === Number(value[8]);
}

/** SN2007 divisions (the code's first two digits) to their section letter. */
const SECTION_RANGES: Array<[number, number, NaceSection]> = [
  [1, 3, 'A'],
  [5, 9, 'B'],
  [10, 33, 'C'],
  [35, 35, 'D'],
  [36, 39, 'E'],
  [41, 43, 'F'],
  [45, 47, 'G'],
  [49, 53, 'H'],
  [55, 56, 'I'],
  [58, 63, 'J'],
  [64, 66, 'K'],
  [68, 68, 'L'],
  [69, 75, 'M'],
  [77, 82, 'N'],
  [84, 84, 'O'],
  [85, 85, 'P'],
  [86, 88, 'Q'],
  [90, 93, 'R'],
  [94, 96, 'S'],
  [97, 98, 'T'],
  [99, 99, 'U'],
];

export function sectionOf(naceCode: string): NaceSection | null {
  const division = Number(naceCode.slice(0, 2));
  return SECTION_RANGES.find(([from, to]) => division >= from && division <= to)?.[2] ?? null;
}

function isDate(v: string): boolean {
  const d = new Date(`${v}T00:00:00Z`);
  return (
    /^\d{4}-\d{2}-\d{2}$/.test(v) && !Number.isNaN(d.getTime()) && d.toISOString().startsWith(v)
  );
}

const str = (v: unknown): string | null => {
  if (v === null || v === undefined) return null;
  const s = String(v).trim();
  return s === '' ? null : s;
};

/** JSON gives booleans; the CSV writes true/false (older files J/N). */
function bool(v: unknown, field: string, reasons: string[]): boolean {
  if (v === undefined || v === null || v === '') return false;
  if (typeof v === 'boolean') return v;
  const s = String(v).trim().toLowerCase();
  if (s === 'true' || s === 'j') return true;
  if (s === 'false' || s === 'n') return false;
  reasons.push(`${field}: not true or false`);
  return false;
}

/** The municipality number of the business address, else of the postal address. */
export function municipalityOf(row: RawRow): string | null {
  return (
    str(row['forretningsadresse.kommunenummer']) ?? str(row['postadresse.kommunenummer']) ?? null
  );
}

function addressOf(row: RawRow, prefix: string) {
  const lines = row[`${prefix}.adresse`];
  const line = Array.isArray(lines)
    ? lines
        .map((l) => String(l ?? '').trim())
        .filter(Boolean)
        .join(', ')
    : str(lines);
  return {
    addressLine: line || null,
    postcode: str(row[`${prefix}.postnummer`]),
    city: str(row[`${prefix}.poststed`]),
  };
}

export type RowCheck =
  | { ok: true; record: EmployerRecord }
  | { ok: false; orgNumber: string | null; reasons: string[] };

/**
 * Checks one row whose municipality is in the region (`currentCode`: its number today) and
 * gives the record, or every reason it cannot be imported.
 */
export function checkRow(row: RawRow, currentCode: string): RowCheck {
  if (typeof row.__broken === 'string')
    return { ok: false, orgNumber: null, reasons: [row.__broken] };
  const reasons: string[] = [];
  const orgRaw = str(row.organisasjonsnummer)?.replace(/\s/g, '') ?? null;
  if (!orgRaw) reasons.push('organisasjonsnummer: missing');
  else if (!isValidOrgNumber(orgRaw))
    reasons.push('organisasjonsnummer: not a valid number (check digit)');
  const name = str(row.navn);
  if (!name) reasons.push('navn: missing');
  else if (name.length > 300) reasons.push('navn: longer than 300 characters');

  const naceCode = str(row['naeringskode1.kode']);
  if (naceCode && !/^\d{2}\.\d{1,3}$/.test(naceCode))
    reasons.push('naeringskode1.kode: not a NACE code');
  const employeesRaw = str(row.antallAnsatte);
  let employees: number | null = null;
  if (employeesRaw !== null) {
    employees = Number(employeesRaw);
    if (!Number.isInteger(employees) || employees < 0) {
      reasons.push('antallAnsatte: not a whole number');
      employees = null;
    }
  }
  const deletedOn = str(row.slettedato);
  if (deletedOn && !isDate(deletedOn)) reasons.push('slettedato: not a date');
  const bankrupt = bool(row.konkurs, 'konkurs', reasons);
  const windingUp = bool(row.underAvvikling, 'underAvvikling', reasons);

  if (reasons.length) return { ok: false, orgNumber: orgRaw, reasons };
  const business = str(row['forretningsadresse.kommunenummer'])
    ? 'forretningsadresse'
    : 'postadresse';
  return {
    ok: true,
    record: {
      orgNumber: orgRaw!,
      name: name!,
      organisationForm: str(row['organisasjonsform.kode']),
      naceCode,
      naceDescription: str(row['naeringskode1.beskrivelse']),
      naceSection: naceCode ? sectionOf(naceCode) : null,
      employees,
      municipalityCode: currentCode,
      ...addressOf(row, business),
      bankrupt,
      windingUp,
      deletedOn,
    },
  };
}

/** A fingerprint of the register fields: the same row again is not rewritten. */
export function hashRecord(r: EmployerRecord): string {
  return createHash('sha256').update(JSON.stringify(r)).digest('base64url').slice(0, 32);
}
