import type { Locale } from '../../i18n/locales.js';
import { Heading, Paragraph } from '../../ui/ds-server.js';
import { localePath } from '../text.js';
import { EventCard } from './event-card.js';
import { eventsTranslator } from './text.js';
import type { PublicEvent } from './types.js';

/** The next few events, for the front page and a municipality's page. */
export function UpcomingEvents({
  locale,
  events,
  municipality,
}: {
  locale: Locale;
  events: PublicEvent[] | undefined;
  municipality?: { name: string; slug: string };
}) {
  if (!events) return null;
  const t = eventsTranslator(locale);
  const all = municipality ? `/arrangementer?kommune=${municipality.slug}` : '/arrangementer';
  return (
    <section className="fh-section" aria-labelledby="fh-events">
      <Heading level={2} data-size="md" id="fh-events">
        {municipality
          ? t('calendar.municipalityTitle', { municipality: municipality.name })
          : t('calendar.frontTitle')}
      </Heading>
      {events.length ? (
        <ul className="fh-cards">
          {events.map((e) => (
            <EventCard key={e.id} e={e} t={t} locale={locale} />
          ))}
        </ul>
      ) : (
        <Paragraph>{t('calendar.none')}</Paragraph>
      )}
      <Paragraph>
        <a className="ds-link" href={localePath(locale, all)}>
          {t('calendar.frontAll')}
        </a>
      </Paragraph>
    </section>
  );
}
