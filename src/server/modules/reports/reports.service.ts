import type { CouncilReportQuery } from '../../../contracts/reports.js';
import type { Locale } from '../../../web/i18n/locales.js';
import type { Db } from '../../db/database.js';
import type { Clock } from '../../deps.js';
import { AppError, invalid, notFound } from '../../errors.js';
import type { Principal } from '../../plugins/access.js';
import { recordAudit } from '../audit/audit.service.js';
import { type CouncilReportData, collectCouncilReport, hasData } from './reports.data.js';
import { renderCouncilPdf } from './reports.pdf.js';
import { renderCouncilXlsx } from './reports.xlsx.js';

/** Who asks for a report in the office, for scope and the audit log. */
export interface Actor {
  principal: Principal;
  ip: string | null;
}

export type ReportFormat = 'pdf' | 'xlsx';

export const REPORT_TYPES: Record<ReportFormat, string> = {
  pdf: 'application/pdf',
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
};

/** The region asked about: an admin names it; a programme leader has their own. */
function regionOf(principal: Principal, asked: string | undefined): string {
  if (principal.role === 'admin') {
    if (!asked) throw invalid([{ field: 'region', message: 'Required for an administrator' }]);
    return asked;
  }
  // Another region's report answers like a missing region.
  if (!principal.regionId || (asked && asked !== principal.regionId)) throw notFound('The region');
  return principal.regionId;
}

/** The report's data, or a clear refusal when the period holds nothing to report. */
export async function buildCouncilReport(
  db: Db,
  clock: Clock,
  input: { regionId: string; from: string; to: string; locale: Locale },
): Promise<CouncilReportData> {
  const report = await collectCouncilReport(db, { ...input, now: clock.now() });
  if (!hasData(report)) {
    throw new AppError(
      'not_found',
      `Nothing to report for ${report.region.name} from ${input.from} to ${input.to}: no migration figures, campaigns, survey answers or goal figures in the period.`,
      { details: [{ field: 'period', message: 'No data in the period' }] },
    );
  }
  return report;
}

export function reportFilename(report: CouncilReportData, format: ReportFormat): string {
  return `rapport-${report.region.slug}-${report.from}-${report.to}.${format}`;
}

export async function renderReport(
  report: CouncilReportData,
  format: ReportFormat,
): Promise<Buffer> {
  return format === 'pdf' ? (await renderCouncilPdf(report)).bytes : renderCouncilXlsx(report);
}

/** The report for a download: made in the actor's region, and the export audited. */
export async function exportCouncilReport(
  db: Db,
  clock: Clock,
  actor: Actor,
  query: CouncilReportQuery,
  format: ReportFormat,
): Promise<{ filename: string; body: Buffer }> {
  const regionId = regionOf(actor.principal, query.region);
  const report = await buildCouncilReport(db, clock, {
    regionId,
    from: query.from,
    to: query.to,
    locale: query.locale,
  });
  const body = await renderReport(report, format);
  await recordAudit(db, clock.now(), {
    action: 'reports.council_exported',
    actor: { userId: actor.principal.userId, label: actor.principal.email },
    target: { type: 'region', id: regionId },
    regionId,
    ip: actor.ip,
    details: { format, from: query.from, to: query.to, locale: query.locale, bytes: body.length },
  });
  return { filename: reportFilename(report, format), body };
}
