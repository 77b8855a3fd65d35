import { Button, Field, Heading, Label, Paragraph, Select } from '../../ui/ds-server.js';
import { localePath } from '../text.js';
import { EventCard } from './event-card.js';
import type { EventsPageProps } from './render.js';
import type { CalendarView } from './types.js';

/** The public calendar: upcoming events, a municipality filter (a plain GET form), the feed. */
export function CalendarPage({ input, t, view }: EventsPageProps & { view: CalendarView }) {
  const feed = localePath(input.locale, '/arrangementer/kalender.ics');
  return (
    <div className="fh-container fh-section">
      <Heading level={1} data-size="xl">
        {t('calendar.title')}
      </Heading>
      <Paragraph data-size="lg">{t('calendar.lead')}</Paragraph>
      <form
        method="get"
        action={localePath(input.locale, '/arrangementer')}
        className="fh-section fh-stack"
      >
        <Field>
          <Label htmlFor="events-municipality">{t('calendar.municipality')}</Label>
          <Select id="events-municipality" name="kommune" defaultValue={view.selected ?? ''}>
            <option value="">{t('calendar.allMunicipalities')}</option>
            {view.municipalities.map((m) => (
              <option key={m.slug} value={m.slug}>
                {m.name}
              </option>
            ))}
          </Select>
        </Field>
        <div>
          <Button type="submit" variant="secondary">
            {t('calendar.filterSubmit')}
          </Button>
        </div>
      </form>
      <section className="fh-section" aria-labelledby="events-list">
        <Heading level={2} data-size="md" id="events-list">
          {t('calendar.frontTitle')}
        </Heading>
        {view.events.length === 0 ? (
          <Paragraph>{t('calendar.none')}</Paragraph>
        ) : (
          <ul className="fh-cards">
            {view.events.map((e) => (
              <EventCard key={e.id} e={e} t={t} locale={input.locale} />
            ))}
          </ul>
        )}
      </section>
      <Paragraph>
        <a className="ds-link" href={feed}>
          {t('calendar.subscribe')}
        </a>
      </Paragraph>
      <Paragraph data-size="sm">{t('calendar.subscribeHint')}</Paragraph>
    </div>
  );
}
