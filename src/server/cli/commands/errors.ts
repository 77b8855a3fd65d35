import { AppError } from '../../errors.js';
import { CliError } from '../context.js';

/**
 * Runs a command's work, turning a service's AppError into a message for a person at a
 * terminal: the error and every field it names, one per line.
 */
export async function asCli<T>(work: () => Promise<T>): Promise<T> {
  try {
    return await work();
  } catch (error) {
    if (!(error instanceof AppError) || error.code === 'internal') throw error;
    const details = Array.isArray(error.details)
      ? error.details.map((d) => `  ${d.field}: ${d.message}`)
      : [];
    throw new CliError([error.message, ...details].join('\n'));
  }
}

/** Reads everything piped to the command (a password or secret), without the final newline. */
export async function readStdin(what: string): Promise<string> {
  if (process.stdin.isTTY) {
    throw new CliError(`Pipe the ${what} in, e.g. \`printf %s "$SECRET" | flytthit …\`.`);
  }
  const chunks: Buffer[] = [];
  for await (const chunk of process.stdin) chunks.push(Buffer.from(chunk as Buffer));
  const text = Buffer.concat(chunks)
    .toString('utf8')
    .replace(/\r?\n$/, '');
  if (text === '') throw new CliError(`No ${what} on standard input.`);
  return text;
}
