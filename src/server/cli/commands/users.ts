import type { Command } from 'commander';
import { EmailSchema, type Role, RoleSchema } from '../../../contracts/auth.js';
import type { AppDeps } from '../../deps.js';
import { getRegionBySlug, listRegions } from '../../modules/regions/regions.service.js';
import {
  addUser,
  reinviteUser,
  setUserDisabled,
} from '../../modules/users/manage-users.service.js';
import {
  type Actor,
  ALL_SCOPE,
  findUserByEmail,
  listUsers,
} from '../../modules/users/users.service.js';
import { CliError, withDeps } from '../context.js';
import { asCli, readStdin } from './errors.js';

const CLI: Actor = { kind: 'system', label: 'cli' };

interface NewUserOptions {
  email: string;
  name?: string;
  role?: string;
  region?: string;
  municipality?: string[];
  campaign?: string;
  locale?: string;
  passwordStdin?: boolean;
}

function parseEmail(value: string): string {
  const parsed = EmailSchema.safeParse(value);
  if (!parsed.success) throw new CliError(`--email: not an email address ("${value}")`);
  return parsed.data;
}

function parseRole(value: string): Role {
  const parsed = RoleSchema.safeParse(value);
  if (!parsed.success) {
    throw new CliError(`--role: one of ${RoleSchema.options.join(', ')} (got "${value}")`);
  }
  return parsed.data;
}

async function regionIdOf(deps: AppDeps, slug: string | undefined): Promise<string | null> {
  if (!slug) return null;
  const region = await getRegionBySlug(deps.db, slug).catch(() => undefined);
  if (!region) throw new CliError(`--region: no region with the slug "${slug}"`);
  return region.id;
}

async function newUserInput(deps: AppDeps, o: NewUserOptions) {
  if (!o.name || !o.role) throw new CliError('--name and --role are needed for a new user.');
  const locale = o.locale ?? 'nb';
  if (!['nb', 'nn', 'en'].includes(locale)) throw new CliError('--locale: nb, nn or en');
  return {
    email: parseEmail(o.email),
    name: o.name,
    role: parseRole(o.role),
    regionId: await regionIdOf(deps, o.region),
    municipalityCodes: o.municipality ?? [],
    campaignId: o.campaign ?? null,
    locale: locale as 'nb' | 'nn' | 'en',
  };
}

/** With `required` false, --name and --role may be left out (for a fresh invitation). */
function withUserOptions(command: Command, required = true): Command {
  const need = (flags: string, description: string) =>
    required ? command.requiredOption(flags, description) : command.option(flags, description);
  need('--name <name>', 'their full name');
  need('--role <role>', `one of ${RoleSchema.options.join(', ')}`);
  return command
    .requiredOption('--email <email>', 'their email address (also their sign-in name)')
    .option('--region <slug>', 'their region (every role but admin)')
    .option('--municipality <codes...>', 'municipality numbers (hosts: one or more; callers: one)')
    .option('--campaign <id>', 'the campaign a caller calls for')
    .option('--locale <locale>', 'language of their emails: nb, nn or en', 'nb');
}

function printLink(link: string | undefined, expiresAt: string | undefined): void {
  if (!link) return;
  console.log(`One-time sign-in link (works once, until ${expiresAt}):`);
  console.log(link);
}

export function usersCommand(program: Command) {
  const user = program.command('user').description('Staff accounts: add, invite, disable, list');

  withUserOptions(user.command('add'))
    .description('Add a staff user, with a password from stdin or a one-time sign-in link')
    .option('--password-stdin', 'read the password from standard input', false)
    .addHelpText(
      'after',
      `
Without --password-stdin the user gets no password: a one-time link (valid 7 days) is
printed for you to hand over; they choose their password there. Nothing is emailed.
Example: flytthit user add --email kari@tynset.kommune.no --name "Kari Nordmann" \\
           --role host --region fjellregionen --municipality 3427`,
    )
    .action(async (o: NewUserOptions) => {
      const password = o.passwordStdin ? await readStdin('password') : undefined;
      await withDeps(async (deps) => {
        const input = await newUserInput(deps, o);
        const added = await asCli(() =>
          addUser(deps.db, deps.clock, CLI, input, {
            publicUrl: deps.config.publicUrl,
            password,
            sendEmail: false,
          }),
        );
        console.log(`Added ${added.user.role} ${added.user.email} (id ${added.user.id}).`);
        printLink(added.link, added.linkExpiresAt);
      });
    });

  withUserOptions(user.command('invite'), false)
    .description('Invite a staff user by email (through the outbox) and print the link too')
    .addHelpText(
      'after',
      `
The email goes through the outbox (SMTP_URL; without it the message is held for an admin to
read). Inviting an address whose account has not been taken into use yet sends a fresh link
(earlier ones stop working); --name and --role are then not needed.`,
    )
    .action(async (o: NewUserOptions) => {
      await withDeps(async (deps) => {
        const options = { publicUrl: deps.config.publicUrl, sendEmail: true };
        const existing = await findUserByEmail(deps.db, parseEmail(o.email));
        const result = existing
          ? await asCli(() => reinviteUser(deps.db, deps.clock, CLI, existing.id, options))
          : await newUserInput(deps, o).then((input) =>
              asCli(() => addUser(deps.db, deps.clock, CLI, input, options)),
            );
        console.log(
          `${existing ? 'Sent a new invitation to' : 'Invited'} ${result.user.role} ${result.user.email} (id ${result.user.id}).`,
        );
        printLink(result.link, result.linkExpiresAt);
      });
    });

  user
    .command('disable')
    .description('Disable a user: every session and pending link ends at once')
    .requiredOption('--email <email>', 'the user to disable')
    .action(async (o: { email: string }) => {
      await withDeps(async (deps) => {
        const found = await findUserByEmail(deps.db, o.email);
        if (!found) throw new CliError(`No user with the email ${o.email}.`);
        await asCli(() => setUserDisabled(deps.db, deps.clock, CLI, found.id, true));
        console.log(`Disabled ${found.email}.`);
      });
    });

  user
    .command('list')
    .description('List staff users (email, role, region, municipalities, status)')
    .option('--region <slug>', 'only this region')
    .action(async (o: { region?: string }) => {
      await withDeps(async (deps) => {
        const regionId = await regionIdOf(deps, o.region);
        const users = await listUsers(deps.db, ALL_SCOPE, regionId ? { regionId } : {});
        const slugs = new Map((await listRegions(deps.db, ALL_SCOPE)).map((r) => [r.id, r.slug]));
        if (users.length === 0) {
          console.log('No users.');
          return;
        }
        for (const u of users) {
          const region = u.regionId ? (slugs.get(u.regionId) ?? u.regionId) : '-';
          const codes = u.municipalityCodes.join(',') || '-';
          console.log([u.email, u.name, u.role, region, codes, u.status].join('\t'));
        }
      });
    });
}
