import type { Command } from 'commander';
import { migrateToLatest } from '../../db/migrate.js';
import { ensureMunicipalityRegister } from '../../modules/regions/regions.service.js';
import { withDeps } from '../context.js';

export function migrateCommand(program: Command) {
  program
    .command('migrate')
    .description('Bring the database schema up to date and load the municipality register')
    .action(async () => {
      await withDeps(async ({ database, db }) => {
        const { applied } = await migrateToLatest(database);
        await ensureMunicipalityRegister(db);
        console.log(
          applied.length ? `Applied: ${applied.join(', ')}` : 'The schema is up to date.',
        );
      });
    });
}
