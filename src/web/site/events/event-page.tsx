import { Alert, Heading, Paragraph } from '../../ui/ds-server.js';
import { localePath } from '../text.js';
import { seatsText } from './event-card.js';
import { RegistrationForm } from './registration-form.js';
import type { EventsPageProps } from './render.js';
import type { PublicEvent, RegistrationFormState } from './types.js';

/** One event: what, when, where, who, seats; the registration form while it is open. */
export function EventPage(
  props: EventsPageProps & { event: PublicEvent; form: RegistrationFormState | null },
) {
  const { input, t, event: e, form } = props;
  const fallback = (on: boolean) => (on ? { lang: 'nb' } : {});
  return (
    <div className="fh-container fh-section fh-prose">
      <Paragraph>
        <a className="ds-link" href={localePath(input.locale, '/arrangementer')}>
          {t('event.back')}
        </a>
      </Paragraph>
      <Heading level={1} data-size="xl" {...fallback(e.titleFallback)}>
        {e.title}
      </Heading>
      {e.cancelled ? <Alert data-color="danger">{t('event.cancelledBody')}</Alert> : null}
      {e.titleFallback || e.descriptionFallback ? (
        <Paragraph data-size="sm">{t('event.fallback')}</Paragraph>
      ) : null}
      <dl className="fh-facts">
        <div>
          <dt>{t('event.when')}</dt>
          <dd>
            <time dateTime={e.startsAtLocal}>{e.when}</time>
          </dd>
        </div>
        <div>
          <dt>{t('event.where')}</dt>
          <dd>
            {e.place}, {e.municipalityName}
          </dd>
        </div>
        <div>
          <dt>{t('event.organiser')}</dt>
          <dd>{e.organiserName}</dd>
        </div>
        <div>
          <dt>{t('event.seats')}</dt>
          <dd>{seatsText(t, e)}</dd>
        </div>
      </dl>
      {e.description
        .split(/\n{2,}/)
        .filter((p) => p.trim())
        .map((p, i) => (
          // biome-ignore lint/suspicious/noArrayIndexKey: paragraphs of one text, never reordered
          <Paragraph key={i} {...fallback(e.descriptionFallback)}>
            {p}
          </Paragraph>
        ))}
      <Paragraph>
        <a
          className="ds-link"
          href={localePath(input.locale, `/arrangementer/${e.id}/kalender.ics`)}
        >
          {t('event.addToCalendar')}
        </a>
      </Paragraph>
      {e.registration === 'over' ? <Paragraph>{t('event.over')}</Paragraph> : null}
      {e.registration === 'closed' ? <Paragraph>{t('event.closed')}</Paragraph> : null}
      {form && (e.registration === 'open' || e.registration === 'full') ? (
        <RegistrationForm {...props} state={form} full={e.registration === 'full'} />
      ) : null}
    </div>
  );
}
