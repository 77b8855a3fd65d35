import { Button, Heading, Paragraph } from '@digdir/designsystemet-react';
import { type FormEvent, useEffect, useState } from 'react';
import { useSearchParams } from 'react-router';
import { formatQuarter } from '../../i18n/locales.js';
import {
  ComparisonTable,
  comparisonRows,
  MunicipalityTable,
  SeriesTable,
} from '../../ui/statistics-tables.js';
import { ApiError, api, type Series, type Summary } from '../api.js';
import { SelectField } from '../components/forms.js';
import { LoadFailed, Loading, Page } from '../components/page.js';
import { useT } from '../i18n.js';
import { useUser } from '../session.js';
import { useWorkspace } from '../workspace.js';
import { ImportList } from './statistics-imports.js';

const COMPONENT_FIELDS = ['births', 'deaths', 'naturalIncrease', 'netMigration', 'growth'] as const;

const apiBase = (slug: string) => `/api/public/regions/${encodeURIComponent(slug)}/statistics`;

interface Loaded {
  series: Series;
  /** Null when the quarter has no figures (or nothing is imported). */
  summary: Summary | null;
}

/** The region's SSB figures: the quarter's text to copy, charts with tables, map, downloads. */
export function StatisticsPage() {
  const { t, locale } = useT();
  const user = useUser();
  const { region } = useWorkspace();
  const [params, setParams] = useSearchParams();
  const quarter = params.get('quarter') ?? undefined;
  const [data, setData] = useState<Loaded | null>(null);
  const [failed, setFailed] = useState(false);
  const [reload, setReload] = useState(0);
  const slug = region?.slug;

  // biome-ignore lint/correctness/useExhaustiveDependencies: reload is a retry counter
  useEffect(() => {
    if (!slug) return;
    let live = true;
    setFailed(false);
    const summaryOf = (series: Series) =>
      // Nothing imported: no summary to ask for. A 404 is a quarter without figures.
      series.regionSeries.length === 0
        ? null
        : api.statistics.summary(slug, quarter, locale).catch((error: unknown) => {
            if (error instanceof ApiError && error.status === 404) return null;
            throw error;
          });
    api.statistics
      .series(slug, locale)
      .then(async (series) => ({ series, summary: await summaryOf(series) }))
      .then((loaded) => live && setData(loaded))
      .catch(() => live && setFailed(true));
    return () => {
      live = false;
    };
  }, [slug, quarter, locale, reload]);

  const title = t('nav.statistics');
  const leader = user.role === 'admin' || user.role === 'programme_leader';
  const name = region?.name ?? '';
  return (
    <Page title={title} intro={t('statistics:page.lead', { region: name })}>
      {failed && <LoadFailed onRetry={() => setReload((n) => n + 1)} />}
      {!failed && !data && <Loading />}
      {data && data.series.regionSeries.length === 0 && (
        <>
          <Heading level={2} data-size="sm" className="office-section-title">
            {t('statistics:page.emptyTitle')}
          </Heading>
          <Paragraph>{t('statistics:page.empty', { region: name })}</Paragraph>
        </>
      )}
      {data && data.series.regionSeries.length > 0 && slug && (
        <Dashboard
          data={data}
          slug={slug}
          quarter={quarter}
          onQuarter={(q) => setParams(new URLSearchParams({ quarter: q }))}
        />
      )}
      {leader && <ImportList />}
    </Page>
  );
}

interface DashboardProps {
  data: Loaded;
  slug: string;
  quarter: string | undefined;
  onQuarter: (quarter: string) => void;
}

