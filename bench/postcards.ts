/**
 * Postcards bench: 10,000 invented prospects (demo data, only in the bench database) of one
 * referral campaign on SQLite → one postcard batch → the print-ready PDF, streamed to a sink
 * that only counts bytes. Prints `bench: postcards_10k_s=<s> postcards_peak_mb=<mb>`: the
 * seconds from making the batch to the last byte, and the highest RSS seen meanwhile.
 * Goal: under 60 s and under 300 MB.
 * Run alone with `npx tsx bench/postcards.ts`, or call `runPostcardsBench()` from the bench script.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Writable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { pathToFileURL } from 'node:url';
import { openDatabase } from '../src/server/db/database.js';
import { migrateToLatest } from '../src/server/db/migrate.js';
import { newId } from '../src/server/db/portable.js';
import { systemClock } from '../src/server/deps.js';
import { createCampaign } from '../src/server/modules/referral/campaigns.service.js';
import {
  addressKey,
  foldName,
  newOptOutCode,
  surnameKey,
} from '../src/server/modules/referral/normalise.js';
import { createBatch, openBatchPdf } from '../src/server/modules/referral/postcards.service.js';
import { ensureDemoRegion } from '../src/server/modules/regions/regions.service.js';
import type { Principal } from '../src/server/plugins/access.js';

export interface PostcardsBenchResult {
  cards: number;
  seconds: number;
  peakMb: number;
  pdfMb: number;
}

const COUNT = 10_000;
const FIRST = ['Kari', 'Ola', 'Åse', 'Bjørn', 'Ingrid', 'Nils', 'Siri', 'Pål', 'Marte', 'Øystein'];
const LAST = ['Nordmann', 'Hansen', 'Ødegård', 'Haugen', 'Bakken', 'Lie', 'Moen', 'Dahl'];
const STREETS = ['Storgata', 'Kirkevegen', 'Fjellvegen', 'Elvegata', 'Øvre gate'];

const BENCH_ADMIN: Principal = {
  userId: 'bench',
  email: 'bench@example.no',
  name: 'Bench',
  role: 'admin',
  regionId: null,
  municipalityCodes: [],
  campaignId: null,
  via: 'token',
  mfaEnrolmentRequired: false,
};

export async function runPostcardsBench(): Promise<PostcardsBenchResult> {
  const dir = mkdtempSync(join(tmpdir(), 'flytthit-bench-postcards-'));
  const handle = await openDatabase(`sqlite:${join(dir, 'bench.db')}`);
  try {
    await migrateToLatest(handle);
    const { db } = handle;
    const regionId = await ensureDemoRegion(db, systemClock);
    const actor = { principal: BENCH_ADMIN, ip: null };
    const campaign = await createCampaign(db, systemClock, actor, {
      regionId,
      name: 'Savner du noen? (bench)',
      kind: 'referral',
      status: 'open',
      startsOn: '2026-11-01',
      endsOn: '2027-01-31',
      callingDays: [],
      texts: { nb: { title: 'Savner du noen?', intro: '' } },
      postcardMessage: '',
      postcardLocale: 'nb',
      callScript: '',
      targets: {},
      callingHours: null,
    });
    const now = systemClock.now().toISOString();
    for (let start = 0; start < COUNT; start += 500) {
      const rows = Array.from({ length: Math.min(500, COUNT - start) }, (_, k) => {
        const i = start + k;
        const name = `${FIRST[i % FIRST.length]} ${LAST[(i * 7) % LAST.length]}`;
        const line = `${STREETS[i % STREETS.length]} ${(i % 97) + 1}`;
        const postcode = String(1000 + (i % 8000)).padStart(4, '0');
        return {
          id: newId(),
          campaignId: campaign.id,
          regionId,
          municipalityCode: '3427',
          name,
          household: null,
          phoneE164: `+479${String(1_000_000 + i).padStart(7, '0')}`,
          addressLine: line,
          postcode,
          city: 'Oslo',
          nameKey: foldName(name),
          surnameKey: surnameKey(name),
          addressKey: addressKey(line, postcode),
          phoneHash: null,
          nameAddressHash: null,
          optOutCode: newOptOutCode(),
          firstTippedAt: now,
          cardedAt: null,
          releasedAt: null,
          createdAt: now,
          updatedAt: now,
        };
      });
      await db.insertInto('prospects').values(rows).execute();
    }

    let peak = process.memoryUsage.rss();
    const sample = setInterval(() => {
      peak = Math.max(peak, process.memoryUsage.rss());
    }, 20);
    let bytes = 0;
    const sink = new Writable({
      write(chunk: Buffer, _encoding, done) {
        bytes += chunk.length;
        done();
      },
    });
    const started = performance.now();
    const cpuBefore = process.cpuUsage();
    const batch = await createBatch(db, systemClock, actor, campaign.id);
    const pdf = await openBatchPdf(
      db,
      systemClock,
      actor,
      batch.id,
      'https://fjellregionen.example',
    );
    await pipeline(pdf, sink);
    const seconds = (performance.now() - started) / 1000;
    clearInterval(sample);
    peak = Math.max(peak, process.memoryUsage.rss());
    const result = {
      cards: batch.cardCount,
      seconds,
      peakMb: peak / 1024 / 1024,
      pdfMb: bytes / 1024 / 1024,
    };
    const cpu = process.cpuUsage(cpuBefore);
    // CPU time beside wall time: on a busy machine the wall clock also measures the others.
    console.log(
      `postcards: ${result.cards} cards, ${result.pdfMb.toFixed(1)} MB of PDF, ` +
        `cpu ${((cpu.user + cpu.system) / 1e6).toFixed(1)} s`,
    );
    console.log(
      `bench: postcards_10k_s=${seconds.toFixed(1)} postcards_peak_mb=${Math.round(result.peakMb)}`,
    );
    return result;
  } finally {
    await handle.close();
    rmSync(dir, { recursive: true, force: true });
  }
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  await runPostcardsBench();
}
