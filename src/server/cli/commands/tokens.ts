import type { Command } from 'commander';
import {
  createApiToken,
  listApiTokens,
  revokeApiToken,
} from '../../modules/tokens/tokens.service.js';
import { type Actor, findUserByEmail } from '../../modules/users/users.service.js';
import { CliError, withDeps } from '../context.js';
import { asCli } from './errors.js';

const CLI: Actor = { kind: 'system', label: 'cli' };

function parseDays(value: string): number {
  const days = Number(value);
  if (!Number.isInteger(days) || days < 1 || days > 365) {
    throw new CliError(`--expires-days: a whole number from 1 to 365 (got "${value}")`);
  }
  return days;
}

export function tokensCommand(program: Command) {
  const token = program
    .command('token')
    .description('Personal API tokens (Bearer): create, list, revoke');

  token
    .command('create')
    .description("Create a token acting as a user, with the user's role and scope")
    .requiredOption('--user <email>', 'whose token it is')
    .option('--name <name>', 'what it is for', 'Command line')
    .option('--expires-days <days>', 'days until it expires (1–365)', '90')
    .addHelpText(
      'after',
      `
The token is printed once, as the last line (only its hash is stored), so a script can take
it with \`| tail -n 1\`. Use it as \`Authorization: Bearer <token>\`.`,
    )
    .action(async (o: { user: string; name: string; expiresDays: string }) => {
      const expiresInDays = parseDays(o.expiresDays);
      await withDeps(async (deps) => {
        const user = await findUserByEmail(deps.db, o.user);
        if (!user) throw new CliError(`No user with the email ${o.user}.`);
        if (user.disabledAt) throw new CliError(`${user.email} is disabled.`);
        const created = await asCli(() =>
          createApiToken(deps.db, deps.clock, CLI, user.id, { name: o.name, expiresInDays }),
        );
        console.log(
          `Created token ${created.id} "${created.name}" for ${user.email} (${user.role}), expires ${created.expiresAt}.`,
        );
        console.log(created.token);
      });
    });

  token
    .command('list')
    .description("List a user's tokens (never the tokens themselves)")
    .requiredOption('--user <email>', 'whose tokens')
    .action(async (o: { user: string }) => {
      await withDeps(async (deps) => {
        const user = await findUserByEmail(deps.db, o.user);
        if (!user) throw new CliError(`No user with the email ${o.user}.`);
        const tokens = await listApiTokens(deps.db, user.id);
        if (tokens.length === 0) console.log('No tokens.');
        for (const t of tokens) {
          const state = t.revokedAt ? `revoked ${t.revokedAt}` : `expires ${t.expiresAt}`;
          console.log([t.id, t.prefix, t.name, state].join('\t'));
        }
      });
    });

  token
    .command('revoke')
    .description('Revoke a token at once (any user’s)')
    .argument('<id>', 'the token id (from `token list` or the office)')
    .action(async (id: string) => {
      if (!/^[0-9a-f-]{36}$/i.test(id)) throw new CliError(`Not a token id: "${id}"`);
      await withDeps(async (deps) => {
        const revoked = await asCli(() => revokeApiToken(deps.db, deps.clock, CLI, id));
        console.log(`Revoked token ${revoked.id} "${revoked.name}".`);
      });
    });
}
