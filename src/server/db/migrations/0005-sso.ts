import type { FlytthitMigration } from './helpers.js';

/**
 * Single sign-on: the municipalities given to people a provider lets in the first time
 * (a provider's default role of host or caller needs them). Frozen.
 */
export const sso: FlytthitMigration = {
  name: '0005-sso',
  async up({ db }) {
    await db.schema
      .alterTable('identity_providers')
      .addColumn('default_municipality_codes', 'text')
      .execute();
    await db.schema
      .createIndex('identity_providers_region')
      .on('identity_providers')
      .column('region_id')
      .execute();
  },
};
