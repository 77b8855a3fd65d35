import type { Db } from '../db/database.js';
import type { Clock } from '../deps.js';
import { contentDemoSeeder } from './content/content.demo.js';
import { eventsDemoSeeder } from './events/events.demo.js';
import { goalsDemoSeeder } from './goals/goals.demo.js';
import { newcomersDemoSeeder } from './newcomers/newcomers.demo.js';
import { referralDemoSeeder } from './referral/referral.demo.js';
import {
  DEMO_REGION,
  ensureMunicipalityRegister,
  findRegionIdBySlug,
  resetDemoRegion,
} from './regions/regions.service.js';
import { statisticsDemoSeeder } from './statistics/statistics.demo.js';

/**
 * A module's invented demo content for the demo region (people, tips, calls, …). `seed` runs
 * in the same transaction as the region's reset and must replace whatever it made before, so
 * `flytthit demo` run twice gives the same data, and never touches a region that is not
 * the demo region it is given. Invented data stays in the demo region (DESIGN: honest data).
 */
export interface DemoSeeder {
  /** Shown by `flytthit demo`, e.g. 'campaigns'. */
  name: string;
  seed(db: Db, clock: Clock, demoRegionId: string): Promise<void>;
}

/** Every module's demo seeder, run in this order. A module adds one line. */
export const demoSeeders: DemoSeeder[] = [
  statisticsDemoSeeder,
  referralDemoSeeder,
  eventsDemoSeeder,
  newcomersDemoSeeder,
  goalsDemoSeeder,
  contentDemoSeeder,
];

export interface DemoResult {
  regionId: string;
  seeded: string[];
}

/** Recreates the demo region and every module's demo data, all or nothing. */
export async function recreateDemo(db: Db, clock: Clock): Promise<DemoResult> {
  // Loaded outside the transaction: loading the register opens a transaction of its own.
  await ensureMunicipalityRegister(db);
  return db.transaction().execute(async (trx) => {
    const regionId = await resetDemoRegion(trx, clock);
    for (const seeder of demoSeeders) await seeder.seed(trx, clock, regionId);
    return { regionId, seeded: demoSeeders.map((s) => s.name) };
  });
}

/** At a first start: the demo region with every module's demo data, when it is not there yet. */
export async function ensureDemo(db: Db, clock: Clock): Promise<DemoResult | undefined> {
  if (await findDemoRegionId(db)) return undefined;
  try {
    return await recreateDemo(db, clock);
  } catch (error) {
    // Another process starting at the same moment made it first (its region's slug won).
    if (await findDemoRegionId(db)) return undefined;
    throw error;
  }
}

const findDemoRegionId = (db: Db) => findRegionIdBySlug(db, DEMO_REGION.slug);
