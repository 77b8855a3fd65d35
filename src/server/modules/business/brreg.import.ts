import { createHash } from 'node:crypto';
import type { BadRow, ImportResult } from '../../../contracts/business.js';
import type { Db } from '../../db/database.js';
import { newId } from '../../db/portable.js';
import type { Clock } from '../../deps.js';
import { recordAudit } from '../audit/audit.service.js';
import { getRegionById } from '../regions/regions.service.js';
import { type RawRow, readBrregFile, textChunks } from './brreg.parse.js';
import { checkRow, type EmployerRecord, hashRecord, municipalityOf } from './brreg.rows.js';
import * as repo from './employers.repo.js';

/** Bad rows listed in the answer; the rest are counted. */
export const BAD_ROWS_LISTED = 200;

export interface ImportWho {
  userId: string | null;
  label: string;
  ip: string | null;
}

export interface ImportOptions {
  regionId: string;
  fileName: string;
  /** Called every 10,000 rows read (the CLI prints it). */
  onProgress?: (rowsRead: number) => void;
  /** Throws when the source turned out incomplete (an upload over its limit). */
  assertComplete?: () => void;
}

/** Every number a region's municipality has had (0437 → 3427), to today's number. */
async function codeMap(db: Db, regionId: string): Promise<Map<string, string>> {
  const region = await getRegionById(db, regionId);
  const map = new Map<string, string>();
  for (const m of region.municipalities) {
    map.set(m.code, m.code);
    for (const e of m.earlierCodes) map.set(e.code, m.code);
  }
  return map;
}

/**
 * Imports an Enhetsregisteret file into a region's employer register. The file is read as a
 * stream; rows outside the region are skipped; bad rows in the region are reported with
 * their numbers and reasons; the good rows are written in one transaction. The same file
 * again changes nothing (rows are compared by fingerprint), and an updated row updates. A file
 * that is not Enhetsregisteret's is refused before anything is written.
 */
export async function importEmployers(
  db: Db,
  clock: Clock,
  who: ImportWho,
  source: string | Buffer | AsyncIterable<Buffer | string>,
  options: ImportOptions,
): Promise<ImportResult> {
  const codes = await codeMap(db, options.regionId);
  const good = new Map<string, { record: EmployerRecord; row: number }>();
  const bad: BadRow[] = [];
  let badCount = 0;
  let inRegion = 0;
  const hash = createHash('sha256');
  const addBad = (b: BadRow) => {
    badCount += 1;
    if (bad.length < BAD_ROWS_LISTED) bad.push(b);
  };

  const sink = (row: RawRow, n: number) => {
    if (n % 10_000 === 0) options.onProgress?.(n);
    const code = typeof row.__broken === 'string' ? null : municipalityOf(row);
    if (code !== null && /^\d{4}$/.test(code) && !codes.has(code)) return;
    inRegion += 1;
    if (code !== null && !/^\d{4}$/.test(code)) {
      addBad({
        row: n,
        orgNumber: null,
        reasons: ['forretningsadresse.kommunenummer: not a municipality number'],
      });
      return;
    }
    if (code === null && typeof row.__broken !== 'string') {
      addBad({ row: n, orgNumber: null, reasons: ['forretningsadresse.kommunenummer: missing'] });
      return;
    }
    const checked = checkRow(row, code ? codes.get(code)! : '');
    if (!checked.ok) {
      addBad({ row: n, orgNumber: checked.orgNumber, reasons: checked.reasons });
      return;
    }
    const earlier = good.get(checked.record.orgNumber);
    if (earlier) {
      addBad({
        row: n,
        orgNumber: checked.record.orgNumber,
        reasons: [`organisasjonsnummer: also in row ${earlier.row}`],
      });
      return;
    }
    good.set(checked.record.orgNumber, { record: checked.record, row: n });
  };

  async function* hashed(): AsyncIterable<string> {
    for await (const chunk of textChunks(source)) {
      hash.update(chunk);
      yield chunk;
    }
  }
  const { format, rows } = await readBrregFile(hashed(), sink);
  const contentHash = hash.digest('base64url');
  options.assertComplete?.();

  const now = clock.now().toISOString();
  const importId = newId();
  const counts = await db.transaction().execute(async (trx) => {
    const existing = new Map(
      (await repo.findEmployerHashes(trx, options.regionId)).map((e) => [e.orgNumber, e]),
    );
    let added = 0;
    let updated = 0;
    let unchanged = 0;
    const inserts: Parameters<typeof repo.insertEmployers>[1] = [];
    for (const { record } of good.values()) {
      const sourceHash = hashRecord(record);
      const { bankrupt, windingUp, ...fields } = record;
      const flags = { bankrupt: bankrupt ? 1 : 0, windingUp: windingUp ? 1 : 0 };
      const before = existing.get(record.orgNumber);
      if (!before) {
        added += 1;
        inserts.push({
          id: newId(),
          regionId: options.regionId,
          ...fields,
          ...flags,
          sourceHash,
          importId,
          outreachNotes: null,
          contactName: null,
          contactEmail: null,
          contactPhone: null,
          contactUpdatedAt: null,
          surveyWaveSent: null,
          createdAt: now,
          updatedAt: now,
        });
      } else if (before.sourceHash !== sourceHash) {
        updated += 1;
        await repo.updateEmployer(trx, before.id, {
          ...fields,
          ...flags,
          sourceHash,
          importId,
          updatedAt: now,
        });
      } else unchanged += 1;
    }
    await repo.insertEmployers(trx, inserts);
    if (added + updated > 0) {
      await repo.insertImport(trx, {
        id: importId,
        regionId: options.regionId,
        fileName: options.fileName,
        format,
        contentHash,
        rowsRead: rows,
        rowsInRegion: inRegion,
        added,
        updated,
        unchanged,
        badRows: badCount,
        importedAt: now,
        importedBy: who.userId,
      });
    }
    await recordAudit(trx, clock.now(), {
      action: 'business.employers_imported',
      actor: { userId: who.userId, label: who.label },
      ip: who.ip,
      target: { type: 'employer_import', id: importId },
      regionId: options.regionId,
      details: {
        fileName: options.fileName,
        format,
        rows,
        inRegion,
        added,
        updated,
        unchanged,
        badRows: badCount,
      },
    });
    return { added, updated, unchanged };
  });
  return {
    importId: counts.added + counts.updated > 0 ? importId : null,
    format,
    rowsRead: rows,
    rowsInRegion: inRegion,
    ...counts,
    badRows: bad,
    badRowCount: badCount,
  };
}

export async function listImports(db: Db, regionIds: 'all' | string[]) {
  return (await repo.findImports(db, regionIds)).map((r) => ({
    id: r.id,
    fileName: r.fileName,
    format: r.format,
    rowsRead: Number(r.rowsRead),
    rowsInRegion: Number(r.rowsInRegion),
    added: Number(r.added),
    updated: Number(r.updated),
    unchanged: Number(r.unchanged),
    badRows: Number(r.badRows),
    importedAt: r.importedAt,
  }));
}
