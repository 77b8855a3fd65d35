import type { Db } from '../../db/database.js';
import { fromDbJson } from '../../db/portable.js';
import type { Scope } from '../../plugins/access.js';
import { neutraliseCsvCell } from '../statistics/statistics.csv-out.js';
import * as repo from './audit.repo.js';

export type AuditOutcome = 'success' | 'failure' | 'denied';

export interface AuditEvent {
  action: string;
  outcome?: AuditOutcome;
  actor: { userId: string | null; label: string };
  target?: { type: string; id: string };
  regionId?: string | null;
  municipalityCode?: string | null;
  ip?: string | null;
  /** Facts about the event. Never a password, token, secret or the personal data itself. */
  details?: Record<string, unknown>;
}

const SECRET_KEYS = /(password|passwd|token|secret|hash|cookie|authorization|otp|^code)$/i;

/** Drops any key that could carry a secret, so a careless caller cannot log one. */
function scrub(details: Record<string, unknown> | undefined): Record<string, unknown> | undefined {
  if (!details) return undefined;
  return Object.fromEntries(Object.entries(details).filter(([k]) => !SECRET_KEYS.test(k)));
}

/**
 * The row an audit event is stored as. For a repo that writes the entry in the same statement
 * as the act it records; everyone else calls recordAudit.
 */
export function auditRow(at: Date, event: AuditEvent): repo.AuditInsert {
  const details = scrub(event.details);
  return {
    at: at.toISOString(),
    actorUserId: event.actor.userId,
    actorLabel: event.actor.label,
    action: event.action,
    outcome: event.outcome ?? 'success',
    targetType: event.target?.type ?? null,
    targetId: event.target?.id ?? null,
    regionId: event.regionId ?? null,
    municipalityCode: event.municipalityCode ?? null,
    ip: event.ip ?? null,
    details: details && Object.keys(details).length > 0 ? JSON.stringify(details) : null,
  };
}

/** Writes one audit entry; runs in the caller's transaction when given one. */
export async function recordAudit(db: Db, at: Date, event: AuditEvent): Promise<void> {
  await repo.insertAuditEntry(db, auditRow(at, event));
}

export async function listAudit(
  db: Db,
  scope: Scope,
  filter: repo.AuditFilter,
  page: number,
  pageSize: number,
) {
  const { rows, total } = await repo.findAuditEntries(db, scope, filter, {
    offset: (page - 1) * pageSize,
    limit: pageSize,
  });
  return {
    total,
    page,
    pageSize,
    entries: rows.map((r) => ({
      id: r.id,
      at: r.at,
      actorUserId: r.actorUserId,
      actorLabel: r.actorLabel,
      action: r.action,
      outcome: r.outcome as AuditOutcome,
      targetType: r.targetType,
      targetId: r.targetId,
      regionId: r.regionId,
      municipalityCode: r.municipalityCode,
      ip: r.ip,
      details: fromDbJson<Record<string, unknown> | null>(r.details, null),
    })),
  };
}

/** At most this many entries in one export; narrow the filter for more. */
export const AUDIT_EXPORT_LIMIT = 10_000;

/** The filtered log as CSV (semicolons, BOM for spreadsheets); no cell can run as a formula. */
export async function exportAuditCsv(db: Db, scope: Scope, filter: repo.AuditFilter) {
  const { rows } = await repo.findAuditEntries(db, scope, filter, {
    offset: 0,
    limit: AUDIT_EXPORT_LIMIT,
  });
  const header = [
    'at',
    'actor',
    'action',
    'outcome',
    'target_type',
    'target_id',
    'municipality',
    'ip',
    'details',
  ];
  const lines = rows.map((r) =>
    [
      r.at,
      r.actorLabel,
      r.action,
      r.outcome,
      r.targetType,
      r.targetId,
      r.municipalityCode,
      r.ip,
      r.details,
    ].map((v) => neutraliseCsvCell(v ?? '')),
  );
  return {
    csv: `\uFEFF${[header, ...lines].map((l) => l.join(';')).join('\r\n')}\r\n`,
    count: rows.length,
  };
}
