import { formatQuarter } from '../../../web/i18n/locales.js';
import type { Db } from '../../db/database.js';
import { newId, toDbTime } from '../../db/portable.js';
import type { Clock } from '../../deps.js';
import { AppError } from '../../errors.js';
import { recordAudit } from '../audit/audit.service.js';
import { queueEmail } from '../notifications/notifications.service.js';
import { listRegions } from '../regions/regions.service.js';
import { nextQuarter, periodStart, previousQuarter } from '../statistics/statistics.tables.js';
import { listUsers } from '../users/users.service.js';
import { quarterOf } from './reports.data.js';
import { day, reportT } from './reports.format.js';
import { renderCouncilPdf } from './reports.pdf.js';
import * as repo from './reports.repo.js';
import { buildCouncilReport, reportFilename } from './reports.service.js';

/**
 * After each quarter ends, its council report goes to the region's programme leaders: an
 * email with the report PDF attached (the issue asks for it emailed; it holds only the
 * region's aggregate figures, small groups suppressed) and a link to the office page that
 * downloads it and the spreadsheet. The PDF is made before the transaction that records the
 * run and queues the mail: if making it fails, nothing is recorded or queued and the next
 * round tries again (ADR 0017).
 */

const osloDay = new Intl.DateTimeFormat('en-CA', {
  timeZone: 'Europe/Oslo',
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
});

/** The quarter that ended last, by the Oslo calendar, with its first and last day. */
export function lastEndedQuarter(now: Date): { quarter: string; from: string; to: string } {
  const quarter = previousQuarter(quarterOf(osloDay.format(now)));
  const from = periodStart(quarter);
  const end = new Date(Date.parse(`${periodStart(nextQuarter(quarter))}T00:00:00Z`) - 86_400_000);
  return { quarter, from, to: end.toISOString().slice(0, 10) };
}

export interface QuarterlyOutcome {
  quarter: string;
  sent: number;
  empty: number;
  /** Regions whose report could not be made this round: tried again next round. */
  failed: number;
}

async function leaderAddresses(db: Db, regionId: string): Promise<string[]> {
  const users = await listUsers(db, { regionIds: [regionId], municipalityCodes: 'all' });
  return users
    .filter(
      (u) => u.role === 'programme_leader' && u.status === 'active' && u.regionId === regionId,
    )
    .map((u) => u.email);
}

/** The report PDF with its pages and file name, or null when the quarter holds nothing. */
async function makeReport(db: Db, clock: Clock, regionId: string, from: string, to: string) {
  try {
    const report = await buildCouncilReport(db, clock, { regionId, from, to, locale: 'nb' });
    const { bytes, pages } = await renderCouncilPdf(report);
    return { bytes, pages, filename: reportFilename(report, 'pdf') };
  } catch (error) {
    if (error instanceof AppError && error.code === 'not_found') return null;
    throw error;
  }
}

/**
 * One round: for every region without a run for the last quarter, make the report and queue
 * one email per programme leader, recording the run in the same transaction. The run's unique
 * key (region, quarter) makes a second process, or a second round, send nothing again.
 */
export async function sendQuarterlyReports(
  db: Db,
  clock: Clock,
  options: { publicUrl: string; onError?: (regionId: string, error: unknown) => void },
): Promise<QuarterlyOutcome> {
  const { quarter, from, to } = lastEndedQuarter(clock.now());
  const outcome: QuarterlyOutcome = { quarter, sent: 0, empty: 0, failed: 0 };
  const t = reportT('nb');
  const url = new URL('/office/reports', options.publicUrl);
  url.search = new URLSearchParams({ from, to }).toString();
  for (const region of await listRegions(db, { regionIds: 'all', municipalityCodes: 'all' })) {
    if (await repo.hasRun(db, region.id, quarter)) continue;
    const recipients = await leaderAddresses(db, region.id);
    // No one to send to yet: try again next round rather than mark the quarter done.
    if (recipients.length === 0) continue;
    let made: Awaited<ReturnType<typeof makeReport>>;
    try {
      made = await makeReport(db, clock, region.id, from, to);
    } catch (error) {
      // No run recorded, no mail queued: the next round makes it again. Other regions go on.
      outcome.failed += 1;
      options.onError?.(region.id, error);
      continue;
    }
    const pages = made?.pages ?? null;
    const id = newId();
    const recorded = await db.transaction().execute(async (trx) => {
      const inserted = await repo.insertRun(trx, {
        id,
        regionId: region.id,
        quarter,
        status: pages === null ? 'no_data' : 'sent',
        recipients: pages === null ? 0 : recipients.length,
        pages: pages ?? 0,
        createdAt: toDbTime(clock.now()),
      });
      if (!inserted) return false;
      if (pages === null) return true;
      const values = {
        quarter: formatQuarter('nb', quarter),
        region: region.name,
        from: day('nb', from),
        to: day('nb', to),
        url: url.toString(),
        pages,
      };
      for (const address of recipients) {
        await queueEmail(trx, clock, {
          to: address,
          subject: t('mail.subject', values),
          text: t('mail.body', values),
          regionId: region.id,
          purpose: `reports.quarterly:${id}`,
          locale: 'nb',
          attachments: made
            ? [{ filename: made.filename, contentType: 'application/pdf', bytes: made.bytes }]
            : [],
        });
      }
      await recordAudit(trx, clock.now(), {
        action: 'reports.quarterly_sent',
        actor: { userId: null, label: 'system' },
        target: { type: 'region', id: region.id },
        regionId: region.id,
        details: { quarter, recipients: recipients.length, pages },
      });
      return true;
    });
    if (recorded && pages === null) outcome.empty += 1;
    else if (recorded) outcome.sent += 1;
  }
  return outcome;
}

/** The quarters whose report has been made for a region, oldest first. */
export const listQuarterlyRuns = (db: Db, regionId: string) => repo.listRuns(db, regionId);
