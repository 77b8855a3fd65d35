import type { FlytthitMigration } from './helpers.js';

/**
 * Files sent with an outbox message (notifications). Frozen once landed.
 *
 * `outbox_attachments`: a message's files (e.g. the quarterly council report PDF), written in
 * the same transaction as the message. They go with their message: the foreign key deletes
 * them when the message is deleted (retention purge, erasure), on both databases.
 */
export const outboxAttachments: FlytthitMigration = {
  name: '0024-outbox-attachments',
  async up({ db, dialect }) {
    const bytes = dialect === 'postgres' ? 'bytea' : 'blob';
    await db.schema
      .createTable('outbox_attachments')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('message_id', 'text', (c) =>
        c.notNull().references('outbox.id').onDelete('cascade'),
      )
      .addColumn('position', 'integer', (c) => c.notNull())
      .addColumn('filename', 'text', (c) => c.notNull())
      .addColumn('content_type', 'text', (c) => c.notNull())
      .addColumn('bytes', bytes, (c) => c.notNull())
      .execute();
    await db.schema
      .createIndex('outbox_attachments_message')
      .on('outbox_attachments')
      .columns(['message_id', 'position'])
      .execute();
  },
};
