import type { FlytthitMigration } from './helpers.js';

/**
 * One-click consent withdrawal in every email about a person (newcomers, events, surveys,
 * Start Her): the outbox remembers which record a message is about and in which language it
 * was written, so the sender can add the withdrawal link and List-Unsubscribe headers at send
 * time. The link itself is an HMAC of the reference and needs no table. Frozen once landed.
 */
export const consent: FlytthitMigration = {
  name: '0009-consent',
  async up({ db }) {
    await db.schema.alterTable('outbox').addColumn('consent_ref', 'text').execute();
    await db.schema.alterTable('outbox').addColumn('locale', 'text').execute();
  },
};
