import type { FlytthitMigration } from './helpers.js';

/**
 * Statistics Norway (SSB) figures, kept exactly as published: one row per cell of a table,
 * under the region code SSB used at the time (0437, 3427, K-3427 …). Harmonising old codes
 * onto today's municipalities happens when figures are read, so the next reform is a data
 * update, not a re-import. Frozen once landed.
 */
export const statistics: FlytthitMigration = {
  name: '0002-statistics',
  async up({ db }) {
    // One row per import that changed something: where the data came from and when.
    await db.schema
      .createTable('stat_imports')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('table_id', 'text', (c) => c.notNull())
      .addColumn('format', 'text', (c) => c.notNull())
      .addColumn('source', 'text', (c) => c.notNull())
      .addColumn('label', 'text')
      .addColumn('ssb_updated', 'text')
      .addColumn('fetched_at', 'text', (c) => c.notNull())
      .addColumn('imported_at', 'text', (c) => c.notNull())
      .addColumn('cell_count', 'integer', (c) => c.notNull())
      .addColumn('changed_count', 'integer', (c) => c.notNull())
      .addColumn('content_hash', 'text', (c) => c.notNull())
      .execute();
    await db.schema
      .createIndex('stat_imports_table_hash')
      .on('stat_imports')
      .columns(['table_id', 'content_hash'])
      .execute();
    await db.schema
      .createIndex('stat_imports_table_at')
      .on('stat_imports')
      .columns(['table_id', 'imported_at'])
      .execute();

    // value is NULL when SSB published a symbol instead (".", "..", ":", "-"): never a zero.
    await db.schema
      .createTable('stat_observations')
      .addColumn('table_id', 'text', (c) => c.notNull())
      .addColumn('region_code', 'text', (c) => c.notNull())
      .addColumn('period', 'text', (c) => c.notNull())
      .addColumn('contents_code', 'text', (c) => c.notNull())
      .addColumn('value', 'double precision')
      .addColumn('status', 'text')
      .addColumn('import_id', 'text', (c) => c.notNull().references('stat_imports.id'))
      // Region first, then period: a region's quarter and a region's series are index ranges.
      .addPrimaryKeyConstraint('stat_observations_pk', [
        'table_id',
        'region_code',
        'period',
        'contents_code',
      ])
      .execute();
  },
};
