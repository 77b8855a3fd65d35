import { AppError, type FieldIssue } from '../../errors.js';

export type StatFormat = 'json-stat1' | 'json-stat2' | 'csv';

/** One published cell: the value, or null and SSB's symbol for why there is none. */
export interface ParsedCell {
  region: string;
  contents: string;
  period: string;
  value: number | null;
  status: string | null;
  /** The extra dimensions' codes as a key (`Kjonn=1;Alder=020`), for tables that have any. */
  dims?: string;
}

export interface ParsedTable {
  tableId: string;
  format: StatFormat;
  label: string | null;
  /** SSB's `updated` stamp (ISO-8601), when the data carries one. */
  updated: string | null;
  /** Region labels as published, e.g. "Tynset (-2019)". */
  regionLabels: Map<string, string>;
  cells: ParsedCell[];
}

/**
 * SSB's symbols for a missing value: "." not applicable (e.g. a code not in use), ".." not
 * available, "..." not yet available, ":" confidential, "-" nil (older tables). Kept as text.
 */
export const STATUS_SYMBOLS = ['.', '..', '...', ':', '-'] as const;

export const REGION_CODE = /^[A-Za-z0-9][A-Za-z0-9_-]{0,15}$/;

/** A 400 naming what is wrong with an imported file. */
export function fileError(message: string, issues: FieldIssue[] = []): AppError {
  return new AppError('validation', message, {
    details: issues.length ? issues : [{ field: 'file', message }],
  });
}
