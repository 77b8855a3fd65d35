import { Heading, Paragraph } from '../ui/ds-server.js';
import { UpcomingEvents } from './events/upcoming.js';
import { JobCount } from './jobs/job-count.js';
import { localePath } from './text.js';
import type { PageProps } from './types.js';

/** The region's front page: who we are, and a card per municipality. */
export function FrontPage({ input, t, regionName }: PageProps) {
  const municipalities = input.region?.municipalities ?? [];
  return (
    <>
      <section className="fh-hero" aria-labelledby="fh-title">
        <div className="fh-container">
          <Heading level={1} data-size="xl" id="fh-title">
            {regionName}
          </Heading>
          <Paragraph data-size="lg" className="fh-hero__lead">
            {t('front.lead', { region: regionName })}
          </Paragraph>
        </div>
      </section>
      <div className="fh-container fh-section">
        {/* Outside the coloured band: a link there would lack contrast in some region colours. */}
        <Paragraph>
          <a className="ds-link" href={localePath(input.locale, '/statistikk')}>
            {t('statistics:page.frontLink')}
          </a>
        </Paragraph>
        <JobCount input={input} />
        <UpcomingEvents locale={input.locale} events={input.events} />
      </div>
      <section className="fh-container fh-section" aria-labelledby="fh-municipalities">
        <Heading level={2} data-size="md" id="fh-municipalities">
          {t('front.municipalitiesTitle')}
        </Heading>
        <ul className="fh-cards">
          {municipalities.map((m) => (
            <li key={m.code} className="ds-card fh-card" data-color="neutral">
              <Heading level={3} data-size="xs">
                <a className="fh-card__link" href={localePath(input.locale, `/kommune/${m.slug}`)}>
                  {m.name}
                </a>
              </Heading>
              {m.officialName !== m.name ? (
                <Paragraph data-size="sm">
                  {t('front.officialName', { name: m.officialName })}
                </Paragraph>
              ) : null}
              <Paragraph data-size="sm" className="fh-card__meta">
                {t('front.county', { county: m.countyName })}
              </Paragraph>
            </li>
          ))}
        </ul>
      </section>
    </>
  );
}
