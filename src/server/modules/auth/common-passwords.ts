import { dictionary } from '@zxcvbn-ts/language-common';

// zxcvbn-ts's list of ~49,000 passwords most often seen in breach corpora, plus words people
// here often build passwords from. A password is refused when it, or it without the digits
// and symbols people tack on at the end, is on the list.
const LOCAL = [
  'passord',
  'sommer',
  'vinter',
  'fjellregionen',
  'flytthit',
  'tynset',
  'roros',
  'røros',
  'norge',
  'kommune',
  'velkommen',
  'hemmelig',
  'qwertyuiop',
  'asdfghjkl',
];

let list: Set<string> | undefined;

function words(): Set<string> {
  list ??= new Set([...(dictionary['passwords-common'] as string[]), ...LOCAL]);
  return list;
}

export function isCommonPassword(lower: string): boolean {
  const set = words();
  if (set.has(lower)) return true;
  const base = lower.replace(/[\d\W_]+$/u, '').replace(/^[\d\W_]+/u, '');
  return base.length > 0 && base.length < 12 && set.has(base);
}
