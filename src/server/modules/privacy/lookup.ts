import type { PersonLookup } from '../../../contracts/privacy.js';
import { invalid } from '../../errors.js';
import { addressKey, foldName, toE164 } from '../referral/normalise.js';

/** A lookup as the search keys the modules store: E.164 phone, folded name and address. */
export interface PersonKeys {
  phoneE164?: string;
  email?: string;
  nameKey?: string;
  addressKey?: string;
}

export function keysOf(lookup: PersonLookup): PersonKeys {
  if (lookup.by === 'phone') {
    const phoneE164 = toE164(lookup.phone);
    if (!phoneE164) throw invalid([{ field: 'lookup.phone', message: 'Not a phone number' }]);
    return { phoneE164 };
  }
  if (lookup.by === 'email') {
    const email = lookup.email.trim().toLowerCase();
    if (!/^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(email)) {
      throw invalid([{ field: 'lookup.email', message: 'Not an email address' }]);
    }
    return { email };
  }
  const key = addressKey(lookup.addressLine, lookup.postcode);
  const name = foldName(lookup.name);
  if (!key || !name) {
    throw invalid([{ field: 'lookup.addressLine', message: 'A street address is needed' }]);
  }
  return { nameKey: name, addressKey: key };
}

/** Which way the person was looked up: for the audit log, never the value itself. */
export const lookupMethod = (lookup: PersonLookup): string => lookup.by;
