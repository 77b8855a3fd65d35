import type { Command } from 'commander';
import type { Role } from '../../../contracts/auth.js';
import { RegionSlugSchema } from '../../../contracts/regions.js';
import { getRegionBySlug, listRegions } from '../../modules/regions/regions.service.js';
import {
  addIdentityProvider,
  listIdentityProviders,
  startUrlOf,
} from '../../modules/sso/providers.service.js';
import { type Actor, ALL_SCOPE } from '../../modules/users/users.service.js';
import { CliError, withDeps } from '../context.js';
import { asCli, readStdin } from './errors.js';

const CLI: Actor = { kind: 'system', label: 'cli' };

interface AddOptions {
  region?: string;
  name: string;
  issuer: string;
  clientId: string;
  clientSecretStdin: boolean;
  defaultRole?: string;
  municipality?: string[];
}

export function ssoCommand(program: Command) {
  const sso = program
    .command('sso')
    .description('Single sign-on: the OpenID Connect identity providers of each region');

  sso
    .command('add')
    .description('Add an identity provider staff of a region can sign in with')
    .option('--region <slug>', 'the region whose staff sign in with it (none: administrators)')
    .requiredOption('--name <name>', 'shown on the sign-in button, e.g. "Tynset kommune"')
    .requiredOption('--issuer <url>', 'the issuer URL (https; its discovery document must answer)')
    .requiredOption('--client-id <id>', 'the client id Flytthit is registered with')
    .option('--client-secret-stdin', 'read the client secret from standard input', false)
    .option('--default-role <role>', 'let people without an account in, as host or caller')
    .option('--municipality <codes...>', 'the municipalities of those people (with --default-role)')
    .addHelpText(
      'after',
      `
Register Flytthit at the provider with the redirect URI <PUBLIC_URL>/auth/oidc/callback.
People sign in if they already have an account (matched by the provider's verified email
within the region, then remembered by the provider's subject id). With --default-role,
people the provider knows but Flytthit does not get an account with that role.
Example: printf %s "$SECRET" | flytthit sso add --region fjellregionen --name "Tynset kommune" \\
           --issuer https://login.microsoftonline.com/<tenant>/v2.0 --client-id <id> \\
           --client-secret-stdin --default-role host --municipality 3427`,
    )
    .action(async (o: AddOptions) => {
      const clientSecret = o.clientSecretStdin ? await readStdin('client secret') : undefined;
      if (o.region && !RegionSlugSchema.safeParse(o.region).success) {
        throw new CliError(`--region: not a region slug ("${o.region}")`);
      }
      await withDeps(async (deps) => {
        const region = o.region
          ? await getRegionBySlug(deps.db, o.region).catch(() => undefined)
          : undefined;
        if (o.region && !region) throw new CliError(`--region: no region "${o.region}"`);
        const added = await asCli(() =>
          addIdentityProvider(deps.db, deps.clock, CLI, {
            regionId: region?.id ?? null,
            name: o.name,
            issuer: o.issuer,
            clientId: o.clientId,
            clientSecret,
            defaultRole: o.defaultRole as Role | undefined,
            defaultMunicipalityCodes: o.municipality,
          }),
        );
        console.log(`Added identity provider ${added.name} (id ${added.id}).`);
        console.log(`Redirect URI to register there: ${deps.config.publicUrl}/auth/oidc/callback`);
        console.log(`Sign-in starts at: ${deps.config.publicUrl}${startUrlOf(added.id)}`);
      });
    });

  sso
    .command('list')
    .description('List the identity providers (never their client secrets)')
    .action(async () => {
      await withDeps(async (deps) => {
        const providers = await listIdentityProviders(deps.db);
        const slugs = new Map((await listRegions(deps.db, ALL_SCOPE)).map((r) => [r.id, r.slug]));
        if (providers.length === 0) console.log('No identity providers.');
        for (const p of providers) {
          const region = p.regionId ? (slugs.get(p.regionId) ?? p.regionId) : '-';
          const admits = p.defaultRole
            ? `admits ${p.defaultRole} ${p.defaultMunicipalityCodes.join(',')}`
            : 'existing users only';
          console.log([p.id, region, p.name, p.issuer, p.clientId, admits].join('\t'));
        }
      });
    });
}
