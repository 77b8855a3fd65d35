import { CALLER_LINK_MAX_DAYS } from '../../../contracts/caller-links.js';
import { invalid } from '../../errors.js';

const HOUR = 60 * 60_000;
const DEFAULT_TTL_MS = 24 * HOUR;
const MAX_TTL_MS = CALLER_LINK_MAX_DAYS * 24 * HOUR;
const TIMEZONE = 'Europe/Oslo';

/** Minutes Europe/Oslo is ahead of UTC at this instant (60 or 120). */
function osloOffsetMinutes(at: Date): number {
  const parts = new Intl.DateTimeFormat('en-GB', {
    timeZone: TIMEZONE,
    hourCycle: 'h23',
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
    hour: '2-digit',
    minute: '2-digit',
  }).formatToParts(at);
  const n = (type: string) => Number(parts.find((p) => p.type === type)?.value);
  const local = Date.UTC(n('year'), n('month') - 1, n('day'), n('hour'), n('minute'));
  return Math.round((local - Math.floor(at.getTime() / 60_000) * 60_000) / 60_000);
}

/** Midnight after the day (YYYY-MM-DD) in Europe/Oslo, as an instant. */
export function endOfOsloDay(day: string): Date {
  const [y, m, d] = day.split('-').map(Number) as [number, number, number];
  const guess = new Date(Date.UTC(y, m - 1, d + 1));
  return new Date(guess.getTime() - osloOffsetMinutes(guess) * 60_000);
}

/**
 * When a new link stops working: as asked (within a week), else the end of the campaign's
 * last calling day when that is still ahead, else in 24 hours; never more than a week.
 */
export function linkExpiry(now: Date, callingDays: string[], requested?: string): Date {
  const latest = now.getTime() + MAX_TTL_MS;
  if (requested) {
    const at = new Date(requested);
    if (at.getTime() <= now.getTime()) {
      throw invalid([{ field: 'expiresAt', message: 'Must be in the future' }]);
    }
    if (at.getTime() > latest) {
      throw invalid([
        { field: 'expiresAt', message: `At most ${CALLER_LINK_MAX_DAYS} days from now` },
      ]);
    }
    return at;
  }
  const lastDay = [...callingDays].sort().at(-1);
  const end = lastDay ? endOfOsloDay(lastDay).getTime() : 0;
  const chosen = end > now.getTime() ? end : now.getTime() + DEFAULT_TTL_MS;
  return new Date(Math.min(chosen, latest));
}
