import { Heading, Paragraph } from '@digdir/designsystemet-react';
import { AGE_GROUP_KEYS, type AgeStatistics, type AgeYear } from '../../contracts/statistics.js';
import { formatNumber, type Locale } from '../i18n/locales.js';
import { DataTable } from '../ui/statistics-tables.js';
import type { PageProps } from './types.js';

type Values = AgeYear['population'];
type Symbols = AgeYear['populationSymbols'];
type Group = (typeof AGE_GROUP_KEYS)[number];

/** A number, or SSB's symbol ("..", ":") where there is none: never a made-up zero. */
function ageCell(locale: Locale, values: Values, symbols: Symbols, key: Group, signed = false) {
  const v = values[key];
  if (v !== null) return formatNumber(locale, v, signed ? { signDisplay: 'exceptZero' } : {});
  const s = symbols[key];
  return !s || s === 'none' ? '..' : s;
}

/**
 * Population by age group (SSB 07459) and the change in each cohort: the honest stand-in for
 * net migration by age, which SSB does not publish per municipality (ADR 0007).
 */
export function AgeSection({ input, t, regionName, age }: PageProps & { age: AgeStatistics }) {
  const { locale } = input;
  const latest = age.regionYears[age.regionYears.length - 1];
  const young = age.youngerAdults;
  return (
    <section className="fh-section" aria-labelledby="fh-age">
      <Heading level={2} data-size="md" id="fh-age">
        {t('statistics:age.title')}
      </Heading>
      <Paragraph>{t('statistics:age.lead')}</Paragraph>
      <DataTable
        id="fh-table-age"
        caption={t('statistics:age.tableCaptionRegion', { region: regionName })}
        t={t}
        head={
          <>
            <tr>
              <td />
              <th scope="colgroup" colSpan={AGE_GROUP_KEYS.length}>
                {t('statistics:age.population')}
              </th>
              <th scope="colgroup" colSpan={AGE_GROUP_KEYS.length}>
                {t('statistics:age.cohortChange')}
              </th>
            </tr>
            <tr>
              <th scope="col">{t('statistics:year')}</th>
              {(['population', 'cohort'] as const).flatMap((part) =>
                AGE_GROUP_KEYS.map((g) => (
                  <th scope="col" key={`${part}-${g}`} className="fh-num">
                    {t(`statistics:age.groups.${g}`)}
                  </th>
                )),
              )}
            </tr>
          </>
        }
      >
        {age.regionYears.map((y) => (
          <tr key={y.year}>
            <th scope="row">{y.year}</th>
            {AGE_GROUP_KEYS.map((g) => (
              <td key={g} className="fh-num">
                {ageCell(locale, y.population, y.populationSymbols, g)}
              </td>
            ))}
            {AGE_GROUP_KEYS.map((g) => (
              <td key={`c-${g}`} className="fh-num">
                {ageCell(locale, y.cohortChange, y.cohortChangeSymbols, g, true)}
              </td>
            ))}
          </tr>
        ))}
      </DataTable>
      {latest ? (
        <DataTable
          id="fh-table-age-municipalities"
          caption={t('statistics:age.tableCaptionMunicipalities', { year: latest.year })}
          t={t}
          head={
            <tr>
              <th scope="col">{t('statistics:municipality')}</th>
              <th scope="col" className="fh-num">
                {t('statistics:age.population')}
              </th>
              <th scope="col" className="fh-num">
                {t('statistics:age.cohortChange')}
              </th>
            </tr>
          }
        >
          {age.municipalities.map((m) => {
            const y = m.years.find((x) => x.year === latest.year);
            return (
              <tr key={m.code}>
                <th scope="row">{m.name}</th>
                <td className="fh-num">
                  {y ? ageCell(locale, y.population, y.populationSymbols, young) : '..'}
                </td>
                <td className="fh-num">
                  {y ? ageCell(locale, y.cohortChange, y.cohortChangeSymbols, young, true) : '..'}
                </td>
              </tr>
            );
          })}
          <tr className="fh-table__total">
            <th scope="row">{regionName}</th>
            <td className="fh-num">
              {ageCell(locale, latest.population, latest.populationSymbols, young)}
            </td>
            <td className="fh-num">
              {ageCell(locale, latest.cohortChange, latest.cohortChangeSymbols, young, true)}
            </td>
          </tr>
        </DataTable>
      ) : null}
      <dl className="fh-definitions">
        {(
          [
            ['population', t('statistics:age.population')],
            ['cohortChange', t('statistics:age.cohortChange')],
            ['youngerAdults', t('statistics:age.youngerAdults')],
          ] as const
        ).map(([key, term]) => (
          <div key={key}>
            <dt>{term}</dt>
            <dd>{age.definitions[key]}</dd>
          </div>
        ))}
      </dl>
      <Paragraph data-size="sm">
        {t('statistics:credit')}, {t('statistics:page.provenanceTable', { table: age.table })}
      </Paragraph>
    </section>
  );
}
