import { randomUUID } from 'node:crypto';

/**
 * Portable representations, decided once (docs/decisions/0001-database-portability.md):
 * ids are UUID text, timestamps ISO-8601 UTC text with milliseconds (so text order is time
 * order), booleans 0/1 integers, JSON as text. Repos convert at their edge with these.
 */
export const newId = (): string => randomUUID();

export const toDbTime = (d: Date): string => d.toISOString();

export const fromDbTime = (s: string): Date => new Date(s);

export const toDbBool = (b: boolean): number => (b ? 1 : 0);

export const fromDbBool = (n: number | boolean | null | undefined): boolean =>
  n === true || n === 1;

export const toDbJson = (value: unknown): string => JSON.stringify(value ?? null);

export function fromDbJson<T>(text: string | null | undefined, fallback: T): T {
  if (text == null || text === '') return fallback;
  return JSON.parse(text) as T;
}
