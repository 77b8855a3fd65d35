import { sql } from 'kysely';
import type { FlytthitMigration, MigrationContext } from './helpers.js';

const ROLES_BEFORE = "('admin', 'programme_leader', 'host', 'caller')";
const ROLES_AFTER = "('admin', 'programme_leader', 'host', 'caller', 'organiser')";

/**
 * Lets `users.role` be 'organiser'. PostgreSQL swaps the check; SQLite cannot alter a check,
 * so the table is rebuilt the way SQLite documents (foreign keys off, copy, drop, rename,
 * check). Kysely runs SQLite migrations outside a transaction, so the pragma takes effect.
 */
async function allowOrganiserRole({ db, dialect }: MigrationContext): Promise<void> {
  if (dialect === 'postgres') {
    await sql`alter table users drop constraint users_role_known`.execute(db);
    await sql
      .raw(`alter table users add constraint users_role_known check (role in ${ROLES_AFTER})`)
      .execute(db);
    return;
  }
  const rows = await sql<{ type: string; sql: string | null }>`
    select type, sql from sqlite_master where tbl_name = 'users' and type in ('table', 'index', 'trigger')
  `.execute(db);
  const table = rows.rows.find((r) => r.type === 'table')?.sql ?? '';
  if (!table.includes(ROLES_BEFORE)) throw new Error('users table is not as 0001 made it');
  const created = table
    .replace(ROLES_BEFORE, ROLES_AFTER)
    .replace(/^CREATE TABLE\s+("users"|users)/i, 'CREATE TABLE "users_0012"');
  const extras = rows.rows.filter((r) => r.type !== 'table' && r.sql).map((r) => r.sql!);
  await sql`pragma foreign_keys = off`.execute(db);
  try {
    await sql`begin`.execute(db);
    await sql.raw(created).execute(db);
    await sql`insert into users_0012 select * from users`.execute(db);
    await sql`drop table users`.execute(db);
    await sql`alter table users_0012 rename to users`.execute(db);
    for (const statement of extras) await sql.raw(statement).execute(db);
    const broken = await sql`pragma foreign_key_check`.execute(db);
    if (broken.rows.length) throw new Error('foreign keys broken by the users rebuild');
    await sql`commit`.execute(db);
  } catch (error) {
    await sql`rollback`.execute(db).catch(() => {});
    throw error;
  } finally {
    await sql`pragma foreign_keys = on`.execute(db);
  }
}

/**
 * Meeting places and events (events module). Frozen once landed.
 *
 * - `event_organisers`: who runs events (the programme, a municipality, a volunteer centre);
 *   `event_organiser_members` ties an organiser user to one of them.
 * - `events`: texts per language as JSON `{ nb, nn?, en? }`; times ISO UTC; capacity null is
 *   unlimited.
 * - `event_registrations`: a person's seats, confirmed or on the waiting list; the personal
 *   cancel link is stored only as its sha256. Name and email are anonymised after the event.
 * - `event_invitations`: who was invited, by a hash of their email, so nobody gets two.
 */
