import type { Insertable, Selectable } from 'kysely';
import type { Db } from '../../db/database.js';
import type { OutboxAttachmentTable, OutboxTable } from '../../db/schema.js';

export type OutboxRow = Selectable<OutboxTable>;

export type OutboxSummaryRow = Omit<OutboxRow, 'textBody' | 'htmlBody' | 'consentRef' | 'locale'>;

const summaryColumns = [
  'id',
  'toAddress',
  'subject',
  'status',
  'attempts',
  'nextAttemptAt',
  'lastError',
  'createdAt',
  'sentAt',
  'regionId',
  'purpose',
] as const;

export async function insertOutboxMessage(db: Db, row: Insertable<OutboxTable>): Promise<void> {
  await db.insertInto('outbox').values(row).execute();
}

/** Call in the transaction that inserted the message. */
export async function insertOutboxAttachments(
  db: Db,
  rows: Insertable<OutboxAttachmentTable>[],
): Promise<void> {
  // One statement per file: a report PDF is large, and one row keeps each statement small.
  for (const row of rows) await db.insertInto('outboxAttachments').values(row).execute();
}

/** A message's files, in order (empty for most messages). */
export async function findAttachments(
  db: Db,
  messageId: string,
): Promise<Selectable<OutboxAttachmentTable>[]> {
  return db
    .selectFrom('outboxAttachments')
    .selectAll()
    .where('messageId', '=', messageId)
    .orderBy('position')
    .execute();
}

/** Pending messages whose time has come, oldest due first. */
export async function findDueMessages(db: Db, now: string, limit: number): Promise<OutboxRow[]> {
  return db
    .selectFrom('outbox')
    .selectAll()
    .where('status', '=', 'pending')
    .where('nextAttemptAt', '<=', now)
    .orderBy('nextAttemptAt')
    .orderBy('createdAt')
    .orderBy('id')
    .limit(limit)
    .execute();
}

/**
 * Each update below only touches a message still pending, so a message is never moved
 * out of a final state (sent, failed, held) by a late or duplicate worker.
 */
export async function markMessageSent(
  db: Db,
  id: string,
  change: { attempts: number; sentAt: string },
): Promise<void> {
  await db
    .updateTable('outbox')
    .set({ status: 'sent', attempts: change.attempts, sentAt: change.sentAt, lastError: null })
    .where('id', '=', id)
    .where('status', '=', 'pending')
    .execute();
}

export async function markMessageAttemptFailed(
  db: Db,
  id: string,
  change: { status: 'pending' | 'failed'; attempts: number; nextAttemptAt: string; error: string },
): Promise<void> {
  await db
    .updateTable('outbox')
    .set({
      status: change.status,
      attempts: change.attempts,
      nextAttemptAt: change.nextAttemptAt,
      lastError: change.error,
    })
    .where('id', '=', id)
    .where('status', '=', 'pending')
    .execute();
}

/** Without a mail server every due message is held; returns how many were. */
export async function holdDueMessages(db: Db, now: string): Promise<number> {
  const result = await db
    .updateTable('outbox')
    .set({ status: 'held' })
    .where('status', '=', 'pending')
    .where('nextAttemptAt', '<=', now)
    .executeTakeFirst();
  return Number(result.numUpdatedRows);
}

export async function findOutboxMessages(
  db: Db,
  filter: { status?: string | undefined; limit: number; offset: number },
): Promise<{ rows: OutboxSummaryRow[]; total: number }> {
  let rowsQuery = db.selectFrom('outbox').select(summaryColumns);
  let countQuery = db.selectFrom('outbox').select((eb) => eb.fn.countAll<number>().as('n'));
  if (filter.status) {
    rowsQuery = rowsQuery.where('status', '=', filter.status);
    countQuery = countQuery.where('status', '=', filter.status);
  }
  const rows = await rowsQuery
    .orderBy('createdAt', 'desc')
    .orderBy('id', 'desc')
    .limit(filter.limit)
    .offset(filter.offset)
    .execute();
  const { n } = await countQuery.executeTakeFirstOrThrow();
  return { rows, total: Number(n) };
}

export async function findOutboxMessageById(db: Db, id: string): Promise<OutboxRow | undefined> {
  return db.selectFrom('outbox').selectAll().where('id', '=', id).executeTakeFirst();
}
