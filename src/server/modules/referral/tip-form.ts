import { createHmac } from 'node:crypto';
import type { Locale } from '../../../web/i18n/locales.js';
import type { ReferralTranslate } from '../../../web/site/referral/text.js';
import {
  TIP_TEXT_FIELDS,
  type TipFormError,
  type TipFormField,
  type TipFormValues,
} from '../../../web/site/referral/types.js';
import { safeEqual } from '../auth/secrets.js';
import type { TipIssue } from './tips.validate.js';

/** The HTML tip form: its fields to and from a tip, and its spam defences. */

export type FormBody = Record<string, unknown>;

const text = (body: FormBody, name: string): string => {
  const v = body[name];
  return typeof v === 'string' ? v : '';
};

export function valuesFromForm(body: FormBody): TipFormValues {
  const values = Object.fromEntries(TIP_TEXT_FIELDS.map((f) => [f, text(body, f)])) as Record<
    (typeof TIP_TEXT_FIELDS)[number],
    string
  >;
  return {
    ...values,
    tipperMayBeNamed: text(body, 'tipperMayBeNamed') === 'yes',
    tipperWantsNews: text(body, 'tipperWantsNews') === 'yes',
    welcomeConfirmed: text(body, 'welcomeConfirmed') === 'yes',
  };
}

export const emptyValues = (): TipFormValues => valuesFromForm({});

/** The form as the API's tip: empty fields are absent, as a person leaving them blank means. */
export function tipFromValues(values: TipFormValues, locale: Locale): unknown {
  const opt = (v: string) => (v.trim() === '' ? undefined : v.trim());
  return {
    tipper: {
      name: values.tipperName,
      email: opt(values.tipperEmail),
      phone: opt(values.tipperPhone),
      municipalityCode: opt(values.tipperMunicipality),
    },
    person: {
      name: values.personName,
      phone: opt(values.personPhone),
      addressLine: opt(values.personAddressLine),
      postcode: opt(values.personPostcode),
      city: opt(values.personCity),
      livesNow: opt(values.personLivesNow),
      connection: opt(values.personConnection),
      household: opt(values.personHousehold),
      reason: opt(values.personReason),
      municipalityCode: opt(values.personMunicipality),
    },
    tipperMayBeNamed: values.tipperMayBeNamed,
    tipperWantsNews: values.tipperWantsNews,
    welcomeConfirmed: values.welcomeConfirmed,
    locale,
  };
}

const FORM_FIELDS: readonly string[] = [
  ...TIP_TEXT_FIELDS,
  'tipperMayBeNamed',
  'tipperWantsNews',
  'welcomeConfirmed',
];

/** `person.addressLine` → `personAddressLine`; the municipality codes have shorter names. */
function formFieldOf(path: string): TipFormField {
  if (path === 'tipper.municipalityCode') return 'tipperMunicipality';
  if (path === 'person.municipalityCode') return 'personMunicipality';
  const [head = '', tail] = path.split('.');
  const name = tail ? `${head}${tail[0]!.toUpperCase()}${tail.slice(1)}` : head;
  // Only the form's own fields can be wrong here; anything else is the form's own mistake.
  return FORM_FIELDS.includes(name) ? (name as TipFormField) : 'personName';
}

/** The order of the fields on the page, so the error summary reads top to bottom. */
const PAGE_ORDER: readonly TipFormField[] = [
  'tipperName',
  'tipperEmail',
  'tipperPhone',
  'tipperMunicipality',
  'personName',
  'personPhone',
  'personAddressLine',
  'personPostcode',
  'personCity',
  'personLivesNow',
  'personMunicipality',
  'personHousehold',
  'personConnection',
  'personReason',
  'tipperMayBeNamed',
  'tipperWantsNews',
  'welcomeConfirmed',
];

/** One message per field, in the visitor's language, naming the field, in page order. */
export function formErrors(issues: TipIssue[], t: ReferralTranslate): TipFormError[] {
  const out: TipFormError[] = [];
  for (const issue of issues) {
    const field = formFieldOf(issue.field);
    if (out.some((e) => e.field === field)) continue;
    out.push({
      field,
      message: t(`form.errors.${issue.code}`, { field: t(`form.fields.${field}`) }),
    });
  }
  return out.sort((a, b) => PAGE_ORDER.indexOf(a.field) - PAGE_ORDER.indexOf(b.field));
}

/** Robots post within a second of loading the form; people need longer to write a tip. */
export const MIN_FILL_MS = 3_000;
const MAX_AGE_MS = 24 * 60 * 60_000;

const mac = (secret: string, ms: string) =>
  createHmac('sha256', secret).update(`tip-form:${ms}`).digest('base64url').slice(0, 22);

/** When the form was first shown, signed so a robot cannot backdate it. */
export function signStarted(secret: string, at: Date): string {
  const ms = String(at.getTime());
  return `${ms}.${mac(secret, ms)}`;
}

export function checkStarted(secret: string, token: string, now: Date): 'ok' | 'too_fast' {
  const [ms = '', sig = ''] = token.split('.');
  const started = Number(ms);
  if (!/^\d+$/.test(ms) || !safeEqual(sig, mac(secret, ms))) return 'too_fast';
  const age = now.getTime() - started;
  return age >= MIN_FILL_MS && age <= MAX_AGE_MS ? 'ok' : 'too_fast';
}
