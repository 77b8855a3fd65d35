import { sql } from 'kysely';
import type { FlytthitMigration } from './helpers.js';

/**
 * Employers and «Start Her» (business module). Frozen once landed.
 *
 * - `employer_imports`: one row per Enhetsregisteret file imported, with its counts.
 * - `employers`: the region's organisations from Enhetsregisteret (public register data),
 *   one per region and org.nr, with the «Vis fram jobbene!» outreach status and a contact
 *   person (personal data, classified and erasable).
 * - `employer_outreach_changes`: each status change, so the last can be undone.
 * - `entrepreneur_inquiries`: «Start Her» inquiries from the public form and their pipeline.
 *   Erasure and retention blank the person's fields but keep stage, municipality and date,
 *   so the count of businesses established stays true.
 * - `entrepreneur_stage_changes`: each stage change, so the last can be undone.
 * - `entrepreneur_tasks`: follow-up tasks with due dates.
 */
export const business: FlytthitMigration = {
  name: '0016-business',
  async up({ db }) {
    await db.schema
      .createTable('employer_imports')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('region_id', 'text', (c) => c.notNull())
      .addColumn('file_name', 'text', (c) => c.notNull())
      .addColumn('format', 'text', (c) => c.notNull())
      .addColumn('content_hash', 'text', (c) => c.notNull())
      .addColumn('rows_read', 'integer', (c) => c.notNull())
      .addColumn('rows_in_region', 'integer', (c) => c.notNull())
      .addColumn('added', 'integer', (c) => c.notNull())
      .addColumn('updated', 'integer', (c) => c.notNull())
      .addColumn('unchanged', 'integer', (c) => c.notNull())
      .addColumn('bad_rows', 'integer', (c) => c.notNull())
      .addColumn('imported_at', 'text', (c) => c.notNull())
      .addColumn('imported_by', 'text')
      .execute();

    await db.schema
      .createTable('employers')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('region_id', 'text', (c) => c.notNull())
      .addColumn('org_number', 'text', (c) => c.notNull())
      .addColumn('name', 'text', (c) => c.notNull())
      .addColumn('organisation_form', 'text')
      .addColumn('nace_code', 'text')
      .addColumn('nace_description', 'text')
      .addColumn('nace_section', 'text')
      .addColumn('employees', 'integer')
      .addColumn('municipality_code', 'text', (c) => c.notNull())
      .addColumn('address_line', 'text')
      .addColumn('postcode', 'text')
      .addColumn('city', 'text')
      .addColumn('bankrupt', 'integer', (c) => c.notNull().defaultTo(0))
      .addColumn('winding_up', 'integer', (c) => c.notNull().defaultTo(0))
      .addColumn('deleted_on', 'text')
      .addColumn('source_hash', 'text', (c) => c.notNull())
      .addColumn('import_id', 'text', (c) => c.notNull())
      .addColumn('outreach_status', 'text', (c) => c.notNull().defaultTo('not_contacted'))
      .addColumn('outreach_notes', 'text')
      .addColumn('contact_name', 'text')
      .addColumn('contact_email', 'text')
      .addColumn('contact_phone', 'text')
      .addColumn('contact_updated_at', 'text')
      .addColumn('survey_wave_sent', 'text')
      .addColumn('created_at', 'text', (c) => c.notNull())
      .addColumn('updated_at', 'text', (c) => c.notNull())
      .addUniqueConstraint('employers_region_org_once', ['region_id', 'org_number'])
      .addCheckConstraint(
        'employers_outreach_known',
        sql`outreach_status in ('not_contacted', 'contacted', 'agreed', 'posted', 'declined')`,
      )
      .execute();
    await db.schema
      .createIndex('employers_region_municipality')
      .on('employers')
      .columns(['region_id', 'municipality_code'])
      .execute();

    await db.schema
      .createTable('employer_outreach_changes')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('employer_id', 'text', (c) =>
        c.notNull().references('employers.id').onDelete('cascade'),
      )
      .addColumn('from_status', 'text', (c) => c.notNull())
      .addColumn('to_status', 'text', (c) => c.notNull())
      /** Order of the changes of one employer (times can tie within a millisecond). */
      .addColumn('seq', 'integer', (c) => c.notNull())
      .addColumn('changed_at', 'text', (c) => c.notNull())
      .addColumn('changed_by', 'text')
      .addColumn('undone_at', 'text')
      .execute();
    await db.schema
      .createIndex('employer_outreach_changes_employer')
      .on('employer_outreach_changes')
      .columns(['employer_id', 'seq'])
      .unique()
      .execute();

    await db.schema
      .createTable('entrepreneur_inquiries')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('region_id', 'text', (c) => c.notNull())
      .addColumn('municipality_code', 'text', (c) => c.notNull())
      .addColumn('submit_key', 'text', (c) => c.unique())
      .addColumn('name', 'text')
      .addColumn('email', 'text')
      .addColumn('phone_e164', 'text')
      .addColumn('idea', 'text')
      .addColumn('industry', 'text', (c) => c.notNull())
      .addColumn('stage', 'text', (c) => c.notNull())
      .addColumn('help_needed', 'text', (c) => c.notNull().defaultTo('[]'))
      .addColumn('consent_at', 'text')
      .addColumn('locale', 'text', (c) => c.notNull())
      .addColumn('pipeline_stage', 'text', (c) => c.notNull().defaultTo('new'))
      .addColumn('advisor_org', 'text')
      .addColumn('advisor_user_id', 'text', (c) => c.references('users.id').onDelete('set null'))
      .addColumn('notes', 'text')
      .addColumn('established_on', 'text')
      .addColumn('closed_at', 'text')
      .addColumn('erased_at', 'text')
      .addColumn('created_at', 'text', (c) => c.notNull())
      .addColumn('updated_at', 'text', (c) => c.notNull())
      .addCheckConstraint(
        'entrepreneur_pipeline_known',
        sql`pipeline_stage in ('new', 'contacted', 'advising', 'established', 'dropped')`,
      )
      .execute();
    await db.schema
      .createIndex('entrepreneur_inquiries_region')
      .on('entrepreneur_inquiries')
      .columns(['region_id', 'municipality_code', 'pipeline_stage'])
      .execute();

    await db.schema
      .createTable('entrepreneur_stage_changes')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('inquiry_id', 'text', (c) =>
        c.notNull().references('entrepreneur_inquiries.id').onDelete('cascade'),
      )
      .addColumn('from_stage', 'text', (c) => c.notNull())
      .addColumn('to_stage', 'text', (c) => c.notNull())
      .addColumn('from_established_on', 'text')
      .addColumn('seq', 'integer', (c) => c.notNull())
      .addColumn('changed_at', 'text', (c) => c.notNull())
      .addColumn('changed_by', 'text')
      .addColumn('undone_at', 'text')
      .addUniqueConstraint('entrepreneur_stage_changes_seq_once', ['inquiry_id', 'seq'])
      .execute();

    await db.schema
      .createTable('entrepreneur_tasks')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('inquiry_id', 'text', (c) =>
        c.notNull().references('entrepreneur_inquiries.id').onDelete('cascade'),
      )
      .addColumn('title', 'text', (c) => c.notNull())
      .addColumn('due_on', 'text', (c) => c.notNull())
      .addColumn('status', 'text', (c) => c.notNull().defaultTo('open'))
      .addColumn('created_at', 'text', (c) => c.notNull())
      .addColumn('created_by', 'text')
      .addColumn('done_at', 'text')
      .execute();
    await db.schema
      .createIndex('entrepreneur_tasks_inquiry')
      .on('entrepreneur_tasks')
      .column('inquiry_id')
      .execute();
  },
};
