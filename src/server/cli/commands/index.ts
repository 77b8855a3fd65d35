import type { Command } from 'commander';
import { backupCommand, restoreCommand } from './backup.js';
import { businessCommand } from './business.js';
import { demoCommand } from './demo.js';
import { jobsCommand } from './jobs.js';
import { klassCommand } from './klass.js';
import { migrateCommand } from './migrate.js';
import { privacyCommand } from './privacy.js';
import { serveCommand } from './serve.js';
import { ssoCommand } from './sso.js';
import { statsCommand } from './stats.js';
import { tokensCommand } from './tokens.js';
import { usersCommand } from './users.js';

/** Every subcommand of `flytthit`. A module adds its own here. */
export const commands: Array<(program: Command) => void> = [
  serveCommand,
  migrateCommand,
  backupCommand,
  restoreCommand,
  demoCommand,
  usersCommand,
  tokensCommand,
  ssoCommand,
  statsCommand,
  klassCommand,
  privacyCommand,
  jobsCommand,
  businessCommand,
];
