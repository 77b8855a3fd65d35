import type { Db } from '../../db/database.js';

/**
 * Prospects whose retention has run out: of campaigns that ended before `endedBefore`, not
 * moved here; and of campaigns that ended before `movedEndedBefore`, those who moved here.
 */
export async function findExpiredProspectIds(
  db: Db,
  endedBefore: string,
  movedEndedBefore: string,
  limit: number,
): Promise<string[]> {
  const rows = await db
    .selectFrom('prospects')
    .innerJoin('campaigns', 'campaigns.id', 'prospects.campaignId')
    .select('prospects.id')
    .where((eb) =>
      eb.or([
        eb.and([eb('campaigns.endsOn', '<', endedBefore), eb('prospects.movedInOn', 'is', null)]),
        eb('campaigns.endsOn', '<', movedEndedBefore),
      ]),
    )
    .orderBy('prospects.id')
    .limit(limit)
    .execute();
  return rows.map((r) => r.id);
}

/**
 * Erases the tippers' contact details from tips of campaigns that ended before `endedBefore`:
 * a tip stays only as a count (campaign, municipality, when). Returns how many tips changed.
 */
export async function eraseTipperData(db: Db, endedBefore: string, at: string): Promise<number> {
  const result = await db
    .updateTable('tips')
    .set({
      tipperName: '',
      tipperEmail: null,
      tipperPhone: null,
      tipperMunicipalityCode: null,
      tipperWantsNews: 0,
      erasedAt: at,
    })
    .where('tipperName', '!=', '')
    .where('campaignId', 'in', (eb) =>
      eb.selectFrom('campaigns').select('id').where('endsOn', '<', endedBefore),
    )
    .executeTakeFirst();
  return Number(result.numUpdatedRows);
}
