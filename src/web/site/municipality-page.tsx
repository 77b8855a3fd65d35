import type { Municipality } from '../../contracts/regions.js';
import { formatDate, formatNumber, formatQuarter } from '../i18n/locales.js';
import { Alert, Heading, Paragraph } from '../ui/ds-server.js';
import { UpcomingEvents } from './events/upcoming.js';
import { JobCount } from './jobs/job-count.js';
import { localePath } from './text.js';
import type { MunicipalityAbout, PageProps } from './types.js';

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

type AboutProps = PageProps & { municipality: Municipality; about: MunicipalityAbout };

/** The editors' own text; a notice when it is shown in another language than the visitor's. */
function OwnText({ input, t, about }: AboutProps) {
  const text = about.text;
  if (!text) return null;
  const lang = text.lang === input.locale ? undefined : text.lang;
  return (
    <>
      {lang ? (
        <Alert data-color="info" className="fh-content__fallback">
          {t('municipality.fallback', {
            wanted: t(`municipality.languages.${input.locale}`),
            shown: t(`municipality.languages.${text.lang}`),
          })}
        </Alert>
      ) : null}
      <section lang={lang} aria-labelledby="fh-own-text" className="fh-prose">
        <Heading level={2} data-size="md" id="fh-own-text">
          {text.title}
        </Heading>
        {/* biome-ignore lint/security/noDangerouslySetInnerHtml: sanitised HTML from the content module's renderMarkdown */}
        <div className="fh-content__body" dangerouslySetInnerHTML={{ __html: text.html }} />
      </section>
    </>
  );
}

/** Population and net migration of the latest quarter, with the source. */
function Facts({ input, t, about }: AboutProps) {
  const facts = about.facts;
  if (!facts) return null;
  const n = (v: number | null, signed = false) =>
    v === null
      ? '–'
      : formatNumber(input.locale, v, signed ? { signDisplay: 'exceptZero' } : undefined);
  return (
    <section aria-labelledby="fh-facts-title">
      <Heading level={2} data-size="md" id="fh-facts-title">
        {t('municipality.factsTitle')}
      </Heading>
      <dl className="fh-facts">
        <div>
          <dt>{t('municipality.population')}</dt>
          <dd>{n(facts.population)}</dd>
        </div>
        <div>
          <dt>{t('municipality.netMigration')}</dt>
          <dd>{n(facts.netMigration, true)}</dd>
        </div>
      </dl>
      <Paragraph data-size="sm">
        {t('municipality.factsSource', { quarter: formatQuarter(input.locale, facts.quarter) })}{' '}
        <a className="ds-link" href={localePath(input.locale, '/statistikk')}>
          {t('municipality.moreStatistics')}
        </a>
      </Paragraph>
    </section>
  );
}

/** Whom to ask: the newcomer host's contact, when the office has set one. */
function HostContact({ t, municipality, about }: AboutProps) {
  const host = about.host;
  if (!host) return null;
  return (
    <section aria-labelledby="fh-host-title" className="fh-host">
      <Heading level={2} data-size="md" id="fh-host-title">
        {t('municipality.hostTitle')}
      </Heading>
      <Paragraph>{t('municipality.hostLead', { name: municipality.name })}</Paragraph>
      <address>
        <Paragraph>
          <strong>{host.name}</strong>
        </Paragraph>
        {host.email ? (
          <Paragraph>
            {t('municipality.email')}:{' '}
            <a className="ds-link" href={`mailto:${host.email}`}>
              {host.email}
            </a>
          </Paragraph>
        ) : null}
        {host.phone ? (
          <Paragraph>
            {t('municipality.phone')}:{' '}
            <a className="ds-link" href={`tel:${host.phone}`}>
              {host.phone}
            </a>
          </Paragraph>
        ) : null}
      </address>
    </section>
  );
}

/**
 * A municipality: the editors' own text, its live facts (population, net migration,
 * vacancies, upcoming events), the host's contact, and its number history.
 */
export function MunicipalityPage(props: AboutProps) {
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
      <OwnText {...props} />
      <Facts {...props} />
      <HostContact {...props} />
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
