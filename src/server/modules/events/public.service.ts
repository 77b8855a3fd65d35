import { createHmac, randomUUID } from 'node:crypto';
import { RegistrationInputSchema } from '../../../contracts/events.js';
import type { Region } from '../../../contracts/regions.js';
import type { Locale } from '../../../web/i18n/locales.js';
import {
  renderCalendar,
  renderCancel,
  renderCancelResult,
  renderDone,
  renderEvent,
} from '../../../web/site/events/pages.js';
import { eventsTranslator } from '../../../web/site/events/text.js';
import {
  type EventsPageInput,
  type PublicEvent,
  REGISTRATION_FIELDS,
  type RegistrationField,
  type RegistrationFormState,
} from '../../../web/site/events/types.js';
import type { Db } from '../../db/database.js';
import { fromDbBool, fromDbJson, fromDbTime } from '../../db/portable.js';
import type { Clock } from '../../deps.js';
import { AppError, notFound } from '../../errors.js';
import { safeEqual } from '../auth/secrets.js';
import { findSiteRegion } from '../regions/regions.service.js';
import { siteAssetsOf } from '../site/site.page-assets.js';
import { cancelByToken, findByCancelToken } from './attendees.service.js';
import { eventsCalendar } from './events.ical.js';
import { formatWhen } from './events.mail.js';
import * as repo from './events.repo.js';
import { seatsLeft, type Texts } from './events.service.js';
import { utcToOslo } from './oslo-time.js';
import { type Links, register } from './registrations.service.js';

/** The public calendar, event pages, registration form and cancel link, as routes send them. */

export interface PublicContext {
  db: Db;
  clock: Clock;
  links: Links;
  defaultRegion: string | undefined;
  host: string;
  origin: string;
  locale: Locale;
}

export type PageResult = { status: number; html: string };

async function regionOf(
  ctx: Pick<PublicContext, 'db' | 'host' | 'defaultRegion'>,
): Promise<Region> {
  const region = await findSiteRegion(ctx.db, ctx.host, ctx.defaultRegion);
  if (!region) throw notFound('The region');
  return region;
}

const pageInput = async (
  ctx: PublicContext,
  region: Region,
  path: string,
): Promise<EventsPageInput> => ({
  locale: ctx.locale,
  path,
  origin: ctx.origin,
  region,
  assets: await siteAssetsOf(ctx.db, region),
});

/** `2026-12-03T18:00:00+01:00`: Oslo wall-clock time with its offset that day. */
function osloIso(at: Date): string {
  const local = utcToOslo(at);
  const offset = Math.round((Date.parse(`${local}:00Z`) - at.getTime()) / 60_000);
  const sign = offset >= 0 ? '+' : '-';
  const hh = String(Math.floor(Math.abs(offset) / 60)).padStart(2, '0');
  const mm = String(Math.abs(offset) % 60).padStart(2, '0');
  return `${local}:00${sign}${hh}:${mm}`;
}

/** An event as the public pages show it, in the reader's language (bokmål standing in). */
export function toPublicEvent(
  row: repo.EventRow,
  confirmedSeats: number,
  waitingSeats: number,
  locale: Locale,
  region: Region,
  now: Date,
): PublicEvent {
  const title = fromDbJson<Texts>(row.title, { nb: '' });
  const description = fromDbJson<Texts>(row.description, { nb: '' });
  const startsAt = fromDbTime(row.startsAt);
  const endsAt = fromDbTime(row.endsAt);
  const left = seatsLeft(row.capacity, confirmedSeats);
  const registration = row.cancelledAt
    ? 'cancelled'
    : startsAt <= now
      ? 'over'
      : !fromDbBool(row.registrationOpen)
        ? 'closed'
        : left === 0 || waitingSeats > 0
          ? 'full'
          : 'open';
  return {
    id: row.id,
    title: title[locale] ?? title.nb,
    titleFallback: !title[locale],
    description: description[locale] ?? description.nb,
    descriptionFallback: description.nb !== '' && !description[locale],
    place: row.place,
    municipalityName:
      region.municipalities.find((m) => m.code === row.municipalityCode)?.name ??
      row.municipalityCode,
    startsAt: row.startsAt,
    endsAt: row.endsAt,
    startsAtLocal: osloIso(startsAt),
    endsAtLocal: osloIso(endsAt),
    when: formatWhen(locale, startsAt, endsAt),
    organiserName: row.organiserName,
    capacity: row.capacity,
    seatsLeft: left,
    cancelled: row.cancelledAt !== null,
    registration,
  };
}

