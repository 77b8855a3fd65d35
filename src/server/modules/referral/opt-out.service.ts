import { randomBytes } from 'node:crypto';
import type { Db } from '../../db/database.js';
import type { Clock } from '../../deps.js';
import { invalid } from '../../errors.js';
import { recordAudit } from '../audit/audit.service.js';
import { normaliseOptOutCode, suppressionHash, toE164 } from './normalise.js';
import * as prospects from './prospects.repo.js';
import { erasePeople } from './prospects.service.js';
import { getOrCreateSalt, insertSuppressions } from './suppressions.repo.js';

export type OptOutRequest = { method: 'code'; code: string } | { method: 'phone'; phone: string };

/** Checks the form of what was typed; says nothing about whether anyone has it. */
export function parseOptOut(request: OptOutRequest): { code?: string; phoneE164?: string } {
  if (request.method === 'code') {
    const code = normaliseOptOutCode(request.code);
    if (!code) throw invalid([{ field: 'code', message: 'A code has eight letters and digits' }]);
    return { code };
  }
  const phoneE164 = toE164(request.phone);
  if (!phoneE164) throw invalid([{ field: 'phone', message: 'Not a phone number' }]);
  return { phoneE164 };
}

/**
 * An objection, in one step, everywhere: every prospect the code or phone number leads to is
 * erased (their tips' person data, their rows, their unsent postcards), and salted hashes of
 * their phone and of their name with address are kept, so a new tip is dropped silently.
 * A phone number nobody has tipped yet is suppressed too. An unknown code does the same
 * amount of work and answers the same (the caller shows the same page).
 */
export async function optOut(
  db: Db,
  clock: Clock,
  request: OptOutRequest,
  ip: string | null,
): Promise<void> {
  const parsed = parseOptOut(request);
  await db.transaction().execute(async (trx) => {
    const now = clock.now();
    const erased = await applyOptOut(trx, now, parsed);
    await recordAudit(trx, now, {
      action: 'referral.opt_out',
      actor: { userId: null, label: 'anonymous' },
      ip,
      details: { method: request.method, erasedProspects: erased },
    });
  });
}

/**
 * The opt-out itself, in the caller's transaction: suppress the hashes, erase everyone they
 * lead to; returns how many prospects were erased. Also used when a person opts out on the
 * phone (a call outcome), with their prospect's code.
 */
export async function applyOptOut(
  trx: Db,
  now: Date,
  { code, phoneE164 }: { code?: string; phoneE164?: string },
): Promise<number> {
  const salt = await getOrCreateSalt(trx);
  const phoneHash = phoneE164 ? suppressionHash(salt, 'phone', phoneE164) : null;
  const direct = await prospects.findProspectIdsForOptOut(trx, {
    ...(code ? { code } : {}),
    hashes: phoneHash ? [phoneHash] : [],
  });
  const known = await prospects.findHashesOf(trx, direct);
  const rows = [
    ...(phoneHash ? [{ hash: phoneHash, kind: 'phone' }] : []),
    ...known.flatMap((k) => [
      ...(k.phoneHash ? [{ hash: k.phoneHash, kind: 'phone' }] : []),
      ...(k.nameAddressHash ? [{ hash: k.nameAddressHash, kind: 'name_address' }] : []),
    ]),
  ];
  // An unknown code still looks something up, so both answers take about as long.
  const hashes = rows.length ? rows.map((r) => r.hash) : [randomBytes(32).toString('hex')];
  const everyone = await prospects.findProspectIdsForOptOut(trx, { hashes });
  const ids = [...new Set([...direct, ...everyone])];
  await insertSuppressions(
    trx,
    rows.map((r) => ({ ...r, createdAt: now.toISOString() })),
  );
  await erasePeople(trx, ids, now);
  return ids.length;
}
