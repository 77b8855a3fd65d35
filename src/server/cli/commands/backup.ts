import type { Command } from 'commander';
import { loadConfig } from '../../config.js';
import { systemClock } from '../../deps.js';
import { backupDatabase, restoreDatabase } from '../../modules/backup/backup.service.js';
import { asCli } from './errors.js';

/** Exit code when nothing was done because the operator must run a PostgreSQL tool. */
export const EXIT_RUN_THIS_INSTEAD = 3;

const formatBytes = (n: number) =>
  n >= 1024 * 1024 ? `${(n / 1024 / 1024).toFixed(1)} MB` : `${Math.ceil(n / 1024)} kB`;

export function backupCommand(program: Command) {
  program
    .command('backup')
    .description('Back up the database to a file (SQLite: online, the server may keep running)')
    .argument('<file>', 'where to write the backup')
    .option('-f, --force', 'replace the file if it exists', false)
    .addHelpText(
      'after',
      `
With PostgreSQL nothing is written: the pg_dump command to run is printed, and the exit
code is ${EXIT_RUN_THIS_INSTEAD}, so a script cannot mistake it for a backup.`,
    )
    .action(async (file: string, options: { force: boolean }) => {
      const result = await asCli(() => backupDatabase(loadConfig().databaseUrl, file, options));
      if (result.kind === 'external') {
        console.log(result.lines.join('\n'));
        process.exitCode = EXIT_RUN_THIS_INSTEAD;
        return;
      }
      console.log(
        `Backed up the database to ${result.file} (${formatBytes(result.bytes)}, schema ${result.schema}).`,
      );
    });
}

export function restoreCommand(program: Command) {
  program
    .command('restore')
    .description('Replace the database with a backup (stop the server first)')
    .argument('<file>', 'a backup made by `flytthit backup`')
    .addHelpText(
      'after',
      `
SQLite: the file is checked first (a sound SQLite database with Flytthit's schema, not from
a newer version), the server must not be running (it is checked), the database it replaces
is kept beside it as <database>.before-restore-<time>, and the restored database is brought
up to this version's schema.
With PostgreSQL nothing is changed: the pg_restore (or psql) command to run is printed, and
the exit code is ${EXIT_RUN_THIS_INSTEAD}.`,
    )
    .action(async (file: string) => {
      const result = await asCli(() =>
        restoreDatabase(loadConfig().databaseUrl, file, systemClock.now()),
      );
      if (result.kind === 'external') {
        console.log(result.lines.join('\n'));
        process.exitCode = EXIT_RUN_THIS_INSTEAD;
        return;
      }
      console.log(`Restored ${file} into ${result.database}.`);
      if (result.migrated.length > 0) {
        console.log(`Brought its schema up to date: ${result.migrated.join(', ')}.`);
      }
      if (result.previous) {
        console.log(`The database it replaced is kept as ${result.previous}.`);
      }
      console.log('Start the server again when you are ready.');
    });
}
