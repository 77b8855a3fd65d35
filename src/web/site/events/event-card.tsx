import type { Locale } from '../../i18n/locales.js';
import { Heading, Paragraph } from '../../ui/ds-server.js';
import { localePath } from '../text.js';
import type { EventsTranslate } from './text.js';
import type { PublicEvent } from './types.js';

/** The seats line of an event: places left, full (waiting list), or cancelled. */
export function seatsText(t: EventsTranslate, e: Pick<PublicEvent, 'registration' | 'seatsLeft'>) {
  if (e.registration === 'cancelled') return t('event.cancelled');
  if (e.registration === 'full') return t('event.full');
  if (e.registration === 'closed') return t('event.closed');
  if (e.seatsLeft === null) return t('event.unlimited');
  return t('event.seatsLeft', { count: e.seatsLeft });
}

/** One event in a list of cards: title (a link), when, where, and its seats. */
export function EventCard({
  e,
  t,
  locale,
}: {
  e: PublicEvent;
  t: EventsTranslate;
  locale: Locale;
}) {
  return (
    <li className="ds-card fh-card" data-color="neutral">
      <Heading level={3} data-size="xs">
        <a
          className="fh-card__link"
          href={localePath(locale, `/arrangementer/${e.id}`)}
          lang={e.titleFallback ? 'nb' : undefined}
        >
          {e.cancelled ? `${t('event.cancelled')}: ${e.title}` : e.title}
        </a>
      </Heading>
      <Paragraph data-size="sm">
        <time dateTime={e.startsAtLocal}>{e.when}</time>
      </Paragraph>
      <Paragraph data-size="sm" className="fh-card__meta">
        {e.place}, {e.municipalityName}
      </Paragraph>
      <Paragraph data-size="sm" className="fh-card__meta">
        {seatsText(t, e)}
      </Paragraph>
    </li>
  );
}
