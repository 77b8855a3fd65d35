import { writeFileSync } from 'node:fs';
import type { Command } from 'commander';
import type { PersonLookup } from '../../../contracts/privacy.js';
import { isLocale } from '../../../web/i18n/locales.js';
import type { AppDeps } from '../../deps.js';
import { renderAccessPdf } from '../../modules/privacy/access.pdf.js';
import { CLI_ACTOR, type PrivacyActor } from '../../modules/privacy/actor.js';
import { erasePerson, exportPerson } from '../../modules/privacy/privacy.service.js';
import { runRetentionPurge } from '../../modules/privacy/retention.service.js';
import { getRegionBySlug } from '../../modules/regions/regions.service.js';
import { CliError, withDeps } from '../context.js';
import { asCli } from './errors.js';

interface PersonOptions {
  phone?: string;
  email?: string;
  name?: string;
  address?: string;
  region?: string;
}

/** "Storgata 3, 0182 Oslo" → street line and postcode. */
export function parseAddress(address: string): { addressLine: string; postcode: string } {
  const postcode = [...address.matchAll(/\b(\d{4})\b/g)].at(-1)?.[1];
  const addressLine = address.split(/,|\b\d{4}\b/)[0]?.trim() ?? '';
  if (!postcode || !addressLine) {
    throw new CliError('--address: a street address and a postcode, e.g. "Storgata 3, 0182 Oslo"');
  }
  return { addressLine, postcode };
}

export function lookupOf(o: PersonOptions): PersonLookup {
  const given = [o.phone, o.email, o.name].filter(Boolean).length;
  if (given !== 1) throw new CliError('Give one of --phone, --email, or --name with --address.');
  if (o.phone) return { by: 'phone', phone: o.phone };
  if (o.email) return { by: 'email', email: o.email };
  if (!o.address) throw new CliError('--name needs --address too.');
  return { by: 'name_address', name: o.name!, ...parseAddress(o.address) };
}

async function actorFor(deps: AppDeps, slug: string | undefined): Promise<PrivacyActor> {
  if (!slug) return CLI_ACTOR;
  const region = await getRegionBySlug(deps.db, slug).catch(() => undefined);
  if (!region) throw new CliError(`--region: no region with the slug "${slug}"`);
  return {
    ...CLI_ACTOR,
    regionId: region.id,
    scope: { regionIds: [region.id], municipalityCodes: 'all' },
  };
}

const personOptions = (c: Command) =>
  c
    .option('--phone <number>', 'their phone number (any format; read as Norwegian without +)')
    .option('--email <address>', 'their email address')
    .option('--name <name>', 'their name (with --address)')
    .option('--address <address>', 'street address and postcode, e.g. "Storgata 3, 0182 Oslo"')
    .option('--region <slug>', 'only this region (default: every region)');

export function privacyCommand(program: Command) {
  const privacy = program
    .command('privacy')
    .description('Privacy requests: access exports, erasure, the retention purge');

  personOptions(privacy.command('export'))
    .description('Everything held about a person (GDPR Art. 15): a JSON file and a PDF')
    .option('--out <prefix>', 'file name without extension', 'access-export')
    .option('--lang <locale>', 'language of the PDF: nb, nn or en', 'nb')
    .action(async (o: PersonOptions & { out: string; lang: string }) => {
      if (!isLocale(o.lang)) throw new CliError('--lang: nb, nn or en');
      const lookup = lookupOf(o);
      await withDeps(async (deps) => {
        const actor = await actorFor(deps, o.region);
        const data = await asCli(() => exportPerson(deps.db, deps.clock, actor, { lookup }));
        writeFileSync(`${o.out}.json`, `${JSON.stringify(data, null, 2)}\n`, { mode: 0o600 });
        writeFileSync(`${o.out}.pdf`, await renderAccessPdf(data, o.lang as 'nb'), { mode: 0o600 });
        const records = data.sections.reduce((n, s) => n + s.records.length, 0);
        console.log(
          `Wrote ${o.out}.json and ${o.out}.pdf (${records} records in ${data.sections.length} sections).`,
        );
      });
    });

  personOptions(privacy.command('erase'))
    .description('Erase a person everywhere (GDPR Art. 17); keeps a hash against new tips')
    .option('--no-suppress', 'do not keep the hashed opt-out entry')
    .option('--yes', 'really erase (nothing is erased without it)', false)
    .action(async (o: PersonOptions & { suppress: boolean; yes: boolean }) => {
      const lookup = lookupOf(o);
      if (!o.yes) throw new CliError('Erasure cannot be undone: add --yes to go ahead.');
      await withDeps(async (deps) => {
        const actor = await actorFor(deps, o.region);
        const counts = await asCli(() =>
          erasePerson(deps.db, deps.clock, actor, { lookup, suppress: o.suppress }),
        );
        for (const [what, n] of Object.entries(counts)) console.log(`${what}\t${n}`);
      });
    });

  privacy
    .command('purge')
    .description('Erase what has outlived its retention period (the housekeeping job does this)')
    .option('--dry-run', 'only count what would be erased', false)
    .action(async (o: { dryRun: boolean }) => {
      await withDeps(async (deps) => {
        const counts = await runRetentionPurge(deps.db, deps.clock, {
          dryRun: o.dryRun,
          actorLabel: 'cli',
        });
        console.log(o.dryRun ? 'Would erase (dry run):' : 'Erased:');
        for (const [rule, n] of Object.entries(counts)) console.log(`${rule}\t${n}`);
      });
    });
}
