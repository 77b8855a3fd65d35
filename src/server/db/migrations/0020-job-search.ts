import type { FlytthitMigration } from './helpers.js';

/**
 * A generation number for the region's job ads, raised in the same transaction as every change
 * to `job_ads`, so a cached search count is known to be current by one key lookup (ADR 0015).
 * Frozen once landed.
 */
export const jobSearch: FlytthitMigration = {
  name: '0020-job-search',
  async up({ db }) {
    await db.schema
      .createTable('job_ads_generation')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('generation', 'integer', (c) => c.notNull())
      .execute();
    await db.insertInto('job_ads_generation').values({ id: 'ads', generation: 0 }).execute();
  },
};
