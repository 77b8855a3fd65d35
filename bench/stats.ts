/**
 * Statistics bench: import table 01222 for ~360 municipalities × 11 contents × 116 quarters
 * (≈ 460,000 cells, generated in the real JSON-stat 2.0 shape; the values are invented and
 * never leave the bench database) on SQLite, then time the region summary query.
 * Prints `bench: stats_import_s=<s> stats_summary_ms=<ms>`. Goal: under 10 s and under 20 ms.
 * Run alone with `npx tsx bench/stats.ts`, or call `runStatsBench()` from the bench script.
 */
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { parse } from 'csv-parse/sync';
import { openDatabase } from '../src/server/db/database.js';
import { migrateToLatest } from '../src/server/db/migrate.js';
import { systemClock } from '../src/server/deps.js';
import { ensureDemoRegion } from '../src/server/modules/regions/regions.service.js';
import { importTable } from '../src/server/modules/statistics/statistics.import.js';
import { parseStatFile } from '../src/server/modules/statistics/statistics.parse.js';
import { getQuarterSummary } from '../src/server/modules/statistics/statistics.service.js';
import { dataDir } from '../src/server/paths.js';
import { CONTENTS_01222, jsonStat2 } from '../test/support/ssb.js';

export interface StatsBenchResult {
  cells: number;
  importSeconds: number;
  summaryMs: number;
}

function quarters(from: string, count: number): string[] {
  const out: string[] = [];
  let year = Number(from.slice(0, 4));
  let q = Number(from.slice(5));
  for (let i = 0; i < count; i++) {
    out.push(`${year}K${q}`);
    if (++q > 4) {
      q = 1;
      year++;
    }
  }
  return out;
}

/** Today's municipalities plus a few earlier numbers, as 01222 lists them: about 360 codes. */
function regions(): Array<[string, string]> {
  const rows = parse(readFileSync(join(dataDir, 'municipalities/municipalities.csv'), 'utf8'), {
    columns: true,
  }) as Array<{ code: string; name: string }>;
  const old: Array<[string, string]> = [
    ['0437', 'Tynset (-2019)'],
    ['1640', 'Røros (-2017)'],
    ['0432', 'Rendalen (-2019)'],
  ];
  return [...rows.map((r) => [r.code, r.name] as [string, string]), ...old];
}

export function generated01222(): string {
  const periods = quarters('1997K4', 116);
  const list = regions();
  let seed = 1;
  const next = () => {
    seed = (seed * 1103515245 + 12345) % 2147483648;
    return seed % 200;
  };
  return JSON.stringify(
    jsonStat2({
      tableId: '01222',
      label: '01222: Befolkning og kvartalsvise endringar (generated for the bench, not SSB data)',
      updated: '2026-11-20T07:00:00Z',
      regions: list,
      contents: CONTENTS_01222,
      periods,
      value: (region, contents) =>
        contents.startsWith('Folketallet')
          ? 5000 + next()
          : region === '0437'
            ? next()
            : next() - 50,
    }),
  );
}

export async function runStatsBench(): Promise<StatsBenchResult> {
  const dir = mkdtempSync(join(tmpdir(), 'flytthit-bench-stats-'));
  const handle = await openDatabase(`sqlite:${join(dir, 'bench.db')}`);
  try {
    await migrateToLatest(handle);
    await ensureDemoRegion(handle.db, systemClock);
    const text = generated01222();

    const started = performance.now();
    const parsed = parseStatFile(text, '01222');
    await importTable(handle.db, systemClock, parsed, { kind: 'file', name: 'bench' });
    const importSeconds = (performance.now() - started) / 1000;

    // Warm once (statement cache, code paths), then take the median of several runs.
    await getQuarterSummary(handle.db, 'fjellregionen', '2026K3', 'nb');
    const runs: number[] = [];
    for (let i = 0; i < 9; i++) {
      const t0 = performance.now();
      await getQuarterSummary(handle.db, 'fjellregionen', '2026K3', 'nb');
      runs.push(performance.now() - t0);
    }
    runs.sort((a, b) => a - b);
    const result = { cells: parsed.cells.length, importSeconds, summaryMs: runs[4]! };
    console.log(
      `bench: stats_import_s=${importSeconds.toFixed(2)} stats_summary_ms=${result.summaryMs.toFixed(2)}`,
    );
    return result;
  } finally {
    await handle.close();
    rmSync(dir, { recursive: true, force: true });
  }
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const r = await runStatsBench();
  console.log(`(${r.cells} cells)`);
}
