import type { FlytthitMigration } from './helpers.js';

/**
 * SSB tables with dimensions besides region, contents and time (07459: sex and age). Kept as
 * published, like stat_observations (ADR 0004), one row per cell; `dims` holds the extra
 * dimensions' codes as a key in the table definition's order (`Kjonn=1;Alder=020`). A separate
 * table, so 01222's primary key and its index ranges stay as they are. Frozen once landed.
 */
export const statDimensions: FlytthitMigration = {
  name: '0006-stat-dimensions',
  async up({ db }) {
    await db.schema
      .createTable('stat_dim_observations')
      .addColumn('table_id', 'text', (c) => c.notNull())
      .addColumn('region_code', 'text', (c) => c.notNull())
      .addColumn('period', 'text', (c) => c.notNull())
      .addColumn('contents_code', 'text', (c) => c.notNull())
      .addColumn('dims', 'text', (c) => c.notNull())
      .addColumn('value', 'double precision')
      .addColumn('status', 'text')
      .addColumn('import_id', 'text', (c) => c.notNull().references('stat_imports.id'))
      .addPrimaryKeyConstraint('stat_dim_observations_pk', [
        'table_id',
        'region_code',
        'period',
        'contents_code',
        'dims',
      ])
      .execute();
  },
};
