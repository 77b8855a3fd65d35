/**
 * Event times are entered and shown as Norwegian wall-clock time (Europe/Oslo) and stored as
 * UTC instants, so summer time is right on both sides of a change and in calendar feeds.
 */
export const EVENT_TIME_ZONE = 'Europe/Oslo';

const parts = new Intl.DateTimeFormat('en-GB', {
  timeZone: EVENT_TIME_ZONE,
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
  hour: '2-digit',
  minute: '2-digit',
  second: '2-digit',
  hourCycle: 'h23',
});

function wallClock(at: Date): Record<string, number> {
  const out: Record<string, number> = {};
  for (const p of parts.formatToParts(at)) if (p.type !== 'literal') out[p.type] = Number(p.value);
  return out;
}

/** Minutes Oslo is ahead of UTC at this instant (60 in winter, 120 in summer). */
function offsetMinutes(at: Date): number {
  const w = wallClock(at);
  const asUtc = Date.UTC(w.year!, w.month! - 1, w.day!, w.hour!, w.minute!, w.second!);
  return Math.round((asUtc - at.getTime()) / 60_000);
}

/** `2026-12-03T18:00` in Oslo → the instant; a time skipped by summer time moves forward. */
export function osloToUtc(local: string): Date {
  const m = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})$/.exec(local);
  if (!m) throw new Error(`Not a local time: ${local}`);
  const naive = Date.UTC(+m[1]!, +m[2]! - 1, +m[3]!, +m[4]!, +m[5]!);
  const first = naive - offsetMinutes(new Date(naive)) * 60_000;
  const second = naive - offsetMinutes(new Date(first)) * 60_000;
  return new Date(Math.max(first, second));
}

/** The instant as Oslo wall-clock time, `YYYY-MM-DDTHH:MM`. */
export function utcToOslo(at: Date): string {
  const w = wallClock(at);
  const two = (n: number | undefined) => String(n ?? 0).padStart(2, '0');
  return `${w.year}-${two(w.month)}-${two(w.day)}T${two(w.hour)}:${two(w.minute)}`;
}

/** Whether a string is a real calendar date and time (not 31 February). */
export function isRealLocalTime(local: string): boolean {
  const m = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})$/.exec(local);
  if (!m) return false;
  const d = new Date(Date.UTC(+m[1]!, +m[2]! - 1, +m[3]!, +m[4]!, +m[5]!));
  return d.getUTCMonth() === +m[2]! - 1 && d.getUTCDate() === +m[3]! && +m[4]! < 24 && +m[5]! < 60;
}
