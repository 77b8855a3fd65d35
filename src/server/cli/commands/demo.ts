import type { Command } from 'commander';
import { recreateDemo } from '../../modules/demo.js';
import { DEMO_REGION } from '../../modules/regions/regions.service.js';
import { withDeps } from '../context.js';
import { asCli } from './errors.js';

export function demoCommand(program: Command) {
  program
    .command('demo')
    .description(`Recreate the demo region ${DEMO_REGION.name} and its invented demo data`)
    .addHelpText(
      'after',
      `
Restores the demo region (slug ${DEMO_REGION.slug}) as shipped: its name, colour and seven
municipalities, and replaces every module's demo data in it. Real regions are not touched.
Safe to run while the server is running.`,
    )
    .action(async () => {
      await withDeps(async ({ db, clock }) => {
        const { seeded } = await asCli(() => recreateDemo(db, clock));
        console.log(
          `Recreated the demo region ${DEMO_REGION.name} (${DEMO_REGION.municipalityCodes.length} municipalities).`,
        );
        console.log(
          seeded.length > 0 ? `Demo data: ${seeded.join(', ')}.` : 'No module has demo data yet.',
        );
      });
    });
}
