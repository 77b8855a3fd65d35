import type { FlytthitMigration } from './helpers.js';

/**
 * The privacy module's request log: each access (Art. 15) or erasure (Art. 17/21) request
 * with the date it was received and the date it must be answered by. It holds no personal
 * data about the person who asked: the lookup (phone, email, name) is used and forgotten, and
 * `reference` is the case number in the region's archive. Frozen once landed.
 */
export const privacy: FlytthitMigration = {
  name: '0008-privacy',
  async up({ db }) {
    await db.schema
      .createTable('privacy_requests')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('region_id', 'text', (c) => c.references('regions.id'))
      /** 'access' | 'erasure' */
      .addColumn('kind', 'text', (c) => c.notNull())
      /** 'open' | 'done' | 'rejected' */
      .addColumn('status', 'text', (c) => c.notNull())
      .addColumn('reference', 'text')
      .addColumn('received_on', 'text', (c) => c.notNull())
      .addColumn('due_on', 'text', (c) => c.notNull())
      .addColumn('completed_at', 'text')
      /** JSON counts by category (what was found or erased), never the data itself. */
      .addColumn('result', 'text')
      .addColumn('created_by', 'text', (c) => c.references('users.id').onDelete('set null'))
      .addColumn('created_at', 'text', (c) => c.notNull())
      .addColumn('updated_at', 'text', (c) => c.notNull())
      .execute();
    await db.schema
      .createIndex('privacy_requests_region_due')
      .on('privacy_requests')
      .columns(['region_id', 'status', 'due_on'])
      .execute();
  },
};
