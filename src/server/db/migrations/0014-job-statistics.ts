import { sql } from 'kysely';
import type { FlytthitMigration } from './helpers.js';

/**
 * The labour-market map's memory, and the indexes job search leans on (jobs module). Frozen
 * once landed.
 *
 * - `job_daily_counts`: active vacancies per day, region, municipality, STYRK-08 major group
 *   ('-' when NAV gave no code) and sector ('public' | 'private' | 'other'). Counts only, no
 *   ad: today's rows are recomputed by each snapshot, earlier days stay as they were.
 * - `job_ads` (0013's table) gains the two indexes job search runs on: newest first, and
 *   soonest deadline first; free text scans the folded `search_key` inside them.
 */
export const jobStatistics: FlytthitMigration = {
  name: '0014-job-statistics',
  async up({ db }) {
    await db.schema
      .createTable('job_daily_counts')
      .addColumn('date', 'text', (c) => c.notNull())
      .addColumn('region_id', 'text', (c) => c.notNull())
      .addColumn('municipality_code', 'text', (c) => c.notNull())
      .addColumn('styrk_major_group', 'text', (c) => c.notNull())
      .addColumn('sector', 'text', (c) => c.notNull())
      .addColumn('count', 'integer', (c) => c.notNull())
      .addPrimaryKeyConstraint('job_daily_counts_pk', [
        'region_id',
        'date',
        'municipality_code',
        'styrk_major_group',
        'sector',
      ])
      .execute();

    // Job search reads only these two indexes while it filters, counts and sorts: each holds
    // every filter column (and the folded search key), in the order of one of the two sorts,
    // so a page of 20 is found without reading ad rows and a count scans no table.
    const filters = 'expires_at, municipality_code, styrk_code, sector, extent';
    await sql
      .raw(
        `create index job_ads_search_newest on job_ads (region_id, published_at desc, id, ${filters}, application_due_date, search_key)`,
      )
      .execute(db);
    await sql
      .raw(
        `create index job_ads_search_deadline on job_ads (region_id, (coalesce(application_due_date, '9999-12-31')), published_at desc, id, ${filters}, search_key)`,
      )
      .execute(db);
  },
};
