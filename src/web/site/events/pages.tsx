import { localePath } from '../text.js';
import { CalendarPage } from './calendar-page.js';
import { EventPage } from './event-page.js';
import { eventJsonLd } from './json-ld.js';
import { renderEventsDocument } from './render.js';
import { CancelPage, CancelResultPage, DonePage } from './result-pages.js';
import { eventsTranslator } from './text.js';
import type {
  CalendarView,
  DoneOutcome,
  EventsPageInput,
  PublicEvent,
  RegistrationFormState,
} from './types.js';

/** Whole documents for each events page, as the server sends them. */
const tOf = (input: EventsPageInput) => eventsTranslator(input.locale);

export const renderCalendar = (input: EventsPageInput, view: CalendarView) =>
  renderEventsDocument(input, {
    title: tOf(input)('calendar.title'),
    // A filtered list is the same calendar, not a page of its own for search engines.
    noindex: view.selected !== null,
    calendar: {
      href: input.origin + localePath(input.locale, '/arrangementer/kalender.ics'),
      title: tOf(input)('calendar.title'),
    },
    body: (p) => <CalendarPage {...p} view={view} />,
  });

export const renderEvent = (
  input: EventsPageInput,
  event: PublicEvent,
  form: RegistrationFormState | null,
  status: 'normal' | 'form_error' = 'normal',
) =>
  renderEventsDocument(input, {
    title: event.title,
    noindex: status === 'form_error',
    jsonLd: eventJsonLd(event, input.origin + localePath(input.locale, input.path), input.locale),
    calendar: {
      href: input.origin + localePath(input.locale, `/arrangementer/${event.id}/kalender.ics`),
      title: event.title,
    },
    body: (p) => <EventPage {...p} event={event} form={form} />,
  });

export const renderDone = (
  input: EventsPageInput,
  outcome: DoneOutcome,
  values: { title: string; seats: number; position: number },
) =>
  renderEventsDocument(input, {
    title: tOf(input)(`done.${outcome}Title`),
    noindex: true,
    body: (p) => <DonePage {...p} outcome={outcome} {...values} />,
  });

export const renderCancel = (input: EventsPageInput, token: string, title: string, when: string) =>
  renderEventsDocument(input, {
    title: tOf(input)('cancel.title'),
    noindex: true,
    body: (p) => <CancelPage {...p} token={token} title={title} when={when} />,
  });

export const renderCancelResult = (input: EventsPageInput, result: 'done' | 'unknown') =>
  renderEventsDocument(input, {
    title: tOf(input)(result === 'done' ? 'cancel.doneTitle' : 'cancel.unknownTitle'),
    noindex: true,
    body: (p) => <CancelResultPage {...p} result={result} />,
  });
