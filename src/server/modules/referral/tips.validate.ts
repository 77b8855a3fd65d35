import type { z } from 'zod';
import { type TipInput, TipInputSchema } from '../../../contracts/referral.js';
import type { FieldIssue } from '../../errors.js';
import { isValidPhone } from './normalise.js';

/**
 * What can be wrong with a tip, as codes: the API turns them into English messages, the tip
 * form into the visitor's language with the field's name.
 */
export type TipIssueCode =
  | 'required'
  | 'too_long'
  | 'invalid_email'
  | 'invalid_phone'
  | 'email_or_phone'
  | 'phone_or_address'
  | 'address_incomplete'
  | 'invalid_postcode'
  | 'not_in_region'
  | 'must_confirm'
  | 'invalid';

export interface TipIssue {
  /** Dotted path, e.g. `person.phone`. */
  field: string;
  code: TipIssueCode;
}

export const tipIssueMessage: Record<TipIssueCode, string> = {
  required: 'Required',
  too_long: 'Too long',
  invalid_email: 'Must be an email address',
  invalid_phone: 'Not a phone number',
  email_or_phone: 'Give an email address or a phone number',
  phone_or_address: "Give the person's phone number or postal address",
  address_incomplete: 'Give both the street address and the postcode',
  invalid_postcode: 'A Norwegian postcode has four digits',
  not_in_region: 'Not a municipality of the region',
  must_confirm: 'Confirm that the person would welcome contact',
  invalid: 'Invalid value',
};

export const toFieldIssues = (issues: TipIssue[]): FieldIssue[] =>
  issues.map((i) => ({ field: i.field, message: tipIssueMessage[i.code] }));

function codeOf(issue: z.core.$ZodIssue): TipIssueCode {
  const field = issue.path.join('.');
  if (field === 'welcomeConfirmed') return 'must_confirm';
  if (issue.code === 'too_big') return 'too_long';
  if (issue.code === 'too_small') return 'required';
  if (issue.code === 'invalid_type' && issue.input === undefined) return 'required';
  if (issue.code === 'invalid_format' && issue.format === 'email') return 'invalid_email';
  return 'invalid';
}

type LooseTip = {
  tipper?: Partial<TipInput['tipper']> | undefined;
  person?: Partial<TipInput['person']> | undefined;
};

/** The rules between fields; also run on a tip of the wrong shape, so the form lists all. */
export function checkTipRules(tip: LooseTip, municipalityCodes: readonly string[]): TipIssue[] {
  const issues: TipIssue[] = [];
  const tipper = tip.tipper ?? {};
  const person = tip.person ?? {};
  if (!tipper.email && !tipper.phone)
    issues.push({ field: 'tipper.email', code: 'email_or_phone' });
  if (tipper.phone && !isValidPhone(tipper.phone)) {
    issues.push({ field: 'tipper.phone', code: 'invalid_phone' });
  }
  if (person.phone && !isValidPhone(person.phone)) {
    issues.push({ field: 'person.phone', code: 'invalid_phone' });
  }
  const hasAddress = Boolean(person.addressLine || person.postcode);
  if (!person.phone && !hasAddress) {
    issues.push({ field: 'person.phone', code: 'phone_or_address' });
  } else if (hasAddress && !person.addressLine) {
    issues.push({ field: 'person.addressLine', code: 'address_incomplete' });
  } else if (hasAddress && !person.postcode) {
    issues.push({ field: 'person.postcode', code: 'address_incomplete' });
  }
  if (person.postcode && !/^\d{4}$/.test(person.postcode)) {
    issues.push({ field: 'person.postcode', code: 'invalid_postcode' });
  }
  if (person.municipalityCode && !municipalityCodes.includes(person.municipalityCode)) {
    issues.push({ field: 'person.municipalityCode', code: 'not_in_region' });
  }
  return issues;
}

/** Shape and rules together, for the form, which has no zod route validation in front of it. */
export function parseTip(
  raw: unknown,
  municipalityCodes: readonly string[],
): { ok: true; tip: TipInput } | { ok: false; issues: TipIssue[] } {
  const parsed = TipInputSchema.safeParse(raw);
  if (!parsed.success) {
    const issues = parsed.error.issues.map((i) => ({ field: i.path.join('.'), code: codeOf(i) }));
    const seen = new Set(issues.map((i) => i.field));
    const rules = checkTipRules(raw as LooseTip, municipalityCodes).filter(
      (i) => !seen.has(i.field),
    );
    return { ok: false, issues: [...issues, ...rules] };
  }
  const issues = checkTipRules(parsed.data, municipalityCodes);
  return issues.length ? { ok: false, issues } : { ok: true, tip: parsed.data };
}
