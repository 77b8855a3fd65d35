import { sql } from 'kysely';
import type { FlytthitMigration } from './helpers.js';

/**
 * The survey engine (surveys module). Frozen once landed.
 *
 * - `survey_invitations`: who is asked what, when, by which link (only its hash), and where
 *   the invitation stands. Personal (an email address); deleted after its retention period.
 * - `survey_responses`: the answers, with no reference to an invitation or a person; only the
 *   group dimensions reports need, and the quarter of answering (never a time of day).
 * - `survey_settings`: per region, the check-in waves (months after moving in).
 */
export const surveys: FlytthitMigration = {
  name: '0011-surveys',
  async up({ db }) {
    await db.schema
      .createTable('survey_invitations')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('region_id', 'text', (c) => c.notNull().references('regions.id'))
      .addColumn('municipality_code', 'text')
      .addColumn('survey_key', 'text', (c) => c.notNull())
      .addColumn('wave', 'text', (c) => c.notNull())
      .addColumn('campaign_id', 'text')
      .addColumn('email', 'text', (c) => c.notNull())
      .addColumn('locale', 'text', (c) => c.notNull())
      .addColumn('subject_ref', 'text', (c) => c.notNull())
      .addColumn('token_hash', 'text', (c) => c.unique())
      .addColumn('reminder_token_hash', 'text', (c) => c.unique())
      .addColumn('send_at', 'text', (c) => c.notNull())
      .addColumn('sent_at', 'text')
      .addColumn('reminded_at', 'text')
      .addColumn('expires_at', 'text')
      .addColumn('answered_at', 'text')
      .addColumn('cancelled_at', 'text')
      .addColumn('created_at', 'text', (c) => c.notNull())
      .addUniqueConstraint('survey_invitations_once', ['subject_ref', 'survey_key', 'wave'])
      .addCheckConstraint('survey_invitations_locale', sql`locale in ('nb', 'nn', 'en')`)
      .execute();
    await db.schema
      .createIndex('survey_invitations_due')
      .on('survey_invitations')
      .columns(['sent_at', 'send_at'])
      .execute();
    await db.schema
      .createIndex('survey_invitations_email')
      .on('survey_invitations')
      .column('email')
      .execute();

    await db.schema
      .createTable('survey_responses')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('survey_key', 'text', (c) => c.notNull())
      .addColumn('definition_version', 'integer', (c) => c.notNull())
      .addColumn('region_id', 'text', (c) => c.notNull().references('regions.id'))
      .addColumn('municipality_code', 'text')
      .addColumn('wave', 'text', (c) => c.notNull())
      .addColumn('campaign_id', 'text')
      /** The quarter of answering, e.g. 2026K4 (SSB's spelling, as the statistics use). */
      .addColumn('period', 'text', (c) => c.notNull())
      .addColumn('answers', 'text', (c) => c.notNull())
      .execute();
    await db.schema
      .createIndex('survey_responses_report')
      .on('survey_responses')
      .columns(['region_id', 'survey_key', 'period'])
      .execute();

    await db.schema
      .createTable('survey_settings')
      .addColumn('region_id', 'text', (c) => c.primaryKey().references('regions.id'))
      /** JSON array of months after moving in, e.g. [3, 12]. */
      .addColumn('check_in_months', 'text', (c) => c.notNull())
      .addColumn('updated_at', 'text', (c) => c.notNull())
      .addColumn('updated_by', 'text')
      .execute();
  },
};
