import { readFileSync } from 'node:fs';
import { basename } from 'node:path';
import type { Command } from 'commander';
import { isLocale, type Locale } from '../../../web/i18n/locales.js';
import { AppError } from '../../errors.js';
import { ensureMunicipalityRegister } from '../../modules/regions/regions.service.js';
import { importFromSsb } from '../../modules/statistics/statistics.fetch.js';
import {
  type ImportResult,
  importTable,
  listImports,
} from '../../modules/statistics/statistics.import.js';
import { parseStatFile } from '../../modules/statistics/statistics.parse.js';
import { presentSummary } from '../../modules/statistics/statistics.present.js';
import { PxWebClient, SSB_API_URL } from '../../modules/statistics/statistics.pxweb.js';
import { getQuarterSummary } from '../../modules/statistics/statistics.service.js';
import { CliError, withDeps } from '../context.js';

const n = (v: number) => v.toLocaleString('en-GB');

/** Service errors are the user's to fix: shown as they are, exit code 1. */
async function asCliErrors<T>(fn: () => Promise<T>): Promise<T> {
  try {
    return await fn();
  } catch (error) {
    if (error instanceof AppError) throw new CliError(`flytthit stats: ${error.message}`);
    throw error;
  }
}

/** Prints progress at every tenth, so a long import shows it is alive without flooding. */
function progressPrinter(label: string) {
  let shown = -1;
  return (done: number, total: number) => {
    const tenth = Math.floor((done / total) * 10);
    if (tenth === shown) return;
    shown = tenth;
    console.log(`${label} ${n(done)} / ${n(total)} cells`);
  };
}

function report(r: ImportResult): void {
  if (r.status === 'unchanged') {
    console.log(`Nothing changed: these ${n(r.cells)} cells were imported before (${r.importId}).`);
  } else {
    console.log(
      `Imported table ${r.tableId}: ${n(r.cells)} cells, ${n(r.changed)} new or changed, ${r.firstPeriod}–${r.lastPeriod}, ${n(r.regions)} region codes (import ${r.importId}).`,
    );
  }
  if (r.ssbUpdated) console.log(`SSB updated the data ${r.ssbUpdated}.`);
  if (r.unknownRegions.length) {
    console.log(
      `Not a municipality, county or the country as far as KLASS 131 knows (kept, not shown for a region): ${r.unknownRegions.slice(0, 12).join(', ')}${r.unknownRegions.length > 12 ? ' …' : ''}`,
    );
  }
}

export function statsCommand(program: Command) {
  const stats = program
    .command('stats')
    .description('Migration statistics from Statistics Norway (SSB)');

  stats
    .command('import')
    .description('Import an SSB table from a file (JSON-stat 1.0/2.0, CSV) or from PxWebApi v2')
    .requiredOption('--table <id>', 'SSB table id, e.g. 01222')
    .option('--file <path>', 'read this file instead of fetching from SSB')
    .option('--from <period>', 'fetch from this period on (e.g. 2009K1)')
    .option('--api-url <url>', 'PxWebApi v2 base URL', process.env.FLYTTHIT_SSB_API_URL)
    .action(async (opts: { table: string; file?: string; from?: string; apiUrl?: string }) => {
      await withDeps(({ db, clock }) =>
        asCliErrors(async () => {
          await ensureMunicipalityRegister(db);
          const write = progressPrinter('Writing');
          let result: ImportResult;
          if (opts.file) {
            let text: string;
            try {
              text = readFileSync(opts.file, 'utf8');
            } catch (error) {
              throw new CliError(
                `flytthit stats: cannot read ${opts.file}: ${(error as Error).message}`,
              );
            }
            console.log(`Reading ${opts.file} …`);
            const parsed = parseStatFile(text, opts.table);
            console.log(`Read ${n(parsed.cells.length)} cells (${parsed.format}).`);
            result = await importTable(
              db,
              clock,
              parsed,
              { kind: 'file', name: basename(opts.file) },
              (p) => write(p.written, p.total),
            );
          } else {
            const client = new PxWebClient({ baseUrl: opts.apiUrl || SSB_API_URL });
            console.log(`Fetching table ${opts.table} from ${client.describe()} …`);
            result = await importFromSsb(
              db,
              clock,
              client,
              opts.table,
              opts.from ? { from: opts.from } : {},
              (p) => {
                if (p.fetch) {
                  console.log(
                    `Fetched call ${p.fetch.call} of ${p.fetch.calls} (${n(p.fetch.cells)} cells)`,
                  );
                }
                if (p.write) write(p.write.written, p.write.total);
              },
            );
          }
          report(result);
        }),
      );
    });

  stats
    .command('summary')
    .description("A quarter's figures for a region, as a paragraph ready to publish or as JSON")
    .requiredOption('--region <slug>', 'the region, e.g. fjellregionen')
    .option('--quarter <YYYYKn>', 'the quarter, e.g. 2015K1 (default: the latest with data)')
    .option('--lang <nb|nn|en>', 'language of the paragraph', 'nb')
    .option('--json', 'print every figure as JSON')
    .action(async (opts: { region: string; quarter?: string; lang: string; json?: boolean }) => {
      if (opts.quarter && !/^\d{4}K[1-4]$/.test(opts.quarter)) {
        throw new CliError(
          `flytthit stats: --quarter must look like 2015K1 (got "${opts.quarter}").`,
        );
      }
      if (!isLocale(opts.lang)) {
        throw new CliError(`flytthit stats: --lang must be nb, nn or en (got "${opts.lang}").`);
      }
      const locale: Locale = opts.lang;
      await withDeps(({ db }) =>
        asCliErrors(async () => {
          await ensureMunicipalityRegister(db);
          const summary = presentSummary(
            await getQuarterSummary(db, opts.region, opts.quarter, locale),
          );
          if (opts.json) console.log(JSON.stringify(summary, null, 2));
          else console.log(`${summary.text}\n\n${summary.credit}`);
        }),
      );
    });

  stats
    .command('imports')
    .description('List what was imported from SSB, from where and when (provenance)')
    .option('--table <id>', 'only this table')
    .action(async (opts: { table?: string }) => {
      await withDeps(async ({ db }) => {
        for (const i of await listImports(db, opts.table)) {
          console.log(
            `${i.importedAt}  ${i.tableId}  ${i.format.padEnd(10)}  ${String(i.cellCount).padStart(7)} cells  ${String(i.changedCount).padStart(7)} changed  updated ${i.ssbUpdated ?? '-'}  ${i.source}`,
          );
        }
      });
    });
}
