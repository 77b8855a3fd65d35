import type { Command } from 'commander';
import { startServer } from '../../server.js';

export function serveCommand(program: Command) {
  program
    .command('serve', { isDefault: true })
    .description('Start Flytthit (site, office and API) on HOST:PORT')
    .action(async () => {
      await startServer();
    });
}
