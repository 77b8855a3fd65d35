/**
 * Council report bench: the demo region with a year of data (every module's demo content, SSB
 * 01222 for the region's municipalities over the year's quarters, and 600 survey answers
 * spread over it; the values are invented and never leave the bench database) on SQLite, then
 * time making the report for the year: gathering, the PDF and the XLSX.
 * Prints `bench: report_year_s=<s>` (median of three, after a first cold run that also loads
 * pdfkit, exceljs and the font, printed as report_year_cold_s). Goal: under 5 s.
 * Run alone with `npx tsx bench/report.ts` (REPORT_BENCH_OUT=file.pdf keeps the PDF), or call
 * `runReportBench()` from the bench script.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { openDatabase } from '../src/server/db/database.js';
import { migrateToLatest } from '../src/server/db/migrate.js';
import { newId } from '../src/server/db/portable.js';
import { systemClock } from '../src/server/deps.js';
import { recreateDemo } from '../src/server/modules/demo.js';
import { getRegionById } from '../src/server/modules/regions/regions.service.js';
import { quarterOf } from '../src/server/modules/reports/reports.data.js';
import { renderCouncilPdf } from '../src/server/modules/reports/reports.pdf.js';
import { buildCouncilReport } from '../src/server/modules/reports/reports.service.js';
import { renderCouncilXlsx } from '../src/server/modules/reports/reports.xlsx.js';
import { importTable } from '../src/server/modules/statistics/statistics.import.js';
import { parseStatFile } from '../src/server/modules/statistics/statistics.parse.js';
import { previousQuarter } from '../src/server/modules/statistics/statistics.tables.js';
import { CONTENTS_01222, jsonStat2 } from '../test/support/ssb.js';

export interface ReportBenchResult {
  seconds: number;
  pages: number;
  pdfBytes: number;
  xlsxBytes: number;
}

/** 01222 for the given municipalities and quarters, generated (labelled as such). */
function generated01222(codes: Array<[string, string]>, periods: string[]): string {
  let seed = 7;
  const next = () => {
    seed = (seed * 1103515245 + 12345) % 2147483648;
    return seed % 120;
  };
  return JSON.stringify(
    jsonStat2({
      tableId: '01222',
      label: '01222: generated for the report bench, not SSB data',
      updated: '2026-11-20T07:00:00Z',
      regions: codes,
      contents: CONTENTS_01222,
      periods,
      value: (_region, contents) =>
        contents.startsWith('Folketallet') ? 5000 + next() : next() - 55,
    }),
  );
}

export async function runReportBench(): Promise<ReportBenchResult> {
  const dir = mkdtempSync(join(tmpdir(), 'flytthit-bench-report-'));
  const handle = await openDatabase(`sqlite:${join(dir, 'bench.db')}`);
  try {
    await migrateToLatest(handle);
    const { db } = handle;
    const { regionId } = await recreateDemo(db, systemClock);
    const region = await getRegionById(db, regionId);
    const to = systemClock.now().toISOString().slice(0, 10);
    const from = `${Number(to.slice(0, 4)) - 1}${to.slice(4, 8)}01`;

    const quarters = [quarterOf(to)];
    while (quarters[0]! > quarterOf(from)) quarters.unshift(previousQuarter(quarters[0]!));
    const codes = region.municipalities.map((m) => [m.code, m.name] as [string, string]);
    await importTable(db, systemClock, parseStatFile(generated01222(codes, quarters), '01222'), {
      kind: 'file',
      name: 'bench',
    });
    for (let i = 0; i < 600; i++) {
      await db
        .insertInto('surveyResponses')
        .values({
          id: newId(),
          surveyKey: i % 3 === 0 ? 'employer' : 'wellbeing',
          definitionVersion: 1,
          regionId,
          municipalityCode: codes[i % codes.length]![0],
          wave: '3m',
          campaignId: null,
          period: quarters[i % quarters.length]!,
          answers: JSON.stringify({ wellbeing: 1 + (i % 5), plansToStay: i % 4 ? 'yes' : 'no' }),
        })
        .execute();
    }

    const make = async () => {
      const report = await buildCouncilReport(db, systemClock, {
        regionId,
        from,
        to,
        locale: 'nb',
      });
      return { pdf: await renderCouncilPdf(report), xlsx: await renderCouncilXlsx(report) };
    };
    // The first report of a process also loads pdfkit, exceljs and the font: reported apart.
    let started = performance.now();
    const { pdf, xlsx } = await make();
    const coldSeconds = (performance.now() - started) / 1000;
    const runs: number[] = [];
    for (let i = 0; i < 3; i++) {
      started = performance.now();
      await make();
      runs.push((performance.now() - started) / 1000);
    }
    const seconds = runs.sort((a, b) => a - b)[1]!;
    if (process.env.REPORT_BENCH_OUT) writeFileSync(process.env.REPORT_BENCH_OUT, pdf.bytes);
    console.log(
      `bench: report_year_s=${seconds.toFixed(2)} report_year_cold_s=${coldSeconds.toFixed(2)}`,
    );
    return { seconds, pages: pdf.pages, pdfBytes: pdf.bytes.length, xlsxBytes: xlsx.length };
  } finally {
    await handle.close();
    rmSync(dir, { recursive: true, force: true });
  }
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const r = await runReportBench();
  console.log(`(${r.pages} pages, PDF ${r.pdfBytes} bytes, XLSX ${r.xlsxBytes} bytes)`);
}
