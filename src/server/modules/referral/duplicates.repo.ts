import type { Selectable } from 'kysely';
import type { Db } from '../../db/database.js';
import type { DuplicateProposalTable } from '../../db/schema.js';
import type { Scope } from '../../plugins/access.js';
import { scopedProspects } from './prospects.repo.js';

export type ProposalRow = Selectable<DuplicateProposalTable>;

/** Records a proposal once per pair, whichever order the pair comes in. */
export async function insertProposal(
  db: Db,
  row: Omit<DuplicateProposalTable, 'decidedAt' | 'decidedBy' | 'status'>,
): Promise<void> {
  const [a, b] = [row.leftProspectId, row.rightProspectId].sort() as [string, string];
  await db
    .insertInto('duplicateProposals')
    .values({
      ...row,
      leftProspectId: a,
      rightProspectId: b,
      status: 'open',
      decidedAt: null,
      decidedBy: null,
    })
    .onConflict((oc) => oc.columns(['leftProspectId', 'rightProspectId']).doNothing())
    .execute();
}

/** Open proposals where the scope may see both prospects (else it would see half a person). */
export async function findOpenProposals(
  db: Db,
  scope: Scope,
  filter: { campaignId?: string; id?: string },
): Promise<ProposalRow[]> {
  const visible = () => scopedProspects(db, scope).select('prospects.id');
  let q = db
    .selectFrom('duplicateProposals')
    .selectAll()
    .where('status', '=', 'open')
    .where('leftProspectId', 'in', visible())
    .where('rightProspectId', 'in', visible());
  if (filter.campaignId) q = q.where('campaignId', '=', filter.campaignId);
  if (filter.id) q = q.where('id', '=', filter.id);
  return q.orderBy('createdAt').orderBy('id').execute();
}

export async function decideProposal(
  db: Db,
  id: string,
  decision: { status: 'merged' | 'kept_apart'; at: string; by: string },
): Promise<void> {
  await db
    .updateTable('duplicateProposals')
    .set({ status: decision.status, decidedAt: decision.at, decidedBy: decision.by })
    .where('id', '=', id)
    .execute();
}

/** After a merge the other open proposals of the merged prospect no longer mean anything. */
export async function deleteOpenProposalsOf(db: Db, prospectId: string): Promise<void> {
  await db
    .deleteFrom('duplicateProposals')
    .where('status', '=', 'open')
    .where((eb) =>
      eb.or([eb('leftProspectId', '=', prospectId), eb('rightProspectId', '=', prospectId)]),
    )
    .execute();
}
