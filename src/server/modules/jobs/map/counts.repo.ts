import type { Db } from '../../../db/database.js';

/** The daily counts of active vacancies (labour-market map): counts only, never an ad. */

export interface DailyCountRow {
  municipalityCode: string;
  styrkMajorGroup: string;
  sector: string;
  count: number;
}

/** Replaces one day's counts for a region: the same snapshot twice leaves the same rows. */
export async function replaceDay(
  db: Db,
  regionId: string,
  date: string,
  rows: DailyCountRow[],
): Promise<void> {
  await db.transaction().execute(async (trx) => {
    await trx
      .deleteFrom('jobDailyCounts')
      .where('regionId', '=', regionId)
      .where('date', '=', date)
      .execute();
    // A few hundred rows at most (municipalities × groups × sectors); chunked for PostgreSQL's
    // parameter limit all the same.
    for (let i = 0; i < rows.length; i += 500) {
      await trx
        .insertInto('jobDailyCounts')
        .values(rows.slice(i, i + 500).map((r) => ({ ...r, regionId, date })))
        .execute();
    }
  });
}

/** Totals per day and sector from `from` on, oldest first. */
export async function dailyTotals(db: Db, regionId: string, from: string) {
  const rows = await db
    .selectFrom('jobDailyCounts')
    .select(['date', 'sector', (eb) => eb.fn.sum<number | string>('count').as('n')])
    .where('regionId', '=', regionId)
    .where('date', '>=', from)
    .groupBy(['date', 'sector'])
    .orderBy('date')
    .execute();
  return rows.map((r) => ({ date: r.date, sector: r.sector, n: Number(r.n) }));
}