/** Upcoming published events of the region as public cards (front and municipality pages). */
export async function publicEvents(
  db: Db,
  region: Region,
  locale: Locale,
  input: { municipalityCodes: string[] | null; now: Date; limit: number },
): Promise<PublicEvent[]> {
  const rows = await repo.listPublished(db, {
    regionId: region.id,
    municipalityCodes: input.municipalityCodes,
    from: input.now.toISOString(),
    limit: input.limit,
  });
  const counts = await repo.seatCounts(
    db,
    rows.map((r) => r.id),
  );
  return rows.map((r) => {
    const c = counts.get(r.id);
    return toPublicEvent(
      r,
      c?.confirmedSeats ?? 0,
      c?.waitingSeats ?? 0,
      locale,
      region,
      input.now,
    );
  });
}

export async function calendarPage(
  ctx: PublicContext,
  slug: string | undefined,
): Promise<PageResult> {
  const region = await regionOf(ctx);
  const selected = region.municipalities.find((m) => m.slug === slug) ?? null;
  const events = await publicEvents(ctx.db, region, ctx.locale, {
    municipalityCodes: selected ? [selected.code] : null,
    now: ctx.clock.now(),
    limit: 200,
  });
  const html = renderCalendar(await pageInput(ctx, region, '/arrangementer'), {
    events,
    municipalities: region.municipalities.map((m) => ({ slug: m.slug, name: m.name })),
    selected: selected?.slug ?? null,
  });
  return { status: 200, html };
}

async function loadEvent(ctx: PublicContext, id: string) {
  const region = await regionOf(ctx);
  const row = /^[0-9a-f-]{36}$/.test(id)
    ? await repo.findPublished(ctx.db, region.id, id)
    : undefined;
  if (!row) throw notFound('The event');
  const c = (await repo.seatCounts(ctx.db, [id])).get(id)!;
  const event = toPublicEvent(
    row,
    c.confirmedSeats,
    c.waitingSeats,
    ctx.locale,
    region,
    ctx.clock.now(),
  );
  return { region, row, event };
}

// The form's signed start time: a robot posts at once, and the signature (bound to the
// event) also serves as the form's CSRF token, since the form has no session.
const MIN_FILL_MS = 2_000;
const MAX_AGE_MS = 24 * 60 * 60_000;
const mac = (secret: string, eventId: string, ms: string) =>
  createHmac('sha256', secret)
    .update(`event-form:${eventId}:${ms}`)
    .digest('base64url')
    .slice(0, 22);

export const signStarted = (secret: string, eventId: string, at: Date) =>
  `${at.getTime()}.${mac(secret, eventId, String(at.getTime()))}`;

function checkStarted(secret: string, eventId: string, token: string, now: Date) {
  const [ms = '', sig = ''] = token.split('.');
  if (!/^\d{1,15}$/.test(ms) || !safeEqual(sig, mac(secret, eventId, ms))) return false;
  const age = now.getTime() - Number(ms);
  return age >= MIN_FILL_MS && age <= MAX_AGE_MS;
}

const emptyForm = (ctx: PublicContext, eventId: string): RegistrationFormState => ({
  values: { name: '', email: '', seats: '1', wantsReminder: true },
  errors: [],
  started: signStarted(ctx.links.secret, eventId, ctx.clock.now()),
  key: randomUUID(),
});

export async function eventPage(ctx: PublicContext, id: string): Promise<PageResult> {
  const { region, event } = await loadEvent(ctx, id);
  const input = await pageInput(ctx, region, `/arrangementer/${id}`);
  return { status: 200, html: renderEvent(input, event, emptyForm(ctx, id)) };
}

type FormBody = Record<string, unknown>;
const text = (body: FormBody, name: string) =>
  typeof body[name] === 'string' ? (body[name] as string) : '';

/** Form issues in the reader's language, one per field, in page order. */
function formErrors(issues: Array<{ path: PropertyKey[]; code: string }>, locale: Locale) {
  const t = eventsTranslator(locale);
  const out: RegistrationFormState['errors'] = [];
  for (const field of REGISTRATION_FIELDS) {
    const issue = issues.find((i) => i.path[0] === field);
    if (!issue) continue;
    const name = t(`form.fields.${field}`);
    const kind =
      field === 'seats'
        ? 'seats'
        : field === 'email' && issue.code !== 'too_small'
          ? 'email'
          : issue.code === 'too_big'
            ? 'tooLong'
            : 'required';
    out.push({
      field: field as RegistrationField,
      message: t(`form.errors.${kind}`, { field: name }),
    });
  }
  return out;
}

/**
 * A posted registration form. Robots (honeypot) see the event again with nothing stored; a
 * form sent faster than a person could, or with a bad signature, is shown again; errors are
 * listed on top. The answer page comes after the registration is committed.
 */
