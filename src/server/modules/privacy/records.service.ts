import type { Locale } from '../../../web/i18n/locales.js';
import type { Db } from '../../db/database.js';
import type { Clock } from '../../deps.js';
import { recordAudit } from '../audit/audit.service.js';
import { getRegionById } from '../regions/regions.service.js';
import { auditedBy, type PrivacyActor } from './actor.js';
import { buildDataMap, recordsPdf, recordsXlsx } from './records.js';
import { getPeriods } from './retention.service.js';

export const getDataMap = buildDataMap;

/** The records of processing as a file, for the region's controller (or the installation). */
export async function exportRecords(
  db: Db,
  clock: Clock,
  actor: PrivacyActor,
  format: 'pdf' | 'xlsx',
  locale: Locale,
): Promise<Buffer> {
  const now = clock.now();
  const controller = actor.regionId ? (await getRegionById(db, actor.regionId)).name : 'Flytthit';
  const periods = await getPeriods(db);
  const map = buildDataMap();
  const file =
    format === 'pdf'
      ? await recordsPdf(map, locale, periods, controller, now)
      : await recordsXlsx(map, locale, periods, controller);
  await recordAudit(db, now, {
    action: 'privacy.records_exported',
    ...auditedBy(actor),
    regionId: actor.regionId,
    details: { format },
  });
  return file;
}
