import { Heading, Paragraph } from '@digdir/designsystemet-react';
import { useEffect, useState } from 'react';
import type { JobMarket } from '../../../contracts/jobs.js';
import { CountTable, TrendTable } from '../../site/jobs/market-tables.js';
import { call } from '../api-call.js';
import { LoadFailed, Loading } from '../components/page.js';
import { useT } from '../i18n.js';
import { useJobsT } from './text.js';

export const jobsApi = (slug: string) => `/api/public/regions/${encodeURIComponent(slug)}/jobs`;

/** The labour-market map in the office: the public figures, charts with tables, downloads. */
export function MarketSection({ slug }: { slug: string }) {
  const { t: officeT, locale } = useT();
  const t = useJobsT();
  const [market, setMarket] = useState<JobMarket | null>(null);
  const [failed, setFailed] = useState(false);
  const [reload, setReload] = useState(0);

  // biome-ignore lint/correctness/useExhaustiveDependencies: reload is a retry counter
  useEffect(() => {
    let live = true;
    setFailed(false);
    call<JobMarket>('GET', `${jobsApi(slug)}/market?lang=${locale}`)
      .then((m) => live && setMarket(m))
      .catch(() => live && setFailed(true));
    return () => {
      live = false;
    };
  }, [slug, locale, reload]);

  if (failed) return <LoadFailed onRetry={() => setReload((n) => n + 1)} />;
  if (!market) return <Loading />;
  const base = jobsApi(slug);
  const tableProps = { market, locale, t, st: officeT };
  const parts = [
    {
      kind: 'occupation',
      title: t('market.occupationCaption'),
      first: t('market.group'),
      rows: market.byOccupation,
    },
    {
      kind: 'sector',
      title: t('market.sectorCaption'),
      first: t('market.sectorColumn'),
      rows: market.bySector,
    },
    {
      kind: 'municipality',
      title: t('market.municipalityCaption'),
      first: t('market.municipalityColumn'),
      rows: market.byMunicipality,
    },
  ];
  return (
    <section aria-labelledby="jobs-market">
      <Heading level={2} data-size="sm" id="jobs-market" className="office-section-title">
        {t('market.nav')}
      </Heading>
      <Paragraph data-size="sm">{market.credit}.</Paragraph>
      {parts.map((p) => (
        <div key={p.kind} className="office-jobs-chart">
          <Heading level={3} data-size="xs">
            {p.title}
          </Heading>
          <figure className="fh-chart">
            <img
              src={`${base}/chart.svg?kind=${p.kind}&lang=${locale}`}
              alt={t('market.chartAlt', { title: p.title })}
            />
          </figure>
          <CountTable
            {...tableProps}
            id={`office-jobs-${p.kind}`}
            caption={p.title}
            first={p.first}
            rows={p.rows}
          />
        </div>
      ))}
      <Heading level={3} data-size="xs">
        {t('market.trendCaption')}
      </Heading>
      {market.daily.length === 0 ? (
        <Paragraph>{t('market.noHistory')}</Paragraph>
      ) : (
        <>
          <figure className="fh-chart">
            <img
              src={`${base}/chart.svg?kind=trend&lang=${locale}`}
              alt={t('market.chartAlt', { title: t('market.trendCaption') })}
            />
          </figure>
          <TrendTable {...tableProps} id="office-jobs-trend" />
        </>
      )}
      <Paragraph>
        <a href={`${base}/market.csv?lang=${locale}`} download>
          {t('market.csv')}
        </a>
        {' · '}
        <a href={`${base}/market.xlsx?lang=${locale}`} download>
          {t('market.xlsx')}
        </a>
      </Paragraph>
    </section>
  );
}
