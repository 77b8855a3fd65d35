import { formatDate, formatQuarter } from '../i18n/locales.js';
import { Heading, Paragraph } from '../ui/ds-server.js';
import {
  ComparisonTable,
  comparisonRows,
  MunicipalityTable,
  SeriesTable,
} from '../ui/statistics-tables.js';
import { AgeSection } from './statistics-age-section.js';
import { localePath } from './text.js';
import type { PageProps, StatisticsView } from './types.js';

type Props = PageProps & { statistics: StatisticsView | null };

const COMPONENT_FIELDS = ['births', 'deaths', 'naturalIncrease', 'netMigration', 'growth'] as const;

/** Where the server draws and serves the region's figures (statistics module, public). */
const apiBase = (slug: string) => `/api/public/regions/${encodeURIComponent(slug)}/statistics`;

function QuarterForm({ input, t, statistics }: Props & { statistics: StatisticsView }) {
  // A plain GET form: choosing a quarter works without JavaScript, and the address can be shared.
  return (
    <form method="get" action={localePath(input.locale, '/statistikk')} className="fh-stat-form">
      <label htmlFor="fh-quarter" className="ds-label">
        {t('statistics:page.quarterLabel')}
      </label>
      <div className="fh-stat-form__row">
        <select
          id="fh-quarter"
          name="quarter"
          className="ds-input"
          defaultValue={statistics.quarter}
        >
          {[...statistics.quarters].reverse().map((q) => (
            <option key={q} value={q}>
              {formatQuarter(input.locale, q)}
            </option>
          ))}
        </select>
        <button type="submit" className="ds-button" data-variant="primary">
          {t('statistics:page.show')}
        </button>
      </div>
    </form>
  );
}

function Definitions({ t, statistics }: Props & { statistics: StatisticsView }) {
  const d = statistics.series.definitions;
  const terms = [
    ['movedIn', t('statistics:figures.movedIn')],
    ['netMigration', t('statistics:figures.netMigration')],
    ['growth', t('statistics:figures.growth')],
    ['reforms', t('statistics:page.reformsTerm')],
  ] as const;
  return (
    <section className="fh-section" aria-labelledby="fh-definitions">
      <Heading level={2} data-size="sm" id="fh-definitions">
        {t('statistics:page.definitionsTitle')}
      </Heading>
      <dl className="fh-definitions">
        {terms.map(([key, term]) => (
          <div key={key}>
            <dt>{term}</dt>
            <dd>{d[key]}</dd>
          </div>
        ))}
      </dl>
    </section>
  );
}

function Source({ input, t, statistics }: Props & { statistics: StatisticsView }) {
  const p = statistics.series.provenance;
  const day = (iso: string) => formatDate(input.locale, new Date(iso), { dateStyle: 'long' });
  return (
    <section className="fh-section" aria-labelledby="fh-source">
      <Heading level={2} data-size="sm" id="fh-source">
        {t('statistics:page.sourceTitle')}
      </Heading>
      <Paragraph>{t('statistics:credit')}</Paragraph>
      {p ? (
        <Paragraph data-size="sm">
          {t('statistics:page.provenance', {
            table: p.tableId,
            updated: p.ssbUpdated ? day(p.ssbUpdated) : '–',
            fetched: day(p.fetchedAt),
          })}
        </Paragraph>
      ) : null}
    </section>
  );
}

/** The region against its county and the country for the chosen quarter, or why it cannot be. */
function Comparison({ input, t, statistics }: Props & { statistics: StatisticsView }) {
  const { series, quarter } = statistics;
  if (!statistics.quarters.includes(quarter)) return null;
  const rows = comparisonRows(series, quarter);
  return (
    <section className="fh-section" aria-labelledby="fh-comparison">
      <Heading level={2} data-size="md" id="fh-comparison">
        {t('statistics:comparison.title')}
      </Heading>
      {rows.length > 0 ? (
        <>
          <ComparisonTable
            id="fh-table-comparison"
            caption={t('statistics:comparison.tableCaption', {
              quarter: formatQuarter(input.locale, quarter),
            })}
            t={t}
            locale={input.locale}
            rows={rows}
          />
          <Paragraph data-size="sm">{t('statistics:comparison.definition')}</Paragraph>
          <Paragraph data-size="sm">{t('statistics:credit')}</Paragraph>
        </>
      ) : (
        <Paragraph>{t('statistics:comparison.empty')}</Paragraph>
      )}
    </section>
  );
}

