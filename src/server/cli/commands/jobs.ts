import type { Command } from 'commander';
import { AppError } from '../../errors.js';
import { getFeedStatus, navFeedUrl, syncJobFeed } from '../../modules/jobs/jobs.service.js';
import { ensureMunicipalityRegister } from '../../modules/regions/regions.service.js';
import { CliError, withDeps } from '../context.js';

const n = (v: number) => v.toLocaleString('en-GB');

export function jobsCommand(program: Command) {
  const jobs = program.command('jobs').description("Vacancies from NAV's job feed");

  jobs
    .command('sync')
    .description("Read NAV's job feed from where the last run stopped, keeping the region's ads")
    .option('--feed-url <url>', 'pam-stilling-feed base URL', navFeedUrl())
    .option('--max-pages <n>', 'stop after this many pages (the next run goes on)')
    .action(async (opts: { feedUrl: string; maxPages?: string }) => {
      const maxPages = opts.maxPages === undefined ? undefined : Number(opts.maxPages);
      if (maxPages !== undefined && !(Number.isInteger(maxPages) && maxPages > 0)) {
        throw new CliError('flytthit jobs sync: --max-pages must be a whole number above 0.');
      }
      await withDeps(async ({ db, clock }) => {
        await ensureMunicipalityRegister(db);
        console.log(`Reading NAV's job feed at ${opts.feedUrl} …`);
        try {
          const r = await syncJobFeed(db, clock, {
            baseUrl: opts.feedUrl,
            ...(maxPages ? { maxPages } : {}),
            onProgress: (p) =>
              console.log(
                `Page ${n(p.pages)}: ${n(p.items)} items, ${n(p.details)} details, ${n(p.kept)} ads kept, ${n(p.deleted)} deleted, ${n(p.unmapped)} unmapped`,
              ),
          });
          console.log(
            `Done: ${n(r.pages)} page(s), ${n(r.items)} items; ${n(r.kept)} ads kept or updated, ${n(r.deleted)} deleted${r.missingDetails ? `, ${n(r.missingDetails)} gone at NAV (404)` : ''}.`,
          );
          console.log(
            r.upToDate
              ? 'The feed is read to its newest page.'
              : 'Stopped before the newest page; run again to go on.',
          );
          if (r.unmappedNames.length > 0) {
            console.log(
              `Municipality names that could not be mapped (${n(r.unmapped)}): ${r.unmappedNames
                .slice(0, 12)
                .map((u) => `${u.name}${u.county ? ` (${u.county})` : ''} ×${u.count}`)
                .join(', ')}${r.unmappedNames.length > 12 ? ' …' : ''}`,
            );
          }
        } catch (error) {
          if (error instanceof AppError) {
            throw new CliError(
              `flytthit jobs sync: ${error.message} Nothing of that page was saved; the next run reads it again.`,
            );
          }
          throw error;
        }
      });
    });

  jobs
    .command('status')
    .description("The job feed's last run, cursor and unmapped names")
    .action(async () => {
      await withDeps(async ({ db }) => {
        const s = await getFeedStatus(db);
        console.log(`Active ads: ${n(s.activeAds)}`);
        console.log(
          `Last run: ${s.lastRunAt ?? 'never'}; last success: ${s.lastSuccessAt ?? 'never'}`,
        );
        if (s.lastError) console.log(`Last error: ${s.lastError}`);
        for (const u of s.unmapped) {
          console.log(`Unmapped: ${u.name} ${u.county} ${u.postalCode} ×${u.count}`);
        }
      });
    });
}
