import { createHmac } from 'node:crypto';
import { type NewcomerInput, NewcomerInputSchema } from '../../../contracts/newcomers.js';
import type { Locale } from '../../../web/i18n/locales.js';
import type { NewcomersTranslate } from '../../../web/site/newcomers/text.js';
import {
  type FormError,
  type FormField,
  type FormValues,
  PAGE_ORDER,
  TEXT_FIELDS,
} from '../../../web/site/newcomers/types.js';
import type { FieldIssue } from '../../errors.js';
import { safeEqual } from '../auth/secrets.js';
import { toE164 } from '../referral/normalise.js';

/** The HTML form «Ny i kommunen?»: its fields to and from a registration, and its token. */

export type FormBody = Record<string, unknown>;

const text = (body: FormBody, name: string): string => {
  const v = body[name];
  return typeof v === 'string' ? v : '';
};

export function valuesFromForm(body: FormBody): FormValues {
  const values = Object.fromEntries(TEXT_FIELDS.map((f) => [f, text(body, f)])) as Record<
    (typeof TEXT_FIELDS)[number],
    string
  >;
  const raw = body.reasons;
  const reasons = (Array.isArray(raw) ? raw : [raw]).filter(
    (r): r is string => typeof r === 'string',
  );
  return {
    ...values,
    reasons,
    consentContact: text(body, 'consentContact') === 'yes',
    consentCheckIns: text(body, 'consentCheckIns') === 'yes',
  };
}

export const emptyValues = (): FormValues => valuesFromForm({});

const opt = (v: string) => (v.trim() === '' ? undefined : v.trim());

function year(v: string, field: string, issues: FieldIssue[]): number | undefined {
  if (!v.trim()) return undefined;
  if (!/^\d{4}$/.test(v.trim())) {
    issues.push({ field, message: 'Not a year' });
    return undefined;
  }
  return Number(v.trim());
}

/** The form as the API's registration, or the issues (named by form field). */
export function inputFromValues(
  values: FormValues,
  locale: Locale,
): { ok: true; input: NewcomerInput } | { ok: false; issues: FieldIssue[] } {
  const issues: FieldIssue[] = [];
  const adults = [];
  for (const n of [1, 2] as const) {
    const v = (f: 'Name' | 'BirthYear' | 'Email' | 'Phone') => values[`adult${n}${f}`];
    const any = [v('Name'), v('BirthYear'), v('Email'), v('Phone')].some((s) => s.trim());
    if (n === 2 && !any) continue;
    // Checked here too, so the form names a bad phone together with the other mistakes.
    if (v('Phone').trim() && !toE164(v('Phone'))) {
      issues.push({ field: `adults.${n - 1}.phone`, message: 'Not a phone number' });
    }
    adults.push({
      name: v('Name').trim(),
      birthYear: year(v('BirthYear'), `adults.${n - 1}.birthYear`, issues),
      email: opt(v('Email')),
      phone: opt(v('Phone')),
    });
  }
  const children = values.childrenBirthYears
    .split(/[\s,;]+/)
    .filter(Boolean)
    .map((y) => (/^\d{4}$/.test(y) ? Number(y) : Number.NaN));
  if (children.some(Number.isNaN)) issues.push({ field: 'childrenBirthYears', message: 'Years' });
  const heard = values.heardVia;
  const heardVia = heard.startsWith('campaign:')
    ? { channel: 'campaign', campaignId: heard.slice('campaign:'.length) }
    : heard
      ? { channel: heard }
      : undefined;
  const parsed = NewcomerInputSchema.safeParse({
    municipalityCode: values.municipalityCode,
    adults,
    childrenBirthYears: children.filter((c) => !Number.isNaN(c)),
    movedFrom: opt(values.movedFrom),
    movingDate: values.movingDate.trim(),
    reasons: values.reasons,
    heardVia,
    consents: { contact: values.consentContact, checkIns: values.consentCheckIns },
    locale,
  });
  if (!parsed.success) {
    for (const i of parsed.error.issues)
      issues.push({ field: i.path.join('.'), message: i.message });
  }
  if (issues.length || !parsed.success) return { ok: false, issues };
  return { ok: true, input: parsed.data };
}

/** `adults.1.phone` → `adult2Phone`; `heardVia.campaignId` → `heardVia`; and so on. */
function formFieldOf(path: string): FormField {
  const adult = /^adults\.(\d+)\.(\w+)/.exec(path);
  if (adult) {
    const name = `adult${Number(adult[1]) + 1}${adult[2]![0]!.toUpperCase()}${adult[2]!.slice(1)}`;
    return (PAGE_ORDER as readonly string[]).includes(name) ? (name as FormField) : 'adult1Name';
  }
  if (path === 'adults') return 'adult1Name';
  const head = path.split('.')[0] ?? '';
  if (head === 'consents') return 'consentContact';
  return (PAGE_ORDER as readonly string[]).includes(head) ? (head as FormField) : 'adult1Name';
}

/** One message per field, in the visitor's language, in page order. */
export function formErrors(issues: FieldIssue[], t: NewcomersTranslate): FormError[] {
  const out: FormError[] = [];
  for (const issue of issues) {
    const field = formFieldOf(issue.field);
    if (out.some((e) => e.field === field)) continue;
    out.push({ field, message: t(`form.errors.${field}`) });
  }
  return out.sort((a, b) => PAGE_ORDER.indexOf(a.field) - PAGE_ORDER.indexOf(b.field));
}

/** Robots post within a second of loading the form; people need longer. */
export const MIN_FILL_MS = 3_000;
const MAX_AGE_MS = 24 * 60 * 60_000;

const mac = (secret: string, ms: string, key: string) =>
  createHmac('sha256', secret)
    .update(`newcomer-form:${ms}:${key}`)
    .digest('base64url')
    .slice(0, 22);

/**
 * The form token: when the form was shown and its idempotency key, signed. A post without a
 * token this server made for that very key is refused (and shown again), so the key cannot be
 * chosen by someone else and the minimum fill time cannot be faked.
 */
export function signStarted(secret: string, at: Date, key: string): string {
  const ms = String(at.getTime());
  return `${ms}.${mac(secret, ms, key)}`;
}

export function checkStarted(secret: string, token: string, key: string, now: Date): boolean {
  const [ms = '', sig = ''] = token.split('.');
  if (!/^\d+$/.test(ms) || !safeEqual(sig, mac(secret, ms, key))) return false;
  const age = now.getTime() - Number(ms);
  return age >= MIN_FILL_MS && age <= MAX_AGE_MS;
}
