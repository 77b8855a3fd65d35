import { Command, CommanderError } from 'commander';
import { ConfigError } from '../config.js';
import { commands } from './commands/index.js';
import { CliError } from './context.js';

const program = new Command()
  .name('flytthit')
  .description('Flytthit: the in-migration programme of a region')
  .showHelpAfterError()
  .exitOverride();

for (const register of commands) register(program);

try {
  await program.parseAsync(process.argv);
} catch (error) {
  if (error instanceof CommanderError) {
    process.exitCode = error.exitCode === 0 ? 0 : 2;
  } else if (error instanceof ConfigError || error instanceof CliError) {
    console.error(error.message);
    process.exitCode = error instanceof CliError ? error.exitCode : 1;
  } else {
    console.error(`flytthit: ${(error as Error).message}`);
    process.exitCode = 1;
  }
}
