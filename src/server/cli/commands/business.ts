import { createReadStream, statSync } from 'node:fs';
import { basename } from 'node:path';
import type { Command } from 'commander';
import { AppError } from '../../errors.js';
import { importEmployers } from '../../modules/business/brreg.import.js';
import { findRegionIdBySlug } from '../../modules/regions/regions.service.js';
import { CliError, withDeps } from '../context.js';

const n = (v: number) => v.toLocaleString('en-GB');

/**
 * `flytthit business import-employers <file>`: an Enhetsregisteret file (JSON or CSV, as
 * data.brreg.no's bulk download gives it) into a region's employer register. The file is
 * streamed, so the national file (over a million units) works; progress is printed.
 */
export function businessCommand(program: Command) {
  const business = program.command('business').description('Employers and «Start Her»');

  business
    .command('import-employers')
    .description("Import Enhetsregisteret's units (JSON or CSV) for a region's municipalities")
    .argument('<file>', 'the downloaded file, e.g. enheter_alle.json')
    .option('--region <slug>', 'the region', 'fjellregionen')
    .action(async (file: string, opts: { region: string }) => {
      try {
        statSync(file);
      } catch (error) {
        throw new CliError(`flytthit business: cannot read ${file}: ${(error as Error).message}`);
      }
      await withDeps(async ({ db, clock }) => {
        const regionId = await findRegionIdBySlug(db, opts.region);
        if (!regionId) throw new CliError(`flytthit business: no region "${opts.region}".`);
        console.log(`Reading ${file} …`);
        try {
          const r = await importEmployers(
            db,
            clock,
            { userId: null, label: 'cli', ip: null },
            createReadStream(file),
            {
              regionId,
              fileName: basename(file),
              onProgress: (rows) => console.log(`Read ${n(rows)} rows`),
            },
          );
          console.log(
            `Read ${n(r.rowsRead)} rows (${r.format}); ${n(r.rowsInRegion)} in the region: ${n(r.added)} new, ${n(r.updated)} updated, ${n(r.unchanged)} unchanged.`,
          );
          if (r.badRowCount) {
            console.log(`${n(r.badRowCount)} rows could not be imported:`);
            for (const b of r.badRows) {
              console.log(
                `  row ${b.row}${b.orgNumber ? ` (${b.orgNumber})` : ''}: ${b.reasons.join('; ')}`,
              );
            }
            if (r.badRowCount > r.badRows.length) console.log('  …');
          }
        } catch (error) {
          if (error instanceof AppError) throw new CliError(`flytthit business: ${error.message}`);
          throw error;
        }
      });
    });
}
