import type { FlytthitMigration } from './helpers.js';

/**
 * The newcomer host's contact shown on each municipality's public page (site module). Frozen
 * once landed.
 *
 * `municipality_hosts`: per region and municipality, the contact a visitor who thinks of moving
 * is pointed to: a name (a person or a role, e.g. «Vertskapet i Tynset»), an email address and
 * a phone number. It is published on the site, so it is public by purpose; the office is told
 * to prefer a role address.
 */
export const municipalityHosts: FlytthitMigration = {
  name: '0023-municipality-hosts',
  async up({ db }) {
    await db.schema
      .createTable('municipality_hosts')
      .addColumn('region_id', 'text', (c) => c.notNull().references('regions.id'))
      .addColumn('municipality_code', 'text', (c) => c.notNull())
      .addColumn('name', 'text', (c) => c.notNull())
      .addColumn('email', 'text')
      .addColumn('phone', 'text')
      .addColumn('updated_by', 'text', (c) => c.references('users.id').onDelete('set null'))
      .addColumn('updated_at', 'text', (c) => c.notNull())
      .addPrimaryKeyConstraint('municipality_hosts_pk', ['region_id', 'municipality_code'])
      .execute();
  },
};
