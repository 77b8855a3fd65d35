import type { Db } from '../../db/database.js';
import type { Scope } from '../../plugins/access.js';
import * as repo from './surveys.repo.js';

/**
 * Survey invitations in the privacy operations. An invitation holds an email address (and
 * whose it is); it is found by that address for the access export and deleted by erasure.
 * Responses are anonymous: they hold no address, no invitation and no time of day, so they
 * cannot be found for anyone and are not erased (docs/privacy.md; the data map says why).
 */

const inScope = (scope: Scope, row: { regionId: string; municipalityCode: string | null }) =>
  (scope.regionIds === 'all' || scope.regionIds.includes(row.regionId)) &&
  (scope.municipalityCodes === 'all' ||
    (row.municipalityCode !== null && scope.municipalityCodes.includes(row.municipalityCode)));

export async function findSurveyInvitationData(
  db: Db,
  scope: Scope,
  keys: { email?: string | undefined },
) {
  if (!keys.email) return [];
  const rows = await repo.findInvitationsByEmail(db, keys.email);
  return rows
    .filter((r) => inScope(scope, r))
    .map((r) => ({
      id: r.id,
      survey: r.surveyKey,
      wave: r.wave,
      email: r.email,
      municipalityCode: r.municipalityCode,
      sendAt: r.sendAt,
      sentAt: r.sentAt,
      remindedAt: r.remindedAt,
      expiresAt: r.expiresAt,
      // Whether the link was used; what was answered is anonymous and not linked to it.
      answered: r.answeredAt !== null,
      cancelledAt: r.cancelledAt,
    }));
}

export type SurveyInvitationData = Awaited<ReturnType<typeof findSurveyInvitationData>>;

export async function eraseSurveyInvitations(db: Db, ids: string[]): Promise<number> {
  if (!ids.length) return 0;
  return repo.deleteInvitationsByIds(db, ids);
}
