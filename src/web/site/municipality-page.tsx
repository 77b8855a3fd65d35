import type { Municipality } from '../../contracts/regions.js';
import { formatDate } from '../i18n/locales.js';
import { Heading, Paragraph } from '../ui/ds-server.js';
import { UpcomingEvents } from './events/upcoming.js';
import { JobCount } from './jobs/job-count.js';
import { localePath } from './text.js';
import type { PageProps } from './types.js';

/** `2020-01-01` as the language writes it; noon UTC keeps the day in Oslo. */
const dayOf = (props: PageProps, isoDay: string) =>
  formatDate(props.input.locale, new Date(`${isoDay}T12:00:00Z`), { dateStyle: 'long' });

function EarlierCodes(props: PageProps & { municipality: Municipality }) {
  const { t, municipality } = props;
  if (municipality.earlierCodes.length === 0) {
    return <Paragraph>{t('municipality.earlierNone')}</Paragraph>;
  }
  // A list rather than a table: two facts per number read well and fit at 320 px.
  return (
    <ul className="fh-history" aria-labelledby="fh-earlier">
      {municipality.earlierCodes.map((c) => (
        <li key={`${c.code}-${c.changedOn}`}>
          <Paragraph className="fh-history__code">
            <strong>{c.code}</strong> {c.name}
          </Paragraph>
          <Paragraph data-size="sm">
            {t(`municipality.changes.${c.kind}`)}{' '}
            <time dateTime={c.changedOn}>{dayOf(props, c.changedOn)}</time>
          </Paragraph>
        </li>
      ))}
    </ul>
  );
}

/** A municipality: its names, number, county and the numbers it had before. */
export function MunicipalityPage(props: PageProps & { municipality: Municipality }) {
  const { input, t, regionName, municipality: m } = props;
  const home = localePath(input.locale, '/');
  return (
    <div className="fh-container fh-section">
      <nav aria-label={t('municipality.breadcrumbs')} className="fh-crumbs">
        <ol>
          <li>
            <a className="ds-link" href={home}>
              {regionName}
            </a>
          </li>
          <li aria-current="page">{m.name}</li>
        </ol>
      </nav>
      <Heading level={1} data-size="xl">
        {m.name}
      </Heading>
      <Paragraph data-size="lg">
        {t('municipality.lead', { name: m.name, region: regionName })}
      </Paragraph>
      <dl className="fh-facts">
        {m.officialName !== m.name ? (
          <div>
            <dt>{t('municipality.officialName')}</dt>
            <dd>{m.officialName}</dd>
          </div>
        ) : null}
        <div>
          <dt>{t('municipality.code')}</dt>
          <dd>{m.code}</dd>
        </div>
        <div>
          <dt>{t('municipality.county')}</dt>
          <dd>{m.countyName}</dd>
        </div>
      </dl>
      <JobCount input={input} municipality={m} />
      <UpcomingEvents
        locale={input.locale}
        events={input.events}
        municipality={{ name: m.name, slug: m.slug }}
      />
      <Heading level={2} data-size="md" id="fh-earlier">
        {t('municipality.earlierTitle')}
      </Heading>
      <Paragraph>{t('municipality.earlierIntro')}</Paragraph>
      <EarlierCodes {...props} />
      <Paragraph>
        <a className="ds-link" href={home}>
          {t('municipality.back', { region: regionName })}
        </a>
      </Paragraph>
    </div>
  );
}
