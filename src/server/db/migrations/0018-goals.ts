import { sql } from 'kysely';
import type { FlytthitMigration } from './helpers.js';

/**
 * Programme goals and the media log. Frozen once landed.
 *
 * `goal_programmes`: one row per region; the programme (main goal, phases, sub-goals and
 * their indicators) as one JSON document, because it is small and always edited and read as
 * a whole (ADR 0013).
 * `media_entries`: published media coverage of the region (outlet, level, link, reach, tone),
 * entered by staff for the national-attention sub-goal. No personal data.
 */
export const goals: FlytthitMigration = {
  name: '0018-goals',
  async up({ db }) {
    await db.schema
      .createTable('goal_programmes')
      .addColumn('region_id', 'text', (c) => c.primaryKey().references('regions.id'))
      .addColumn('document', 'text', (c) => c.notNull())
      .addColumn('updated_at', 'text', (c) => c.notNull())
      .addColumn('updated_by', 'text')
      .execute();

    await db.schema
      .createTable('media_entries')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('region_id', 'text', (c) => c.notNull().references('regions.id'))
      .addColumn('published_on', 'text', (c) => c.notNull())
      .addColumn('outlet', 'text', (c) => c.notNull())
      .addColumn('level', 'text', (c) => c.notNull())
      .addColumn('url', 'text', (c) => c.notNull())
      .addColumn('reach', 'integer')
      .addColumn('tone', 'text', (c) => c.notNull())
      .addColumn('title', 'text', (c) => c.notNull())
      .addColumn('created_by', 'text')
      .addColumn('created_at', 'text', (c) => c.notNull())
      .addColumn('updated_at', 'text', (c) => c.notNull())
      .addCheckConstraint(
        'media_entries_level_known',
        sql`level in ('national', 'regional', 'local')`,
      )
      .addCheckConstraint(
        'media_entries_tone_known',
        sql`tone in ('positive', 'neutral', 'negative')`,
      )
      .execute();
    await db.schema
      .createIndex('media_entries_region_day')
      .on('media_entries')
      .columns(['region_id', 'published_on'])
      .execute();
  },
};
