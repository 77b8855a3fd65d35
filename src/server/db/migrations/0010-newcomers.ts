import { sql } from 'kysely';
import type { FlytthitMigration } from './helpers.js';

/**
 * Newcomer hosting (newcomers module). Frozen once landed.
 *
 * - `newcomers`: a household registered by a host or by itself on the public site, with its
 *   consents (each with the time it was given), where it heard of the region, and a move away.
 *   `idempotency_key` is the public form's token: a double submit makes one registration.
 * - `newcomer_adults`: the household's adults, with a folded name key for matching prospects.
 * - `newcomer_matches`: a proposal that a registration is a campaign's prospect, for a host
 *   to confirm (the prospect is then recorded as moved in) or reject. Once per pair.
 * - `checklist_items`: a municipality's welcome checklist (the programme leader's template).
 * - `newcomer_tasks`: the checklist items of one newcomer, with due dates and who does them.
 */
export const newcomers: FlytthitMigration = {
  name: '0010-newcomers',
  async up({ db }) {
    await db.schema
      .createTable('newcomers')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('region_id', 'text', (c) => c.notNull().references('regions.id'))
      .addColumn('municipality_code', 'text', (c) => c.notNull())
      /** 'office' | 'self' */
      .addColumn('source', 'text', (c) => c.notNull())
      .addColumn('moved_from', 'text')
      .addColumn('moving_date', 'text', (c) => c.notNull())
      /** JSON array of birth years. */
      .addColumn('children_birth_years', 'text', (c) => c.notNull().defaultTo('[]'))
      /** JSON array: 'work' | 'family' | 'nature' | … */
      .addColumn('reasons', 'text', (c) => c.notNull().defaultTo('[]'))
      .addColumn('heard_via_channel', 'text')
      .addColumn('heard_via_campaign_id', 'text', (c) =>
        c.references('campaigns.id').onDelete('set null'),
      )
      .addColumn('consent_contact', 'integer', (c) => c.notNull().defaultTo(0))
      .addColumn('consent_contact_at', 'text')
      .addColumn('consent_check_ins', 'integer', (c) => c.notNull().defaultTo(0))
      .addColumn('consent_check_ins_at', 'text')
      .addColumn('consent_withdrawn_at', 'text')
      .addColumn('locale', 'text', (c) => c.notNull())
      .addColumn('notes', 'text')
      .addColumn('moved_away_on', 'text')
      /** 'host' | 'newcomer' */
      .addColumn('moved_away_source', 'text')
      /** A random code for the newcomer's own link ("we have moved away"). */
      .addColumn('link_code', 'text', (c) => c.notNull().unique())
      .addColumn('idempotency_key', 'text', (c) => c.unique())
      .addColumn('created_by', 'text', (c) => c.references('users.id').onDelete('set null'))
      .addColumn('created_at', 'text', (c) => c.notNull())
      .addColumn('updated_at', 'text', (c) => c.notNull())
      .execute();
    await db.schema
      .createIndex('newcomers_scope')
      .on('newcomers')
      .columns(['region_id', 'municipality_code', 'moving_date'])
      .execute();

    await db.schema
      .createTable('newcomer_adults')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('newcomer_id', 'text', (c) =>
        c.notNull().references('newcomers.id').onDelete('cascade'),
      )
      .addColumn('position', 'integer', (c) => c.notNull())
      .addColumn('name', 'text', (c) => c.notNull())
      .addColumn('name_key', 'text', (c) => c.notNull())
      .addColumn('birth_year', 'integer')
      .addColumn('email', 'text')
      .addColumn('phone_e164', 'text')
      .execute();
    await db.schema
      .createIndex('newcomer_adults_newcomer')
      .on('newcomer_adults')
      .column('newcomer_id')
      .execute();
    await db.schema
      .createIndex('newcomer_adults_email')
      .on('newcomer_adults')
      .column('email')
      .execute();
    await db.schema
      .createIndex('newcomer_adults_phone')
      .on('newcomer_adults')
      .column('phone_e164')
      .execute();

    await db.schema
      .createTable('newcomer_matches')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('newcomer_id', 'text', (c) =>
        c.notNull().references('newcomers.id').onDelete('cascade'),
      )
      .addColumn('prospect_id', 'text', (c) =>
        c.notNull().references('prospects.id').onDelete('cascade'),
      )
      /** JSON array: 'phone' | 'name' | 'household' */
      .addColumn('reasons', 'text', (c) => c.notNull())
      /** 'open' | 'confirmed' | 'rejected' */
      .addColumn('status', 'text', (c) => c.notNull())
      .addColumn('created_at', 'text', (c) => c.notNull())
      .addColumn('decided_at', 'text')
      .addColumn('decided_by', 'text', (c) => c.references('users.id').onDelete('set null'))
      .addUniqueConstraint('newcomer_matches_once', ['newcomer_id', 'prospect_id'])
      .addCheckConstraint(
        'newcomer_matches_status_known',
        sql`status in ('open', 'confirmed', 'rejected')`,
      )
      .execute();
    await db.schema
      .createIndex('newcomer_matches_prospect')
      .on('newcomer_matches')
      .column('prospect_id')
      .execute();

    await db.schema
      .createTable('checklist_items')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('region_id', 'text', (c) => c.notNull().references('regions.id'))
      .addColumn('municipality_code', 'text', (c) => c.notNull())
      .addColumn('position', 'integer', (c) => c.notNull())
      .addColumn('title', 'text', (c) => c.notNull())
      .addColumn('due_offset_days', 'integer', (c) => c.notNull())
      .addColumn('responsible_user_id', 'text', (c) =>
        c.references('users.id').onDelete('set null'),
      )
      .addColumn('removed_at', 'text')
      .addColumn('created_at', 'text', (c) => c.notNull())
      .addColumn('updated_at', 'text', (c) => c.notNull())
      .execute();
    await db.schema
      .createIndex('checklist_items_scope')
      .on('checklist_items')
      .columns(['region_id', 'municipality_code'])
      .execute();

    await db.schema
      .createTable('newcomer_tasks')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('newcomer_id', 'text', (c) =>
        c.notNull().references('newcomers.id').onDelete('cascade'),
      )
      .addColumn('region_id', 'text', (c) => c.notNull())
      .addColumn('municipality_code', 'text', (c) => c.notNull())
      .addColumn('item_id', 'text', (c) => c.references('checklist_items.id').onDelete('set null'))
      .addColumn('position', 'integer', (c) => c.notNull())
      .addColumn('title', 'text', (c) => c.notNull())
      .addColumn('due_on', 'text', (c) => c.notNull())
      .addColumn('responsible_user_id', 'text', (c) =>
        c.references('users.id').onDelete('set null'),
      )
      .addColumn('done_at', 'text')
      .addColumn('done_by', 'text', (c) => c.references('users.id').onDelete('set null'))
      .addUniqueConstraint('newcomer_tasks_once', ['newcomer_id', 'item_id'])
      .execute();
    await db.schema
      .createIndex('newcomer_tasks_due')
      .on('newcomer_tasks')
      .columns(['region_id', 'municipality_code', 'done_at', 'due_on'])
      .execute();
  },
};