export const events: FlytthitMigration = {
  name: '0012-events',
  async up(ctx) {
    const { db } = ctx;
    await allowOrganiserRole(ctx);

    await db.schema
      .createTable('event_organisers')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('region_id', 'text', (c) => c.notNull().references('regions.id'))
      .addColumn('name', 'text', (c) => c.notNull())
      /** 'programme' | 'municipality' | 'volunteer_centre' */
      .addColumn('kind', 'text', (c) => c.notNull())
      .addColumn('created_at', 'text', (c) => c.notNull())
      .addUniqueConstraint('event_organisers_name_once', ['region_id', 'name'])
      .addCheckConstraint(
        'event_organisers_kind_known',
        sql`kind in ('programme', 'municipality', 'volunteer_centre')`,
      )
      .execute();

    await db.schema
      .createTable('event_organiser_members')
      .addColumn('user_id', 'text', (c) =>
        c.primaryKey().references('users.id').onDelete('cascade'),
      )
      .addColumn('organiser_id', 'text', (c) =>
        c.notNull().references('event_organisers.id').onDelete('cascade'),
      )
      .addColumn('created_at', 'text', (c) => c.notNull())
      .execute();

    await db.schema
      .createTable('events')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('region_id', 'text', (c) => c.notNull().references('regions.id'))
      .addColumn('organiser_id', 'text', (c) => c.notNull().references('event_organisers.id'))
      .addColumn('municipality_code', 'text', (c) => c.notNull())
      .addColumn('title', 'text', (c) => c.notNull())
      .addColumn('description', 'text', (c) => c.notNull())
      .addColumn('place', 'text', (c) => c.notNull())
      .addColumn('starts_at', 'text', (c) => c.notNull())
      .addColumn('ends_at', 'text', (c) => c.notNull())
      .addColumn('capacity', 'integer')
      .addColumn('registration_open', 'integer', (c) => c.notNull().defaultTo(1))
      /** 'draft' | 'published' */
      .addColumn('status', 'text', (c) => c.notNull())
      .addColumn('cancelled_at', 'text')
      .addColumn('created_by', 'text')
      .addColumn('created_at', 'text', (c) => c.notNull())
      .addColumn('updated_at', 'text', (c) => c.notNull())
      .addCheckConstraint('events_status_known', sql`status in ('draft', 'published')`)
      .addCheckConstraint('events_capacity_positive', sql`capacity is null or capacity > 0`)
      .execute();
    await db.schema
      .createIndex('events_calendar')
      .on('events')
      .columns(['region_id', 'starts_at'])
      .execute();

    await db.schema
      .createTable('event_registrations')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('event_id', 'text', (c) => c.notNull().references('events.id').onDelete('cascade'))
      .addColumn('region_id', 'text', (c) => c.notNull())
      .addColumn('name', 'text')
      .addColumn('email', 'text')
      /** Lower-cased email, to find a person's registrations; null once anonymised. */
      .addColumn('email_key', 'text')
      .addColumn('seats', 'integer', (c) => c.notNull())
      /** Order of arrival within the event (first come, first served), given under its lock. */
      .addColumn('queue_no', 'integer', (c) => c.notNull())
      /** 'confirmed' | 'waiting' | 'cancelled' */
      .addColumn('status', 'text', (c) => c.notNull())
      .addColumn('wants_reminder', 'integer', (c) => c.notNull().defaultTo(0))
      .addColumn('token_hash', 'text', (c) => c.notNull().unique())
      .addColumn('idempotency_key', 'text', (c) => c.notNull())
      .addColumn('locale', 'text', (c) => c.notNull())
      .addColumn('created_at', 'text', (c) => c.notNull())
      .addColumn('confirmed_at', 'text')
      .addColumn('cancelled_at', 'text')
      .addColumn('reminded_at', 'text')
      .addColumn('consent_withdrawn_at', 'text')
      .addColumn('attended', 'integer')
      .addColumn('attendance_by', 'text')
      .addColumn('anonymised_at', 'text')
      .addUniqueConstraint('event_registrations_key_once', ['event_id', 'idempotency_key'])
      .addUniqueConstraint('event_registrations_queue_once', ['event_id', 'queue_no'])
      .addCheckConstraint(
        'event_registrations_status_known',
        sql`status in ('confirmed', 'waiting', 'cancelled')`,
      )
      .addCheckConstraint('event_registrations_seats', sql`seats between 1 and 10`)
      .execute();
    await db.schema
      .createIndex('event_registrations_queue')
      .on('event_registrations')
      .columns(['event_id', 'status', 'queue_no'])
      .execute();
    await db.schema
      .createIndex('event_registrations_email')
      .on('event_registrations')
      .column('email_key')
      .execute();

    await db.schema
      .createTable('event_invitations')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('event_id', 'text', (c) => c.notNull().references('events.id').onDelete('cascade'))
      .addColumn('region_id', 'text', (c) => c.notNull())
      .addColumn('municipality_code', 'text', (c) => c.notNull())
      /** sha256 of the lower-cased email: one invitation per person and event. */
      .addColumn('email_hash', 'text', (c) => c.notNull())
      /** 'prospect' | 'newcomer' */
      .addColumn('person_kind', 'text', (c) => c.notNull())
      .addColumn('person_id', 'text')
      .addColumn('invited_by', 'text')
      .addColumn('created_at', 'text', (c) => c.notNull())
      .addUniqueConstraint('event_invitations_once', ['event_id', 'email_hash'])
      .execute();
  },
};
