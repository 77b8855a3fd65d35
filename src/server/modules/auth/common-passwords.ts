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

let list: Promise<Set<string>> | undefined;

// Loaded at the first password check, not at start: the list costs ~9 MB of memory.
function words(): Promise<Set<string>> {
  list ??= import('@zxcvbn-ts/language-common').then(
    ({ dictionary }) => new Set([...(dictionary['passwords-common'] as string[]), ...LOCAL]),
  );
  return list;
}

export async function isCommonPassword(lower: string): Promise<boolean> {
  const set = await words();
  if (set.has(lower)) return true;
  const base = lower.replace(/[\d\W_]+$/u, '').replace(/^[\d\W_]+/u, '');
  return base.length > 0 && base.length < 12 && set.has(base);
}
