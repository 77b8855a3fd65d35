import { sql } from 'kysely';
import type { FlytthitMigration } from './helpers.js';

/**
 * The public site's visual profile and its visit count. Frozen once landed.
 *
 * `site_images`: a region's logo, favicon and social preview image (checked bytes, served under
 * a content-hash name). The brand colour is the region's `theme_color`.
 * `site_visits`: page views per region, page path, language and day — a count only: no
 * cookie, no address, no user agent, nothing about a person.
 */
export const site: FlytthitMigration = {
  name: '0017-site',
  async up({ db, dialect }) {
    const bytes = dialect === 'postgres' ? 'bytea' : 'blob';
    await db.schema
      .createTable('site_images')
      .addColumn('region_id', 'text', (c) => c.notNull().references('regions.id'))
      .addColumn('kind', 'text', (c) => c.notNull())
      .addColumn('content_type', 'text', (c) => c.notNull())
      .addColumn('bytes', bytes, (c) => c.notNull())
      .addColumn('hash', 'text', (c) => c.notNull())
      .addColumn('updated_at', 'text', (c) => c.notNull())
      .addPrimaryKeyConstraint('site_images_pk', ['region_id', 'kind'])
      .addCheckConstraint('site_images_kind_known', sql`kind in ('logo', 'favicon', 'social')`)
      .execute();
    await db.schema.createIndex('site_images_hash').on('site_images').column('hash').execute();

    await db.schema
      .createTable('site_visits')
      .addColumn('region_id', 'text', (c) => c.notNull().references('regions.id'))
      .addColumn('day', 'text', (c) => c.notNull())
      .addColumn('path', 'text', (c) => c.notNull())
      .addColumn('locale', 'text', (c) => c.notNull())
      .addColumn('views', 'integer', (c) => c.notNull())
      .addPrimaryKeyConstraint('site_visits_pk', ['region_id', 'day', 'path', 'locale'])
      .execute();
  },
};
