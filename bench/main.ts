/**
 * The bench parts `npm run bench` runs, in this order. Each prints its own `bench: …` line.
 * A module adds its part with one line. The foundation part runs last, so the output ends
 * with its `bench: front_page_ratio=…` line.
 */
import { runClaimsBench } from './claims.js';
import { runFoundationBench } from './foundation.js';
import { runJobsIngestBench } from './jobs-ingest.js';
import { runJobsSearchBench } from './jobs-search.js';
import { runPostcardsBench } from './postcards.js';
import { runReportBench } from './report.js';
import { runSiteRenderBench } from './site-render.js';
import { runStatsBench } from './stats.js';

export interface BenchPart {
  name: string;
  run(): Promise<unknown>;
}

export const parts: BenchPart[] = [
  // First: its peak RSS is the process's, so it runs before other parts have grown it.
  { name: 'postcards', run: runPostcardsBench },
  { name: 'stats', run: runStatsBench },
  { name: 'report', run: runReportBench },
  { name: 'claims', run: runClaimsBench },
  { name: 'jobs-ingest', run: () => runJobsIngestBench() },
  { name: 'jobs-search', run: runJobsSearchBench },
  { name: 'site-render', run: runSiteRenderBench },
  { name: 'foundation', run: runFoundationBench },
];

/** Runs every part, or those named; returns the exit code (1 when a part failed). */
export async function runBench(only: string[]): Promise<number> {
  const unknown = only.filter((name) => !parts.some((p) => p.name === name));
  if (unknown.length > 0) {
    console.error(
      `bench: no part named ${unknown.join(', ')} (${parts.map((p) => p.name).join(', ')})`,
    );
    return 2;
  }
  let failed = 0;
  for (const part of parts) {
    if (only.length > 0 && !only.includes(part.name)) continue;
    console.log(`\n== ${part.name}`);
    try {
      await part.run();
    } catch (error) {
      failed++;
      console.error(`bench: part ${part.name} failed: ${(error as Error).stack ?? error}`);
    }
  }
  return failed > 0 ? 1 : 0;
}
