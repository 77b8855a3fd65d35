import { readFileSync } from 'node:fs';
import type { Command } from 'commander';
import { AppError } from '../../errors.js';
import {
  ensureMunicipalityRegister,
  importCodeChanges,
} from '../../modules/regions/regions.service.js';
import { CliError, withDeps } from '../context.js';

/** KLASS 131 municipality code changes, imported from a file as a data update. */
export function klassCommand(program: Command) {
  const klass = program
    .command('klass')
    .description('Municipality code changes from SSB KLASS (classification 131)');

  klass
    .command('import')
    .description(
      'Import code changes: KLASS API "changes" JSON ({"codeChanges":[…]}) or CSV (shipped or KLASS)',
    )
    .requiredOption('--file <path>', 'the changes file')
    .action(async (opts: { file: string }) => {
      let text: string;
      try {
        text = readFileSync(opts.file, 'utf8');
      } catch (error) {
        throw new CliError(`flytthit klass: cannot read ${opts.file}: ${(error as Error).message}`);
      }
      await withDeps(async ({ db }) => {
        try {
          await ensureMunicipalityRegister(db);
          const r = await importCodeChanges(db, text);
          console.log(
            `Read ${r.rows} code changes (${r.kinds.renumbered} renumbered, ${r.kinds.merged} merged, ${r.kinds.split} split; ${r.skipped} rows skipped as not a change of number).`,
          );
          console.log(
            r.added || r.updated
              ? `Added ${r.added}, corrected ${r.updated}. Statistics follow the new list at once.`
              : 'Nothing changed: every change was known already.',
          );
        } catch (error) {
          if (error instanceof AppError) throw new CliError(`flytthit klass: ${error.message}`);
          throw error;
        }
      });
    });
}
