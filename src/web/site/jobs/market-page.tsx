import { formatNumber } from '../../i18n/locales.js';
import { Heading, Paragraph } from '../../ui/ds-server.js';
import { localePath, siteTranslator } from '../text.js';
import { CountTable, TrendTable } from './market-tables.js';
import type { JobsPageProps } from './render.js';
import { dayText } from './search-page.js';
import type { MarketView } from './types.js';

export const marketApiBase = (slug: string) =>
  `/api/public/regions/${encodeURIComponent(slug)}/jobs`;

function Chart(props: { src: string; alt: string; caption: string; map?: boolean }) {
  return (
    <figure className={props.map ? 'fh-chart fh-chart--map' : 'fh-chart'}>
      <img src={props.src} alt={props.alt} />
      <figcaption>{props.caption}</figcaption>
    </figure>
  );
}

/** The labour-market map: charts drawn on the server, each with its table, and downloads. */
export function MarketPage({ input, t, market }: JobsPageProps & { market: MarketView }) {
  const { locale } = input;
  const st = siteTranslator(locale);
  const base = marketApiBase(input.region.slug);
  const tableProps = { market, locale, t, st };
  const chart = (kind: string) => `${base}/chart.svg?kind=${kind}&lang=${locale}`;
  const sections = [
    {
      kind: 'occupation',
      title: t('market.occupationTitle'),
      caption: t('market.occupationCaption'),
      first: t('market.group'),
      rows: market.byOccupation,
    },
    {
      kind: 'sector',
      title: t('market.sectorTitle'),
      caption: t('market.sectorCaption'),
      first: t('market.sectorColumn'),
      rows: market.bySector,
    },
    {
      kind: 'municipality',
      title: t('market.municipalityTitle'),
      caption: t('market.municipalityCaption'),
      first: t('market.municipalityColumn'),
      rows: market.byMunicipality,
    },
  ];
  return (
    <div className="fh-container fh-section">
      <Heading level={1} data-size="xl">
        {t('market.title', { region: input.region.name })}
      </Heading>
      <Paragraph data-size="lg">{t('market.lead')}</Paragraph>
      <Paragraph data-size="lg">
        <strong>{t('market.total', { count: formatNumber(locale, market.total) })}</strong>
      </Paragraph>
      <Paragraph data-size="sm">
        {t('market.asOf', { date: dayText(locale, market.asOf) })}. {market.credit}.
      </Paragraph>
      <Paragraph>
        <a className="ds-link" href={localePath(locale, '/jobber')}>
          {t('front.link')}
        </a>
      </Paragraph>
      {sections.map((s) => (
        <section key={s.kind} className="fh-section" aria-labelledby={`market-${s.kind}`}>
          <Heading level={2} data-size="md" id={`market-${s.kind}`}>
            {s.title}
          </Heading>
          <Chart
            src={chart(s.kind)}
            alt={t('market.chartAlt', { title: s.caption })}
            caption={
              s.kind === 'municipality'
                ? `${market.credit}. ${t('market.mapCredit')}`
                : market.credit
            }
            map={s.kind === 'municipality'}
          />
          <CountTable
            {...tableProps}
            id={`market-table-${s.kind}`}
            caption={s.caption}
            first={s.first}
            rows={s.rows}
          />
        </section>
      ))}
      <section className="fh-section" aria-labelledby="market-trend">
        <Heading level={2} data-size="md" id="market-trend">
          {t('market.trendTitle')}
        </Heading>
        {market.daily.length === 0 ? (
          <Paragraph>{t('market.noHistory')}</Paragraph>
        ) : (
          <>
            <Chart
              src={chart('trend')}
              alt={t('market.chartAlt', { title: t('market.trendCaption') })}
              caption={market.credit}
            />
            <TrendTable {...tableProps} id="market-table-trend" />
          </>
        )}
      </section>
      <section className="fh-section" aria-labelledby="market-downloads">
        <Heading level={2} data-size="md" id="market-downloads">
          {t('market.downloads')}
        </Heading>
        <ul>
          <li>
            <a className="ds-link" href={`${base}/market.csv?lang=${locale}`}>
              {t('market.csv')}
            </a>
          </li>
          <li>
            <a className="ds-link" href={`${base}/market.xlsx?lang=${locale}`}>
              {t('market.xlsx')}
            </a>
          </li>
        </ul>
      </section>
    </div>
  );
}
