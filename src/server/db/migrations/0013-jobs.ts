import type { FlytthitMigration } from './helpers.js';

/**
 * NAV vacancies (jobs module). Frozen once landed.
 *
 * - `job_ads`: the region's active ads from pam-stilling-feed, keyed by NAV's ad uuid. An ad
 *   that turns inactive is deleted (NAV's terms of use); contact persons are never stored.
 * - `job_ad_history`: one content-free row per ad ever kept, outliving the ad, for the
 *   labour-market map and the employer register.
 * - `job_feed_state`: one row per feed source ('nav'): the cursor page, the public token and
 *   the last run's outcome.
 * - `job_feed_unmapped`: municipality names from the feed that could not be mapped to a
 *   number, counted so they are seen rather than silently dropped.
 */
export const jobs: FlytthitMigration = {
  name: '0013-jobs',
  async up({ db }) {
    await db.schema
      .createTable('job_ads')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('region_id', 'text', (c) => c.notNull())
      .addColumn('municipality_code', 'text', (c) => c.notNull())
      .addColumn('title', 'text', (c) => c.notNull())
      .addColumn('employer_name', 'text', (c) => c.notNull())
      .addColumn('employer_org_number', 'text')
      .addColumn('description_html', 'text', (c) => c.notNull())
      .addColumn('styrk_code', 'text')
      .addColumn('occupation_level1', 'text')
      .addColumn('occupation_level2', 'text')
      .addColumn('sector', 'text')
      .addColumn('extent', 'text')
      .addColumn('engagement_type', 'text')
      .addColumn('application_due_text', 'text')
      .addColumn('application_due_date', 'text')
      .addColumn('published_at', 'text', (c) => c.notNull())
      .addColumn('expires_at', 'text')
      .addColumn('nav_updated_at', 'text', (c) => c.notNull())
      .addColumn('nav_link', 'text', (c) => c.notNull())
      .addColumn('application_url', 'text')
      .addColumn('work_city', 'text', (c) => c.notNull())
      .addColumn('postal_code', 'text')
      .addColumn('search_key', 'text', (c) => c.notNull())
      .addColumn('first_seen_at', 'text', (c) => c.notNull())
      .addColumn('updated_at', 'text', (c) => c.notNull())
      .execute();
    await db.schema
      .createIndex('job_ads_region_published')
      .on('job_ads')
      .columns(['region_id', 'published_at'])
      .execute();
    await db.schema
      .createIndex('job_ads_region_municipality')
      .on('job_ads')
      .columns(['region_id', 'municipality_code'])
      .execute();

    await db.schema
      .createTable('job_ad_history')
      .addColumn('ad_id', 'text', (c) => c.primaryKey())
      .addColumn('region_id', 'text', (c) => c.notNull())
      .addColumn('municipality_code', 'text', (c) => c.notNull())
      .addColumn('employer_org_number', 'text')
      .addColumn('styrk_code', 'text')
      .addColumn('sector', 'text')
      .addColumn('published_at', 'text', (c) => c.notNull())
      .addColumn('first_seen_at', 'text', (c) => c.notNull())
      .addColumn('inactive_at', 'text')
      .execute();
    await db.schema
      .createIndex('job_ad_history_region_published')
      .on('job_ad_history')
      .columns(['region_id', 'published_at'])
      .execute();
    await db.schema
      .createIndex('job_ad_history_employer')
      .on('job_ad_history')
      .columns(['region_id', 'employer_org_number'])
      .execute();

    await db.schema
      .createTable('job_feed_state')
      .addColumn('source', 'text', (c) => c.primaryKey())
      .addColumn('cursor_page_id', 'text')
      .addColumn('last_item_id', 'text')
      .addColumn('token', 'text')
      .addColumn('token_fetched_at', 'text')
      .addColumn('last_run_at', 'text')
      .addColumn('last_success_at', 'text')
      .addColumn('last_error', 'text')
      /** JSON: the last run's counts (pages, seen, kept, deleted, unmapped, failedDetails). */
      .addColumn('counts', 'text', (c) => c.notNull().defaultTo('{}'))
      .execute();

    await db.schema
      .createTable('job_feed_unmapped')
      .addColumn('name', 'text', (c) => c.notNull())
      .addColumn('county', 'text', (c) => c.notNull())
      .addColumn('postal_code', 'text', (c) => c.notNull())
      .addColumn('count', 'integer', (c) => c.notNull().defaultTo(0))
      .addColumn('first_seen_at', 'text', (c) => c.notNull())
      .addColumn('last_seen_at', 'text', (c) => c.notNull())
      .addPrimaryKeyConstraint('job_feed_unmapped_pk', ['name', 'county', 'postal_code'])
      .execute();
  },
};
