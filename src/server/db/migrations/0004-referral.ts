import { sql } from 'kysely';
import type { FlytthitMigration } from './helpers.js';

/**
 * «Savner du noen?»: campaigns, tips, prospects (households) with their tips, duplicate
 * proposals, opt-out suppressions and postcard batches. Frozen once landed.
 *
 * Personal data lives in `tips` (as given) and `prospects` (the merged household); an
 * opt-out erases both and leaves only salted hashes in `suppressions`.
 */
export const referral: FlytthitMigration = {
  name: '0004-referral',
  async up({ db, dialect }) {
    const bytes = dialect === 'postgres' ? 'bytea' : 'blob';

    await db.schema
      .createTable('campaigns')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('region_id', 'text', (c) => c.notNull().references('regions.id'))
      .addColumn('slug', 'text', (c) => c.notNull())
      .addColumn('name', 'text', (c) => c.notNull())
      .addColumn('kind', 'text', (c) => c.notNull())
      .addColumn('status', 'text', (c) => c.notNull())
      .addColumn('starts_on', 'text', (c) => c.notNull())
      .addColumn('ends_on', 'text', (c) => c.notNull())
      .addColumn('calling_days', 'text', (c) => c.notNull().defaultTo('[]'))
      .addColumn('texts', 'text', (c) => c.notNull().defaultTo('{}'))
      .addColumn('postcard_message', 'text', (c) => c.notNull().defaultTo(''))
      .addColumn('postcard_locale', 'text', (c) => c.notNull().defaultTo('nb'))
      .addColumn('call_script', 'text', (c) => c.notNull().defaultTo(''))
      .addColumn('targets', 'text', (c) => c.notNull().defaultTo('{}'))
      .addColumn('front_image', bytes)
      .addColumn('front_image_type', 'text')
      .addColumn('created_by', 'text')
      .addColumn('created_at', 'text', (c) => c.notNull())
      .addColumn('updated_at', 'text', (c) => c.notNull())
      .addUniqueConstraint('campaigns_slug_once', ['region_id', 'slug'])
      .addCheckConstraint(
        'campaigns_kind_known',
        sql`kind in ('referral', 'job_showcase', 'start_up', 'event_series')`,
      )
      .addCheckConstraint('campaigns_status_known', sql`status in ('draft', 'open', 'closed')`)
      .execute();

    await db.schema
      .createTable('prospects')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('campaign_id', 'text', (c) => c.notNull().references('campaigns.id'))
      .addColumn('region_id', 'text', (c) => c.notNull().references('regions.id'))
      .addColumn('municipality_code', 'text', (c) => c.notNull())
      .addColumn('name', 'text', (c) => c.notNull())
      .addColumn('household', 'text')
      .addColumn('phone_e164', 'text')
      .addColumn('address_line', 'text')
      .addColumn('postcode', 'text')
      .addColumn('city', 'text')
      .addColumn('name_key', 'text', (c) => c.notNull())
      .addColumn('surname_key', 'text', (c) => c.notNull())
      .addColumn('address_key', 'text')
      .addColumn('phone_hash', 'text')
      .addColumn('name_address_hash', 'text')
      .addColumn('opt_out_code', 'text', (c) => c.notNull().unique())
      .addColumn('first_tipped_at', 'text', (c) => c.notNull())
      .addColumn('carded_at', 'text')
      .addColumn('released_at', 'text')
      .addColumn('created_at', 'text', (c) => c.notNull())
      .addColumn('updated_at', 'text', (c) => c.notNull())
      .execute();
    for (const [name, columns] of [
      ['prospects_scope', ['region_id', 'municipality_code']],
      ['prospects_campaign_phone', ['campaign_id', 'phone_e164']],
      ['prospects_campaign_name', ['campaign_id', 'name_key']],
      ['prospects_campaign_surname', ['campaign_id', 'surname_key']],
      ['prospects_phone_hash', ['phone_hash']],
      ['prospects_name_address_hash', ['name_address_hash']],
    ] as const) {
      await db.schema
        .createIndex(name)
        .on('prospects')
        .columns([...columns])
        .execute();
    }

    await db.schema
      .createTable('tips')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('campaign_id', 'text', (c) => c.notNull().references('campaigns.id'))
      .addColumn('region_id', 'text', (c) => c.notNull().references('regions.id'))
      .addColumn('municipality_code', 'text', (c) => c.notNull())
      .addColumn('idempotency_key', 'text', (c) => c.notNull())
      .addColumn('tipper_name', 'text', (c) => c.notNull())
      .addColumn('tipper_email', 'text')
      .addColumn('tipper_phone', 'text')
      .addColumn('tipper_municipality_code', 'text')
      .addColumn('tipper_may_be_named', 'integer', (c) => c.notNull())
      .addColumn('welcome_confirmed', 'integer', (c) => c.notNull())
      .addColumn('person_name', 'text')
      .addColumn('person_phone', 'text')
      .addColumn('person_address_line', 'text')
      .addColumn('person_postcode', 'text')
      .addColumn('person_city', 'text')
      .addColumn('person_lives_now', 'text')
      .addColumn('person_connection', 'text')
      .addColumn('person_household', 'text')
      .addColumn('person_reason', 'text')
      .addColumn('source', 'text', (c) => c.notNull())
      .addColumn('purpose', 'text', (c) => c.notNull())
      .addColumn('legal_basis', 'text', (c) => c.notNull())
      .addColumn('inform_by', 'text', (c) => c.notNull())
      .addColumn('locale', 'text', (c) => c.notNull())
      .addColumn('created_at', 'text', (c) => c.notNull())
      .addColumn('erased_at', 'text')
      .addUniqueConstraint('tips_idempotency_once', ['campaign_id', 'idempotency_key'])
      .execute();

    await db.schema
      .createTable('prospect_tips')
      .addColumn('tip_id', 'text', (c) => c.primaryKey().references('tips.id').onDelete('cascade'))
      .addColumn('prospect_id', 'text', (c) =>
        c.notNull().references('prospects.id').onDelete('cascade'),
      )
      .addColumn('linked_at', 'text', (c) => c.notNull())
      .execute();
    await db.schema
      .createIndex('prospect_tips_prospect')
      .on('prospect_tips')
      .column('prospect_id')
      .execute();

    await db.schema
      .createTable('duplicate_proposals')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('campaign_id', 'text', (c) => c.notNull().references('campaigns.id'))
      .addColumn('left_prospect_id', 'text', (c) =>
        c.notNull().references('prospects.id').onDelete('cascade'),
      )
      .addColumn('right_prospect_id', 'text', (c) =>
        c.notNull().references('prospects.id').onDelete('cascade'),
      )
      .addColumn('reason', 'text', (c) => c.notNull())
      .addColumn('status', 'text', (c) => c.notNull())
      .addColumn('created_at', 'text', (c) => c.notNull())
      .addColumn('decided_at', 'text')
      .addColumn('decided_by', 'text')
      .addUniqueConstraint('duplicate_proposals_once', ['left_prospect_id', 'right_prospect_id'])
      .execute();

    await db.schema
      .createTable('suppressions')
      .addColumn('hash', 'text', (c) => c.primaryKey())
      .addColumn('kind', 'text', (c) => c.notNull())
      .addColumn('created_at', 'text', (c) => c.notNull())
      .execute();

    await db.schema
      .createTable('postcard_batches')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('campaign_id', 'text', (c) => c.notNull().references('campaigns.id'))
      .addColumn('region_id', 'text', (c) => c.notNull().references('regions.id'))
      .addColumn('created_by', 'text')
      .addColumn('created_at', 'text', (c) => c.notNull())
      .addColumn('sent_at', 'text')
      .addColumn('sent_by', 'text')
      .execute();

    await db.schema
      .createTable('postcard_batch_items')
      .addColumn('batch_id', 'text', (c) =>
        c.notNull().references('postcard_batches.id').onDelete('cascade'),
      )
      .addColumn('prospect_id', 'text', (c) =>
        c.notNull().references('prospects.id').onDelete('cascade'),
      )
      .addColumn('position', 'integer', (c) => c.notNull())
      .addPrimaryKeyConstraint('postcard_batch_items_pk', ['batch_id', 'prospect_id'])
      .execute();
    await db.schema
      .createIndex('postcard_batch_items_prospect')
      .on('postcard_batch_items')
      .column('prospect_id')
      .execute();
  },
};
