import { sql } from 'kysely';
import type { FlytthitMigration } from './helpers.js';

/**
 * The calling day and what follows (calling and followup modules). Frozen once landed.
 *
 * - `claims`: a caller holds one prospect for a lease; at most one open claim per prospect
 *   (a partial unique index), so two callers can never get the same person.
 * - `calls`: each recorded call outcome (from the calling screen or entered from paper). The
 *   row outlives an erased prospect with its personal fields nulled, so counts stay true.
 * - `follow_up_tasks`: what a host does after an interested call.
 * - prospects gain their place in the calling pool and in the pipeline.
 * - campaigns gain their calling hours; tips the tipper's wish to hear how it went.
 */
export const calling: FlytthitMigration = {
  name: '0007-calling',
  async up({ db }) {
    await db.schema
      .createTable('claims')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('campaign_id', 'text', (c) => c.notNull().references('campaigns.id'))
      .addColumn('region_id', 'text', (c) => c.notNull())
      .addColumn('municipality_code', 'text', (c) => c.notNull())
      .addColumn('prospect_id', 'text', (c) =>
        c.notNull().references('prospects.id').onDelete('cascade'),
      )
      .addColumn('caller_id', 'text', (c) => c.notNull().references('users.id').onDelete('cascade'))
      .addColumn('claimed_at', 'text', (c) => c.notNull())
      .addColumn('expires_at', 'text', (c) => c.notNull())
      .addColumn('closed_at', 'text')
      /** 'outcome' | 'expired' | 'released' */
      .addColumn('close_reason', 'text')
      .execute();
    await db.schema
      .createIndex('claims_open_once')
      .on('claims')
      .column('prospect_id')
      .unique()
      .where(sql.ref('closed_at'), 'is', null)
      .execute();
    await db.schema
      .createIndex('claims_pool')
      .on('claims')
      .columns(['campaign_id', 'municipality_code', 'closed_at'])
      .execute();
    await db.schema.createIndex('claims_caller').on('claims').column('caller_id').execute();

    await db.schema
      .createTable('calls')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('campaign_id', 'text', (c) => c.notNull().references('campaigns.id'))
      .addColumn('region_id', 'text', (c) => c.notNull())
      .addColumn('municipality_code', 'text', (c) => c.notNull())
      .addColumn('prospect_id', 'text', (c) => c.references('prospects.id').onDelete('set null'))
      .addColumn('claim_id', 'text', (c) => c.unique())
      .addColumn('caller_id', 'text', (c) => c.references('users.id').onDelete('set null'))
      /** 'interested' | 'not_now' | 'not_interested' | 'no_answer' | 'wrong_number' | 'call_back' | 'opt_out' */
      .addColumn('outcome', 'text', (c) => c.notNull())
      .addColumn('notes', 'text')
      .addColumn('interests', 'text', (c) => c.notNull().defaultTo('[]'))
      .addColumn('call_back_at', 'text')
      .addColumn('called_at', 'text', (c) => c.notNull())
      .addColumn('recorded_at', 'text', (c) => c.notNull())
      .addColumn('recorded_by', 'text', (c) => c.notNull())
      /** 'screen' | 'paper' */
      .addColumn('source', 'text', (c) => c.notNull())
      .addColumn('idempotency_key', 'text')
      .addUniqueConstraint('calls_idempotency_once', ['recorded_by', 'idempotency_key'])
      .addCheckConstraint(
        'calls_outcome_known',
        sql`outcome in ('interested', 'not_now', 'not_interested', 'no_answer', 'wrong_number', 'call_back', 'opt_out')`,
      )
      .execute();
    await db.schema
      .createIndex('calls_progress')
      .on('calls')
      .columns(['campaign_id', 'municipality_code'])
      .execute();
    await db.schema.createIndex('calls_prospect').on('calls').column('prospect_id').execute();

    await db.schema
      .createTable('follow_up_tasks')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('campaign_id', 'text', (c) => c.notNull().references('campaigns.id'))
      .addColumn('region_id', 'text', (c) => c.notNull())
      .addColumn('municipality_code', 'text', (c) => c.notNull())
      .addColumn('prospect_id', 'text', (c) =>
        c.notNull().references('prospects.id').onDelete('cascade'),
      )
      .addColumn('call_id', 'text', (c) => c.references('calls.id').onDelete('set null'))
      /** 'send_jobs' | 'send_housing' | 'send_kindergarten_school' | 'business_advice' | 'invite_visit' | 'invite_event' | 'other' */
      .addColumn('kind', 'text', (c) => c.notNull())
      /** 'open' | 'done' | 'cancelled' */
      .addColumn('status', 'text', (c) => c.notNull())
      .addColumn('due_on', 'text', (c) => c.notNull())
      .addColumn('assignee_id', 'text', (c) => c.references('users.id').onDelete('set null'))
      .addColumn('notes', 'text')
      .addColumn('created_at', 'text', (c) => c.notNull())
      .addColumn('done_at', 'text')
      .addColumn('done_by', 'text')
      .addUniqueConstraint('follow_up_tasks_once', ['prospect_id', 'call_id', 'kind'])
      .execute();
    await db.schema
      .createIndex('follow_up_tasks_scope')
      .on('follow_up_tasks')
      .columns(['region_id', 'municipality_code', 'status'])
      .execute();

    // The calling pool and the pipeline, on the prospect.
    for (const [column, type] of [
      ['next_call_at', 'text'],
      ['calling_closed_at', 'text'],
      ['call_attempts', 'integer'],
      ['last_outcome', 'text'],
      ['first_called_at', 'text'],
      ['reached_at', 'text'],
      ['interested_at', 'text'],
      ['visiting_at', 'text'],
      ['moved_in_on', 'text'],
      ['moved_in_municipality_code', 'text'],
      ['settled_at', 'text'],
      ['tipper_thanked_at', 'text'],
    ] as const) {
      await db.schema
        .alterTable('prospects')
        .addColumn(column, type, (c) => (column === 'call_attempts' ? c.notNull().defaultTo(0) : c))
        .execute();
    }
    await db.schema
      .createIndex('prospects_calling_pool')
      .on('prospects')
      .columns(['campaign_id', 'municipality_code', 'calling_closed_at', 'next_call_at'])
      .execute();

    /** JSON `{ days: [1..7], from: 'HH:MM', to: 'HH:MM' }`; null: weekdays 09:00–21:00. */
    await db.schema.alterTable('campaigns').addColumn('calling_hours', 'text').execute();
    await db.schema
      .alterTable('tips')
      .addColumn('tipper_wants_news', 'integer', (c) => c.notNull().defaultTo(0))
      .execute();
  },
};