export async function submitRegistrationForm(
  ctx: PublicContext,
  id: string,
  body: FormBody,
  rateLimited: boolean,
): Promise<PageResult> {
  const { region, event } = await loadEvent(ctx, id);
  const input = await pageInput(ctx, region, `/arrangementer/${id}`);
  const key = /^[\w-]{8,100}$/.test(text(body, 'key')) ? text(body, 'key') : randomUUID();
  const values = {
    name: text(body, 'name'),
    email: text(body, 'email'),
    seats: text(body, 'seats'),
    wantsReminder: text(body, 'wantsReminder') === 'yes',
  };
  const again = (state: Partial<RegistrationFormState>, status: number): PageResult => ({
    status,
    html: renderEvent(input, event, { ...emptyForm(ctx, id), values, key, ...state }, 'form_error'),
  });
  if (event.registration !== 'open' && event.registration !== 'full') {
    return { status: 410, html: renderEvent(input, event, null) };
  }
  if (rateLimited) return again({ notice: 'tooMany' }, 429);
  if (text(body, 'website') !== '') return { status: 200, html: renderEvent(input, event, null) };
  const started = text(body, 'started');
  if (!checkStarted(ctx.links.secret, id, started, ctx.clock.now()))
    return again({ notice: 'tooFast' }, 400);
  const parsed = RegistrationInputSchema.safeParse({
    name: values.name,
    email: values.email,
    seats: /^\s*\d{1,3}\s*$/.test(values.seats) ? Number(values.seats) : Number.NaN,
    wantsReminder: values.wantsReminder,
  });
  if (!parsed.success) {
    return again({ errors: formErrors(parsed.error.issues, ctx.locale), started }, 400);
  }
  try {
    const out = await register(
      { db: ctx.db, clock: ctx.clock, links: ctx.links, regionId: region.id },
      id,
      parsed.data,
      { key, locale: ctx.locale },
    );
    const sameSubmit = out.existing && (await repo.findRegistrationByKey(ctx.db, id, key));
    const outcome =
      out.existing && !sameSubmit
        ? 'already'
        : out.status === 'confirmed'
          ? 'confirmed'
          : 'waiting';
    return {
      status: 200,
      html: renderDone(input, outcome, {
        title: event.title,
        seats: out.seats,
        position: out.position ?? 0,
      }),
    };
  } catch (error) {
    if (error instanceof AppError && error.code === 'gone') {
      return { status: 410, html: renderEvent(input, (await loadEvent(ctx, id)).event, null) };
    }
    throw error;
  }
}

export async function cancelPage(ctx: PublicContext, token: string): Promise<PageResult> {
  const region = await regionOf(ctx);
  const input = await pageInput(ctx, region, '/arrangementer');
  const found = await findByCancelToken(ctx.db, token);
  if (!found || found.event.regionId !== region.id) {
    return { status: 404, html: renderCancelResult(input, 'unknown') };
  }
  const title = fromDbJson<Texts>(found.event.title, { nb: '' });
  const when = formatWhen(
    ctx.locale,
    fromDbTime(found.event.startsAt),
    fromDbTime(found.event.endsAt),
  );
  return { status: 200, html: renderCancel(input, token, title[ctx.locale] ?? title.nb, when) };
}

export async function submitCancel(ctx: PublicContext, token: string): Promise<PageResult> {
  const region = await regionOf(ctx);
  const input = await pageInput(ctx, region, '/arrangementer');
  const result = await cancelByToken(ctx.db, ctx.clock, ctx.links, token);
  return result === 'cancelled'
    ? { status: 200, html: renderCancelResult(input, 'done') }
    : { status: 404, html: renderCancelResult(input, 'unknown') };
}

/** The region's calendar feed (upcoming and the last month's), or one event's. */
export async function calendarFeed(ctx: PublicContext, eventId?: string): Promise<string> {
  const region = await regionOf(ctx);
  const t = eventsTranslator(ctx.locale);
  let rows: repo.EventRow[];
  if (eventId) {
    rows = [(await loadEvent(ctx, eventId)).row];
  } else {
    const since = new Date(ctx.clock.now().getTime() - 31 * 24 * 60 * 60_000);
    rows = await repo.listPublished(ctx.db, {
      regionId: region.id,
      municipalityCodes: null,
      from: since.toISOString(),
      limit: 500,
    });
  }
  return eventsCalendar({
    name: `${t('calendar.title')} – ${region.name}`,
    publicUrl: ctx.origin,
    locale: ctx.locale,
    events: rows,
    now: ctx.clock.now(),
  });
}
