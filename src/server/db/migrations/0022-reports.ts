import type { FlytthitMigration } from './helpers.js';

/**
 * Quarterly council reports sent. Frozen once landed.
 *
 * `report_runs`: one row per region and quarter once that quarter's report has been made and
 * emailed to the programme leaders (or found to have nothing to report). The unique key is
 * what keeps the report to once a quarter when two processes run the job. No personal data.
 */
export const reports: FlytthitMigration = {
  name: '0022-reports',
  async up({ db }) {
    await db.schema
      .createTable('report_runs')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('region_id', 'text', (c) => c.notNull().references('regions.id'))
      .addColumn('quarter', 'text', (c) => c.notNull())
      .addColumn('status', 'text', (c) => c.notNull())
      .addColumn('recipients', 'integer', (c) => c.notNull())
      .addColumn('pages', 'integer', (c) => c.notNull())
      .addColumn('created_at', 'text', (c) => c.notNull())
      .addUniqueConstraint('report_runs_region_quarter', ['region_id', 'quarter'])
      .execute();
  },
};
