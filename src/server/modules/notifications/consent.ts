import { createHmac } from 'node:crypto';
import { DEFAULT_LOCALE, isLocale, type Locale } from '../../../web/i18n/locales.js';
import { siteTranslator } from '../../../web/site/text.js';
import type { Db } from '../../db/database.js';
import type { Clock } from '../../deps.js';
import { safeEqual } from '../auth/secrets.js';

/**
 * One-click withdrawal of consent from any email about a person's record (a newcomer, an
 * event registration, an entrepreneur's inquiry, a survey invitation).
 *
 * A message queued with `consentRef: '<prefix>:<id>'` gets, when it is sent, a footer with a
 * personal link and the List-Unsubscribe headers of RFC 8058. The link is an HMAC of the
 * reference: it needs no table, cannot be guessed for another record, and works as long as
 * the server secret does (rotating the secret retires old links; the withdrawal page then
 * says the link is unknown and points to the region's contact). The module that owns the
 * prefix decides what withdrawal means for its record, and must make it take effect at once.
 */
export interface ConsentWithdrawal {
  /** The part before the colon, e.g. `newcomer`. */
  prefix: string;
  /** Idempotent: a second withdrawal of the same reference changes nothing. */
  withdraw(db: Db, clock: Clock, id: string): Promise<void>;
}

const handlers = new Map<string, ConsentWithdrawal>();

/** Called once by the owning module when its routes are registered. */
export function registerConsentWithdrawal(handler: ConsentWithdrawal): void {
  if (!/^[a-z][a-z0-9-]*$/.test(handler.prefix)) {
    throw new Error(`Consent prefix "${handler.prefix}" must be lower-case letters and dashes`);
  }
  handlers.set(handler.prefix, handler);
}

const REF_PATTERN = /^([a-z][a-z0-9-]*):([A-Za-z0-9_-]{1,64})$/;

export const isConsentRef = (ref: string): boolean => REF_PATTERN.test(ref);

const signatureOf = (secret: string, ref: string) =>
  createHmac('sha256', secret).update(`consent:${ref}`).digest('base64url').slice(0, 32);

/** The token in the withdrawal link: the reference, readable, and its signature. */
export function consentToken(secret: string, ref: string): string {
  return `${Buffer.from(ref).toString('base64url')}.${signatureOf(secret, ref)}`;
}

/** The reference a token stands for, or null for a token that was not made by us. */
export function refOfToken(secret: string, token: string): string | null {
  const [encoded, signature, ...rest] = token.split('.');
  if (!encoded || !signature || rest.length > 0 || token.length > 200) return null;
  const ref = Buffer.from(encoded, 'base64url').toString('utf8');
  if (!REF_PATTERN.test(ref)) return null;
  return safeEqual(signature, signatureOf(secret, ref)) ? ref : null;
}

const localePrefix = (locale: Locale) => (locale === DEFAULT_LOCALE ? '' : `/${locale}`);

export function consentUrl(publicUrl: string, secret: string, ref: string, locale: Locale) {
  return `${publicUrl}${localePrefix(locale)}/samtykke/${consentToken(secret, ref)}`;
}

export type WithdrawalResult = 'withdrawn' | 'unknown';

/** Carries out a withdrawal. Unknown links and prefixes give 'unknown', never an error page. */
export async function withdrawConsent(
  db: Db,
  clock: Clock,
  secret: string,
  token: string,
): Promise<WithdrawalResult> {
  const ref = refOfToken(secret, token);
  const match = ref ? REF_PATTERN.exec(ref) : null;
  const handler = match?.[1] ? handlers.get(match[1]) : undefined;
  if (!match?.[2] || !handler) return 'unknown';
  await handler.withdraw(db, clock, match[2]);
  return 'withdrawn';
}

/** Whether a token is ours and its kind of record can be withdrawn (for the GET page). */
export function isWithdrawable(secret: string, token: string): boolean {
  const ref = refOfToken(secret, token);
  const prefix = ref ? REF_PATTERN.exec(ref)?.[1] : undefined;
  return prefix !== undefined && handlers.has(prefix);
}

export interface ConsentSendOptions {
  publicUrl: string;
  secret: string;
}

export interface MessageWithConsent {
  text: string;
  html: string | null;
  headers: Record<string, string>;
}

const escapeHtml = (s: string) => s.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

/** Adds the withdrawal footer and headers to a message about `ref`, in its own language. */
export function withConsentFooter(
  message: { text: string; html: string | null },
  ref: string,
  localeValue: string | null,
  options: ConsentSendOptions,
): MessageWithConsent {
  const locale = isLocale(localeValue) ? localeValue : DEFAULT_LOCALE;
  const url = consentUrl(options.publicUrl, options.secret, ref, locale);
  const line = siteTranslator(locale)('consent.footer');
  return {
    text: `${message.text.trimEnd()}\n\n-- \n${line}\n${url}\n`,
    html: message.html
      ? `${message.html}\n<hr><p>${escapeHtml(line)} <a href="${escapeHtml(url)}">${escapeHtml(url)}</a></p>`
      : null,
    headers: {
      'List-Unsubscribe': `<${url}>`,
      'List-Unsubscribe-Post': 'List-Unsubscribe=One-Click',
    },
  };
}