function Dashboard({ data, slug, quarter, onQuarter }: DashboardProps) {
  const { t, locale } = useT();
  const { series, summary } = data;
  const quarters = series.regionSeries.map((p) => p.period);
  const shown = summary?.quarter ?? quarter ?? quarters[quarters.length - 1] ?? '';
  const [draft, setDraft] = useState(shown);
  const lang = `lang=${locale}`;
  const region = series.region.name;
  const comparison = comparisonRows(series, shown);
  const submit = (event: FormEvent) => {
    event.preventDefault();
    onQuarter(draft);
  };
  return (
    <>
      <section aria-labelledby="stat-summary">
        <Heading level={2} data-size="sm" id="stat-summary" className="office-section-title">
          {t('statistics:page.summaryTitle')}
        </Heading>
        <form className="office-filters" onSubmit={submit}>
          <SelectField
            id="stat-quarter"
            label={t('statistics:page.quarterLabel')}
            value={draft}
            onChange={(e) => setDraft(e.target.value)}
            options={[...quarters]
              .reverse()
              .map((q) => ({ value: q, label: formatQuarter(locale, q) }))}
          />
          <div className="office-actions">
            <Button type="submit">{t('statistics:page.show')}</Button>
          </div>
        </form>
        {summary ? (
          <CopyableSummary text={summary.text} />
        ) : (
          <Paragraph>
            {t('statistics:page.noQuarter', { quarter: formatQuarter(locale, shown) })}
          </Paragraph>
        )}
      </section>
      <section aria-labelledby="stat-population">
        <Heading level={2} data-size="sm" id="stat-population" className="office-section-title">
          {t('statistics:page.populationTitle')}
        </Heading>
        <figure className="fh-chart">
          <img
            src={`${apiBase(slug)}/chart.svg?kind=population&${lang}`}
            alt={t('statistics:page.chartAltPopulation', { region })}
            width={720}
            height={360}
          />
          <figcaption>{t('statistics:credit')}</figcaption>
        </figure>
        <SeriesTable
          id="stat-table-population"
          caption={t('statistics:page.tableCaptionPopulation', { region })}
          t={t}
          locale={locale}
          series={series}
          fields={['popStart', 'popEnd', 'growth']}
        />
      </section>
      <section aria-labelledby="stat-components">
        <Heading level={2} data-size="sm" id="stat-components" className="office-section-title">
          {t('statistics:page.componentsTitle')}
        </Heading>
        <figure className="fh-chart">
          <img
            src={`${apiBase(slug)}/chart.svg?kind=components&${lang}`}
            alt={t('statistics:page.chartAltComponents', { region })}
            width={720}
            height={360}
          />
          <figcaption>{t('statistics:credit')}</figcaption>
        </figure>
        <SeriesTable
          id="stat-table-components"
          caption={t('statistics:page.tableCaptionComponents', { region })}
          t={t}
          locale={locale}
          series={series}
          fields={COMPONENT_FIELDS}
        />
      </section>
      {summary && (
        <section aria-labelledby="stat-map">
          <Heading level={2} data-size="sm" id="stat-map" className="office-section-title">
            {t('statistics:page.mapTitle')}
          </Heading>
          <figure className="fh-chart">
            <img
              src={`${apiBase(slug)}/map.svg?quarter=${summary.quarter}&${lang}`}
              alt={t('statistics:page.mapAlt', {
                region,
                quarter: formatQuarter(locale, summary.quarter),
              })}
            />
            <figcaption>
              {t('statistics:credit')}. {t('statistics:mapCredit')}
            </figcaption>
          </figure>
          <MunicipalityTable
            id="stat-table-map"
            caption={t('statistics:page.tableCaptionMap', {
              quarter: formatQuarter(locale, summary.quarter),
            })}
            t={t}
            locale={locale}
            summary={summary}
          />
        </section>
      )}
      {quarters.includes(shown) && (
        <section aria-labelledby="stat-comparison">
          <Heading level={2} data-size="sm" id="stat-comparison" className="office-section-title">
            {t('statistics:comparison.title')}
          </Heading>
          {comparison.length > 0 ? (
            <>
              <ComparisonTable
                id="stat-table-comparison"
                caption={t('statistics:comparison.tableCaption', {
                  quarter: formatQuarter(locale, shown),
                })}
                t={t}
                locale={locale}
                rows={comparison}
              />
              <Paragraph data-size="sm">{t('statistics:comparison.definition')}</Paragraph>
              <Paragraph data-size="sm">{t('statistics:credit')}</Paragraph>
            </>
          ) : (
            <Paragraph>{t('statistics:comparison.empty')}</Paragraph>
          )}
        </section>
      )}
      <section aria-labelledby="stat-downloads">
        <Heading level={2} data-size="sm" id="stat-downloads" className="office-section-title">
          {t('statistics:page.downloadsTitle')}
        </Heading>
        <ul className="office-links">
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
      <section aria-labelledby="stat-definitions">
        <Heading level={2} data-size="sm" id="stat-definitions" className="office-section-title">
          {t('statistics:page.definitionsTitle')}
        </Heading>
        <dl className="fh-definitions">
          <dt>{t('statistics:figures.movedIn')}</dt>
          <dd>{series.definitions.movedIn}</dd>
          <dt>{t('statistics:figures.netMigration')}</dt>
          <dd>{series.definitions.netMigration}</dd>
          <dt>{t('statistics:figures.growth')}</dt>
          <dd>{series.definitions.growth}</dd>
          <dt>{t('statistics:page.reformsTerm')}</dt>
          <dd>{series.definitions.reforms}</dd>
        </dl>
        <Paragraph data-size="sm">{t('statistics:credit')}</Paragraph>
      </section>
    </>
  );
}

/** The ready-to-publish paragraph, and a button that copies it; the result is announced. */
function CopyableSummary({ text }: { text: string }) {
  const { t } = useT();
  const [status, setStatus] = useState('');
  const copy = async () => {
    setStatus('');
    try {
      await navigator.clipboard.writeText(text);
      setStatus(t('statistics:page.copied'));
    } catch {
      // No clipboard (insecure origin, or permission refused): say how to do it by hand.
      setStatus(t('statistics:page.copyFailed'));
    }
  };
  return (
    <>
      <Paragraph id="stat-summary-text" data-size="lg">
        {text}
      </Paragraph>
      <div className="office-actions">
        <Button variant="secondary" onClick={() => void copy()}>
          {t('statistics:page.copy')}
        </Button>
      </div>
      <p role="status" className="office-status">
        {status}
      </p>
    </>
  );
}
