import { sql } from 'kysely';
import type { FlytthitMigration } from './helpers.js';

/**
 * The region's own pages and news, and newcomers' stories (content module). Frozen once landed.
 *
 * - `content_items`: a page or news item of a region, by slug. Its texts live in revisions:
 *   `current_revision` is the newest (the draft the office edits), `published_revision` the one
 *   visitors see (null: not published). Publishing never copies text, so nothing is lost.
 * - `content_revisions`: every saved version, numbered per item, with the Markdown title and
 *   body per language (null: not written in that language). Restoring adds a new revision.
 * - `content_images`: an image for pages and news, with its alt text per language (bokmål
 *   required) and its size; `content_image_files` its resized copies (WebP), one per width.
 * - `newcomer_stories`: a newcomer's own story (Markdown), shown on the site only while the
 *   person's recorded consent stands: when it was given and who recorded it. Goes with the
 *   newcomer (erasure, retention purge).
 */
export const content: FlytthitMigration = {
  name: '0019-content',
  async up({ db, dialect }) {
    const bytes = dialect === 'postgres' ? 'bytea' : 'blob';
    await db.schema
      .createTable('content_items')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('region_id', 'text', (c) => c.notNull().references('regions.id'))
      .addColumn('kind', 'text', (c) => c.notNull())
      .addColumn('slug', 'text', (c) => c.notNull())
      .addColumn('current_revision', 'integer', (c) => c.notNull())
      .addColumn('published_revision', 'integer')
      .addColumn('first_published_at', 'text')
      .addColumn('published_at', 'text')
      .addColumn('created_by', 'text', (c) => c.references('users.id').onDelete('set null'))
      .addColumn('created_at', 'text', (c) => c.notNull())
      .addColumn('updated_at', 'text', (c) => c.notNull())
      .addUniqueConstraint('content_items_slug', ['region_id', 'kind', 'slug'])
      .addCheckConstraint('content_items_kind_known', sql`kind in ('page', 'news')`)
      .execute();

    await db.schema
      .createTable('content_revisions')
      .addColumn('item_id', 'text', (c) =>
        c.notNull().references('content_items.id').onDelete('cascade'),
      )
      .addColumn('number', 'integer', (c) => c.notNull())
      .addColumn('title_nb', 'text')
      .addColumn('body_nb', 'text')
      .addColumn('title_nn', 'text')
      .addColumn('body_nn', 'text')
      .addColumn('title_en', 'text')
      .addColumn('body_en', 'text')
      .addColumn('restored_from', 'integer')
      .addColumn('created_by', 'text', (c) => c.references('users.id').onDelete('set null'))
      .addColumn('created_at', 'text', (c) => c.notNull())
      .addPrimaryKeyConstraint('content_revisions_pk', ['item_id', 'number'])
      .execute();

    await db.schema
      .createTable('content_images')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('region_id', 'text', (c) => c.notNull().references('regions.id'))
      .addColumn('alt_nb', 'text', (c) => c.notNull())
      .addColumn('alt_nn', 'text')
      .addColumn('alt_en', 'text')
      .addColumn('width', 'integer', (c) => c.notNull())
      .addColumn('height', 'integer', (c) => c.notNull())
      /** The widest copy made (the original's width, at most the largest size served). */
      .addColumn('max_width', 'integer', (c) => c.notNull())
      .addColumn('created_by', 'text', (c) => c.references('users.id').onDelete('set null'))
      .addColumn('created_at', 'text', (c) => c.notNull())
      .execute();
    await db.schema
      .createTable('content_image_files')
      .addColumn('image_id', 'text', (c) =>
        c.notNull().references('content_images.id').onDelete('cascade'),
      )
      .addColumn('width', 'integer', (c) => c.notNull())
      .addColumn('content_type', 'text', (c) => c.notNull())
      .addColumn('bytes', bytes, (c) => c.notNull())
      .addPrimaryKeyConstraint('content_image_files_pk', ['image_id', 'width'])
      .execute();

    await db.schema
      .createTable('newcomer_stories')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('region_id', 'text', (c) => c.notNull().references('regions.id'))
      .addColumn('newcomer_id', 'text', (c) =>
        c.notNull().references('newcomers.id').onDelete('cascade'),
      )
      .addColumn('locale', 'text', (c) => c.notNull())
      .addColumn('title', 'text', (c) => c.notNull())
      .addColumn('body', 'text', (c) => c.notNull())
      /** YYYY-MM-DD: the day the person gave consent to publishing. */
      .addColumn('consent_given_on', 'text')
      .addColumn('consent_recorded_by', 'text', (c) =>
        c.references('users.id').onDelete('set null'),
      )
      .addColumn('consent_recorded_at', 'text')
      .addColumn('consent_withdrawn_at', 'text')
      .addColumn('published_at', 'text')
      .addColumn('created_by', 'text', (c) => c.references('users.id').onDelete('set null'))
      .addColumn('created_at', 'text', (c) => c.notNull())
      .addColumn('updated_at', 'text', (c) => c.notNull())
      .execute();
    await db.schema
      .createIndex('newcomer_stories_newcomer')
      .on('newcomer_stories')
      .column('newcomer_id')
      .execute();
  },
};
