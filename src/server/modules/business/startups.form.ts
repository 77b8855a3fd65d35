import { createHmac } from 'node:crypto';
import { parsePhoneNumberFromString } from 'libphonenumber-js';
import { z } from 'zod';
import { ENTREPRENEUR_STAGES, HELP_KINDS, NACE_SECTIONS } from '../../../contracts/business.js';
import type { BusinessTranslate } from '../../../web/site/business/text.js';
import {
  START_TEXT_FIELDS,
  type StartField,
  type StartFormError,
  type StartFormValues,
} from '../../../web/site/business/types.js';
import { safeEqual } from '../auth/secrets.js';

/** The «Start Her» HTML form: its fields to and from an inquiry, and its spam defences. */

export type FormBody = Record<string, unknown>;

const text = (body: FormBody, name: string) => {
  const v = body[name];
  return typeof v === 'string' ? v : Array.isArray(v) && typeof v[0] === 'string' ? v[0] : '';
};

export function valuesFromForm(body: FormBody): StartFormValues {
  const values = Object.fromEntries(START_TEXT_FIELDS.map((f) => [f, text(body, f)])) as Record<
    (typeof START_TEXT_FIELDS)[number],
    string
  >;
  const help = body.help;
  const list = Array.isArray(help) ? help : typeof help === 'string' ? [help] : [];
  return {
    ...values,
    help: list.filter((h): h is string => typeof h === 'string').slice(0, HELP_KINDS.length),
    consent: text(body, 'consent') === 'yes',
  };
}

export const emptyValues = (): StartFormValues => valuesFromForm({});

export interface ParsedInquiry {
  name: string;
  email: string;
  phoneE164: string | null;
  idea: string;
  industry: (typeof NACE_SECTIONS)[number];
  municipalityCode: string;
  stage: (typeof ENTREPRENEUR_STAGES)[number];
  help: Array<(typeof HELP_KINDS)[number]>;
}

type IssueCode = 'required' | 'email' | 'phone' | 'tooLong' | 'choice' | 'consent';

/** Every problem with the form, in page order, each message naming its field. */
export function checkForm(
  v: StartFormValues,
  municipalityCodes: string[],
  t: BusinessTranslate,
): { ok: true; inquiry: ParsedInquiry } | { ok: false; errors: StartFormError[] } {
  const issues: Array<[StartField, IssueCode]> = [];
  const need = (field: StartField, value: string, max: number) => {
    if (value.trim() === '') issues.push([field, 'required']);
    else if (value.trim().length > max) issues.push([field, 'tooLong']);
  };
  need('name', v.name, 200);
  const email = v.email.trim();
  if (email === '') issues.push(['email', 'required']);
  else if (email.length > 254 || !z.email().safeParse(email).success)
    issues.push(['email', 'email']);
  let phoneE164: string | null = null;
  if (v.phone.trim() !== '') {
    const parsed = parsePhoneNumberFromString(v.phone.trim(), 'NO');
    if (parsed?.isValid()) phoneE164 = parsed.number;
    else issues.push(['phone', 'phone']);
  }
  need('idea', v.idea, 4000);
  if (v.industry === '') issues.push(['industry', 'required']);
  else if (!(NACE_SECTIONS as readonly string[]).includes(v.industry))
    issues.push(['industry', 'choice']);
  if (v.municipality === '') issues.push(['municipality', 'required']);
  else if (!municipalityCodes.includes(v.municipality)) issues.push(['municipality', 'choice']);
  if (v.stage === '') issues.push(['stage', 'required']);
  else if (!(ENTREPRENEUR_STAGES as readonly string[]).includes(v.stage))
    issues.push(['stage', 'choice']);
  if (v.help.some((h) => !(HELP_KINDS as readonly string[]).includes(h)))
    issues.push(['help', 'choice']);
  if (!v.consent) issues.push(['consent', 'consent']);

  if (issues.length) {
    return {
      ok: false,
      errors: issues.map(([field, code]) => ({
        field,
        message: t(`form.errors.${code}`, { field: t(`form.fields.${field}`) }),
      })),
    };
  }
  return {
    ok: true,
    inquiry: {
      name: v.name.trim(),
      email,
      phoneE164,
      idea: v.idea.trim(),
      industry: v.industry as ParsedInquiry['industry'],
      municipalityCode: v.municipality,
      stage: v.stage as ParsedInquiry['stage'],
      help: [...new Set(v.help)] as ParsedInquiry['help'],
    },
  };
}

/** Robots post within a second of loading the form; people need longer to describe an idea. */
export const MIN_FILL_MS = 3_000;
const MAX_AGE_MS = 24 * 60 * 60_000;

const mac = (secret: string, ms: string) =>
  createHmac('sha256', secret).update(`start-her-form:${ms}`).digest('base64url').slice(0, 22);

/** When the form was first shown, signed so a robot (or another site) cannot forge it. */
export function signStarted(secret: string, at: Date): string {
  const ms = String(at.getTime());
  return `${ms}.${mac(secret, ms)}`;
}

export function checkStarted(secret: string, token: string, now: Date): boolean {
  const [ms = '', sig = ''] = token.split('.');
  if (!/^\d+$/.test(ms) || !safeEqual(sig, mac(secret, ms))) return false;
  const age = now.getTime() - Number(ms);
  return age >= MIN_FILL_MS && age <= MAX_AGE_MS;
}
