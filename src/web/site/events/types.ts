import type { Region } from '../../../contracts/regions.js';
import type { Locale } from '../../i18n/locales.js';
import type { SiteAssets } from '../types.js';

/** What every events page is rendered from. */
export interface EventsPageInput {
  locale: Locale;
  /** The page's path without its language prefix, e.g. `/arrangementer`. */
  path: string;
  /** `https://host`, for canonical and alternate links and the JSON-LD. */
  origin: string;
  region: Region;
  assets: SiteAssets;
}

/** An event as the public pages show it, already in the reader's language. */
export interface PublicEvent {
  id: string;
  title: string;
  /** The bokmål text stands in for the reader's language. */
  titleFallback: boolean;
  description: string;
  descriptionFallback: boolean;
  place: string;
  municipalityName: string;
  startsAt: string;
  endsAt: string;
  /** ISO with Oslo's offset, for `<time>` and schema.org. */
  startsAtLocal: string;
  endsAtLocal: string;
  when: string;
  organiserName: string;
  capacity: number | null;
  seatsLeft: number | null;
  cancelled: boolean;
  /** 'open' | 'full' (waiting list) | 'closed' | 'over' | 'cancelled' */
  registration: 'open' | 'full' | 'closed' | 'over' | 'cancelled';
}

export const REGISTRATION_FIELDS = ['name', 'email', 'seats', 'wantsReminder'] as const;
export type RegistrationField = (typeof REGISTRATION_FIELDS)[number];

export interface RegistrationFormState {
  values: { name: string; email: string; seats: string; wantsReminder: boolean };
  /** Messages in the reader's language, naming the field, in page order. */
  errors: Array<{ field: RegistrationField; message: string }>;
  /** Signed time the form was shown (a robot posts at once) and CSRF token in one. */
  started: string;
  /** Idempotency key: a double submit makes one registration. */
  key: string;
  notice?: 'tooFast' | 'tooMany' | undefined;
}

export const fieldId = (field: RegistrationField) => `reg-${field}`;

export interface CalendarView {
  events: PublicEvent[];
  municipalities: Array<{ slug: string; name: string }>;
  /** The municipality filtered on, by slug. */
  selected: string | null;
}

export type DoneOutcome = 'confirmed' | 'waiting' | 'already';
