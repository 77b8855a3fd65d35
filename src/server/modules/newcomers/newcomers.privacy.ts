import type { Db } from '../../db/database.js';
import { fromDbJson } from '../../db/portable.js';
import type { Scope } from '../../plugins/access.js';
import { eraseCheckIns } from './contact.js';
import * as repo from './newcomers.repo.js';

/**
 * Newcomers in the privacy operations: found by exact keys for the access export and
 * erasure, and removed by the retention purge (36 months after the moving date, or 12 after
 * a move away, by default). Erasing deletes the household, its adults, proposals and
 * checklist items, and its survey invitations (anonymous answers stay, unlinked).
 */

export async function findNewcomerData(
  db: Db,
  scope: Scope,
  keys: { phoneE164?: string | undefined; email?: string | undefined },
) {
  // By phone or email only: a registration holds no address, and a name alone is not exact.
  const ids = await repo.findNewcomerIdsByPerson(db, scope, {
    phoneE164: keys.phoneE164,
    email: keys.email,
  });
  if (!ids.length) return [];
  const rows = await Promise.all(ids.map((id) => repo.findNewcomerById(db, id)));
  const adults = await repo.findAdults(db, ids);
  return rows.flatMap((row) =>
    row
      ? [
          {
            id: row.id,
            municipalityCode: row.municipalityCode,
            source: row.source,
            adults: adults
              .filter((a) => a.newcomerId === row.id)
              .map((a) => ({
                name: a.name,
                birthYear: a.birthYear,
                email: a.email,
                phone: a.phoneE164,
              })),
            childrenBirthYears: fromDbJson<number[]>(row.childrenBirthYears, []),
            movedFrom: row.movedFrom,
            movingDate: row.movingDate,
            reasons: fromDbJson<string[]>(row.reasons, []),
            heardVia: row.heardViaChannel,
            consentContact: row.consentContact === 1,
            consentContactAt: row.consentContactAt,
            consentCheckIns: row.consentCheckIns === 1,
            consentCheckInsAt: row.consentCheckInsAt,
            consentWithdrawnAt: row.consentWithdrawnAt,
            notes: row.notes,
            movedAwayOn: row.movedAwayOn,
            createdAt: row.createdAt,
          },
        ]
      : [],
  );
}
export type NewcomerData = Awaited<ReturnType<typeof findNewcomerData>>;

/** Deletes newcomers and their survey invitations; returns how many households. */
export async function eraseNewcomers(db: Db, ids: string[]): Promise<number> {
  for (const id of ids) await eraseCheckIns(db, id);
  return repo.deleteNewcomers(db, ids);
}

export type NewcomerPurgeRule = 'newcomers' | 'newcomers_moved_away';

/** Newcomers past a rule's cutoff (an ISO time; dates compare by their day). */
export function expiredNewcomers(db: Db, rule: NewcomerPurgeRule, cutoff: string, limit: number) {
  const day = cutoff.slice(0, 10);
  return repo.expiredNewcomerIds(
    db,
    rule === 'newcomers' ? { movingBefore: day } : { movedAwayBefore: day },
    limit,
  );
}