function Figures(props: Props & { statistics: StatisticsView }) {
  const { input, t, regionName, statistics } = props;
  const { summary, series, quarter } = statistics;
  const slug = input.region?.slug ?? '';
  const lang = `lang=${input.locale}`;
  const quarterName = formatQuarter(input.locale, quarter);
  return (
    <>
      <section className="fh-section" aria-labelledby="fh-summary">
        <Heading level={2} data-size="md" id="fh-summary">
          {t('statistics:page.summaryTitle')}
        </Heading>
        <QuarterForm {...props} />
        {summary ? (
          <Paragraph data-size="lg" className="fh-stat-summary">
            {summary.text}
          </Paragraph>
        ) : (
          <Paragraph className="fh-stat-summary">
            {t('statistics:page.noQuarter', { quarter: quarterName })}
          </Paragraph>
        )}
      </section>

      <section className="fh-section" aria-labelledby="fh-population">
        <Heading level={2} data-size="md" id="fh-population">
          {t('statistics:page.populationTitle')}
        </Heading>
        <figure className="fh-chart">
          <img
            src={`${apiBase(slug)}/chart.svg?kind=population&${lang}`}
            alt={t('statistics:page.chartAltPopulation', { region: regionName })}
            width={720}
            height={360}
          />
          <figcaption>{t('statistics:credit')}</figcaption>
        </figure>
        <SeriesTable
          id="fh-table-population"
          caption={t('statistics:page.tableCaptionPopulation', { region: regionName })}
          t={t}
          locale={input.locale}
          series={series}
          fields={['popStart', 'popEnd', 'growth']}
        />
      </section>

      <section className="fh-section" aria-labelledby="fh-components">
        <Heading level={2} data-size="md" id="fh-components">
          {t('statistics:page.componentsTitle')}
        </Heading>
        <figure className="fh-chart">
          <img
            src={`${apiBase(slug)}/chart.svg?kind=components&${lang}`}
            alt={t('statistics:page.chartAltComponents', { region: regionName })}
            width={720}
            height={360}
          />
          <figcaption>{t('statistics:credit')}</figcaption>
        </figure>
        <SeriesTable
          id="fh-table-components"
          caption={t('statistics:page.tableCaptionComponents', { region: regionName })}
          t={t}
          locale={input.locale}
          series={series}
          fields={COMPONENT_FIELDS}
        />
      </section>

      {statistics.age ? <AgeSection {...props} age={statistics.age} /> : null}

      {summary ? (
        <section className="fh-section" aria-labelledby="fh-map">
          <Heading level={2} data-size="md" id="fh-map">
            {t('statistics:page.mapTitle')}
          </Heading>
          <figure className="fh-chart fh-chart--map">
            <img
              src={`${apiBase(slug)}/map.svg?quarter=${quarter}&${lang}`}
              alt={t('statistics:page.mapAlt', { region: regionName, quarter: quarterName })}
            />
            <figcaption>
              {t('statistics:credit')}. {t('statistics:mapCredit')}
            </figcaption>
          </figure>
          <MunicipalityTable
            id="fh-table-map"
            caption={t('statistics:page.tableCaptionMap', { quarter: quarterName })}
            t={t}
            locale={input.locale}
            summary={summary}
          />
        </section>
      ) : null}

      <Comparison {...props} />

      <section className="fh-section" aria-labelledby="fh-downloads">
        <Heading level={2} data-size="sm" id="fh-downloads">
          {t('statistics:page.downloadsTitle')}
        </Heading>
        <ul className="fh-footer__links">
          <li>
            <a className="ds-link" href={`${apiBase(slug)}/series.csv?${lang}`} download>
              {t('statistics:page.downloadCsv')}
            </a>
          </li>
          <li>
            <a className="ds-link" href={`${apiBase(slug)}/series.xlsx?${lang}`} download>
              {t('statistics:page.downloadXlsx')}
            </a>
          </li>
        </ul>
      </section>
      <Definitions {...props} />
      <Source {...props} />
    </>
  );
}

/** The region's migration figures from SSB: summary, charts with tables, map, downloads. */
export function StatisticsPage(props: Props) {
  const { t, regionName, statistics } = props;
  return (
    <div className="fh-container fh-section">
      <Heading level={1} data-size="xl">
        {t('statistics:page.title', { region: regionName })}
      </Heading>
      <Paragraph data-size="lg">{t('statistics:page.lead', { region: regionName })}</Paragraph>
      {statistics ? (
        <Figures {...props} statistics={statistics} />
      ) : (
        <section className="fh-section" aria-labelledby="fh-empty">
          <Heading level={2} data-size="md" id="fh-empty">
            {t('statistics:page.emptyTitle')}
          </Heading>
          <Paragraph>{t('statistics:page.empty', { region: regionName })}</Paragraph>
        </section>
      )}
    </div>
  );
}
