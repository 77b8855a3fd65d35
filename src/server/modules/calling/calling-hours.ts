import { type CallingHours, DEFAULT_CALLING_HOURS } from '../../../contracts/calling.js';

/** Calling hours are wall-clock hours where the callers and the called live. */
export const CALLING_TIME_ZONE = 'Europe/Oslo';

const osloParts = new Intl.DateTimeFormat('en-GB', {
  timeZone: CALLING_TIME_ZONE,
  weekday: 'short',
  hour: '2-digit',
  minute: '2-digit',
  hourCycle: 'h23',
});

const ISO_WEEKDAY: Record<string, number> = {
  Mon: 1,
  Tue: 2,
  Wed: 3,
  Thu: 4,
  Fri: 5,
  Sat: 6,
  Sun: 7,
};
const DAY_NAMES = [
  '',
  'Monday',
  'Tuesday',
  'Wednesday',
  'Thursday',
  'Friday',
  'Saturday',
  'Sunday',
];

/** The ISO weekday (1 = Monday) and the time as HH:MM in Norway at `at`. */
export function osloWallClock(at: Date): { weekday: number; time: string } {
  const parts = Object.fromEntries(osloParts.formatToParts(at).map((p) => [p.type, p.value]));
  return {
    weekday: ISO_WEEKDAY[parts.weekday ?? ''] ?? 0,
    time: `${parts.hour}:${parts.minute}`,
  };
}

/** The campaign's hours, or weekdays 09:00–21:00 when it names none. */
export const effectiveHours = (hours: CallingHours | null | undefined): CallingHours =>
  hours ?? DEFAULT_CALLING_HOURS;

/** Whether `at` falls on a calling day, at or after `from` and before `to` (Norwegian time). */
export function withinCallingHours(hours: CallingHours, at: Date): boolean {
  const { weekday, time } = osloWallClock(at);
  return hours.days.includes(weekday) && time >= hours.from && time < hours.to;
}

/** "Monday–Friday 09:00–21:00", "Saturday, Sunday 10:00–16:00": for error messages. */
export function describeHours(hours: CallingHours): string {
  const days = [...new Set(hours.days)].sort((a, b) => a - b);
  const consecutive = days.every((d, i) => i === 0 || d === days[i - 1]! + 1);
  const dayText =
    days.length === 7
      ? 'every day'
      : consecutive && days.length > 2
        ? `${DAY_NAMES[days[0]!]}–${DAY_NAMES[days.at(-1)!]}`
        : days.map((d) => DAY_NAMES[d]).join(', ');
  return `${dayText} ${hours.from}–${hours.to} (Norwegian time)`;
}
