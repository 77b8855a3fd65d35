import type { Command } from 'commander';
import { migrateCommand } from './migrate.js';
import { serveCommand } from './serve.js';

/** Every subcommand of `flytthit`. A module adds its own here. */
export const commands: Array<(program: Command) => void> = [serveCommand, migrateCommand];
