import { createHmac, randomInt } from 'node:crypto';
import { parsePhoneNumberFromString } from 'libphonenumber-js';

/**
 * Pure rules for recognising the same person in different tips. SQLite folds only ASCII, so
 * every comparison runs on keys folded here and stored beside the data.
 */

/** Letters people type in more than one way: "Bjørn"/"Bjorn", "Sæther"/"Saether", "Kåre"/"Kaare". */
function foldLetters(text: string): string {
  return text
    .toLocaleLowerCase('nb')
    .replaceAll('æ', 'ae')
    .replaceAll('ø', 'o')
    .replaceAll('ö', 'o')
    .replaceAll('ä', 'ae')
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .replaceAll('aa', 'a');
}

function tokens(text: string): string[] {
  return foldLetters(text)
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim()
    .split(' ')
    .filter((t) => t.length > 0);
}

/** A name as a search key: case, accents, Norwegian letters, punctuation and spacing folded. */
export const foldName = (name: string): string => tokens(name).join(' ');

/** The last name, which a household shares more often than anything else. */
export function surnameKey(name: string): string {
  const parts = tokens(name);
  return parts[parts.length - 1] ?? '';
}

/** Street abbreviations as Norwegians write them: "Storgt. 3" is "Storgata 3". */
function foldStreetToken(token: string): string {
  if (/^[\p{L}]*gt$/u.test(token)) return `${token.slice(0, -2)}gate`;
  if (/^[\p{L}]*gata$/u.test(token)) return `${token.slice(0, -4)}gate`;
  if (/^[\p{L}]*vn$/u.test(token)) return `${token.slice(0, -2)}vei`;
  if (/^[\p{L}]*(veien|vegen|veg)$/u.test(token))
    return token.replace(/(veien|vegen|veg)$/u, 'vei');
  return token;
}

/** An address as a key: street line folded, then the postcode. Null without both. */
export function addressKey(
  addressLine: string | null | undefined,
  postcode: string | null | undefined,
): string | null {
  if (!addressLine?.trim() || !postcode?.trim()) return null;
  return [...tokens(addressLine).map(foldStreetToken), postcode.trim()].join(' ');
}

/** A phone number in E.164 (+4791234567), reading numbers without a country code as Norwegian. */
export function toE164(phone: string | null | undefined): string | null {
  if (!phone?.trim()) return null;
  const parsed = parsePhoneNumberFromString(phone.trim(), 'NO');
  return parsed?.isValid() ? parsed.number : null;
}

export const isValidPhone = (phone: string): boolean => toE164(phone) !== null;

/** The first given name, for "Hilsen Kari" on a card: never more of the tipper than that. */
export function firstName(name: string): string {
  return name.trim().split(/\s+/)[0] ?? '';
}

export type SuppressionKind = 'phone' | 'name_address';

/**
 * Salted so the table cannot be reversed by hashing every Norwegian phone number; the salt
 * lives in the database (settings), so a copy of the table alone does not reveal it.
 */
export function suppressionHash(salt: string, kind: SuppressionKind, value: string): string {
  return createHmac('sha256', salt).update(`${kind}:${value}`).digest('hex');
}

/** The hashes a person is known by: phone, and name together with address. */
export function personHashes(
  salt: string,
  person: { phoneE164: string | null; nameKey: string; addressKey: string | null },
): { phoneHash: string | null; nameAddressHash: string | null } {
  return {
    phoneHash: person.phoneE164 ? suppressionHash(salt, 'phone', person.phoneE164) : null,
    nameAddressHash: person.addressKey
      ? suppressionHash(salt, 'name_address', `${person.nameKey}|${person.addressKey}`)
      : null,
  };
}

/** No 0/O, 1/I/L: the code is read off a card and typed by hand. */
const CODE_ALPHABET = 'ABCDEFGHJKMNPQRSTUVWXYZ23456789';

/** An opt-out code as printed: XXXX-XXXX (31^8 ≈ 8.5·10^11 codes). */
export function newOptOutCode(): string {
  let code = '';
  for (let i = 0; i < 8; i += 1) code += CODE_ALPHABET[randomInt(CODE_ALPHABET.length)];
  return `${code.slice(0, 4)}-${code.slice(4)}`;
}

/** What a person typed, as stored: case, spaces and dashes do not matter. */
export function normaliseOptOutCode(input: string): string | null {
  const bare = input.toUpperCase().replace(/[\s-]/g, '');
  if (bare.length !== 8 || [...bare].some((c) => !CODE_ALPHABET.includes(c))) return null;
  return `${bare.slice(0, 4)}-${bare.slice(4)}`;
}
