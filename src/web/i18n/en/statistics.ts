import type { Messages } from '../locales.js';
import type { statistics as nb } from '../nb/statistics.js';

export const statistics: Messages<typeof nb> = {
  title: 'Migration figures',
  credit: 'Source: Statistics Norway',
  mapCredit: 'Map: © Kartverket',
  region: 'The region',
  country: 'Norway',
  municipality: 'Municipality',
  period: 'Period',
  quarter: 'Quarter',
  year: 'Year',
  rollingYear: 'Last four quarters',
  downloadCsv: 'Download as CSV',
  copySummary: 'Copy the text',
  largestNet: 'Largest net in-migration',
  updated: 'Updated by Statistics Norway',
  imported: 'Fetched',
  figures: {
    popStart: 'Population at the start',
    births: 'Births',
    deaths: 'Deaths',
    naturalIncrease: 'Natural increase',
    immigration: 'Immigration',
    emigration: 'Emigration',
    domesticIn: 'Domestic in-migration',
    domesticOut: 'Domestic out-migration',
    netMigration: 'Net migration',
    growth: 'Population growth',
    popEnd: 'Population at the end',
    movedIn: 'Moved to the region',
  },
  definitions: {
    movedIn:
      '"Moved to the region" is immigration plus domestic in-migration, summed over the municipalities of the region. Moves between the municipalities of the region are included.',
    netMigration:
      'Net migration is immigration and domestic in-migration minus emigration and domestic out-migration.',
    growth:
      'Population growth is the difference between the population at the end and at the start of the period, as Statistics Norway computes it. It need not equal natural increase plus net migration, because Statistics Norway corrects the population register as it goes.',
    reforms:
      "Figures published under earlier municipality numbers are counted for today's municipality. Where municipalities merged, their figures are added up. Where a municipality was split, its figures cannot be divided honestly, and periods before the split are not shown.",
  },
  symbols: {
    notApplicable: 'Not applicable (.)',
    notAvailable: 'Not available (..)',
    notYetAvailable: 'Not yet available (...)',
    confidential: 'Confidential (:)',
    nil: 'Nil (-)',
    noData: 'No data',
  },
  chart: {
    population: 'Population of {{region}}',
    components: 'Natural increase and net migration in {{region}}',
    description: 'Chart. The figures are also in the table and can be downloaded.',
  },
  map: {
    title: 'Net migration by municipality, {{quarter}}',
    description:
      'Map of the municipalities of {{region}}. Green means more moved in than out, orange more moved out than in. The figures are also in the table.',
    noData: 'no data',
    moreIn: 'More moved in',
    moreOut: 'More moved out',
  },
  summary: {
    newYear: 'at New Year',
    population_more:
      'On {{date}} the municipalities of {{region}} had {{population}} inhabitants, {{change}} more than {{start}}.',
    population_fewer:
      'On {{date}} the municipalities of {{region}} had {{population}} inhabitants, {{change}} fewer than {{start}}.',
    population_same:
      'On {{date}} the municipalities of {{region}} had {{population}} inhabitants, as many as {{start}}.',
    movedIn_one: 'In total {{movedIn}} person moved to the region in {{quarter}}',
    movedIn_other: 'In total {{movedIn}} people moved to the region in {{quarter}}',
    netIn: ', a net in-migration of {{net}}.',
    netOut: ', a net out-migration of {{net}}.',
    netZero: ', and as many moved away.',
    largest: '{{names}} had the largest net in-migration ({{net}}).',
    largestNone:
      'None of the municipalities had net in-migration; {{names}} had the smallest net out-migration ({{net}}).',
    incomplete:
      'Statistics Norway has not published complete figures for the region for {{quarter}}.',
    and: 'and',
  },
  age: {
    title: 'Population by age',
    lead: 'One sub-goal is net in-migration in the younger age groups. Statistics Norway publishes migration by age per municipality in no table we have been able to confirm. We therefore show the population by age on 1 January (Statistics Norway table 07459) and the change in each cohort from the year before – not net migration.',
    population: 'Population on 1 January',
    cohortChange: 'Change in the cohort',
    youngerAdults: 'Younger adults (aged 20–39)',
    groups: {
      '0-19': 'Aged 0–19',
      '20-39': 'Aged 20–39',
      '40-66': 'Aged 40–66',
      '67+': 'Aged 67 and over',
    },
    tableCaptionRegion:
      'Population on 1 January by age group, and change in the cohort from the year before, in {{region}}',
    tableCaptionMunicipalities: 'Younger adults (aged 20–39) by municipality, 1 January {{year}}',
    empty: 'Population by age (Statistics Norway table 07459) has not been imported yet.',
    definitions: {
      population:
        'Population by age is the number of residents on 1 January, summed over sex and over the municipalities of the region (Statistics Norway table 07459).',
      cohortChange:
        'Change in the cohort is how many more (or fewer) people of the same birth years lived here on 1 January than a year earlier; for ages 20–39 they are compared with those aged 19–38 the year before. It is net migration minus deaths in the cohort, and not the same as net migration. For young adults the difference is small, for older people large. Newborns (age 0) are left out.',
      youngerAdults:
        'Younger adults are those aged 20–39, the age group the net in-migration sub-goal is about.',
    },
  },
  page: {
    officeCard: 'Migration figures from SSB: the quarter’s text, charts, map and downloads.',
    title: 'Migration figures for {{region}}',
    lead: 'How many people move to and from the municipalities of {{region}}? The figures come from Statistics Norway (SSB), table 01222, and are updated every quarter.',
    nav: 'Migration figures',
    frontLink: 'See the region’s migration figures',
    quarterLabel: 'Quarter',
    show: 'Show',
    summaryTitle: 'In brief',
    populationTitle: 'Population over time',
    componentsTitle: 'Natural increase and net migration',
    mapTitle: 'Net migration by municipality',
    tableCaptionPopulation: 'Population at the end of each quarter in {{region}}',
    tableCaptionComponents: 'Population change per quarter in {{region}}',
    tableCaptionMap: 'Net migration by municipality, {{quarter}}',
    tableScroll: 'Table, scrolls sideways',
    chartAltPopulation:
      'Line chart of the population of {{region}} per quarter. The figures are in the table below.',
    chartAltComponents:
      'Bar chart of natural increase and net migration in {{region}} per quarter. The figures are in the table below.',
    mapAlt:
      'Map of the municipalities of {{region}} coloured by net migration in {{quarter}}. The figures are in the table below.',
    downloadsTitle: 'Download the figures',
    downloadCsv: 'All figures as CSV',
    downloadXlsx: 'All figures as Excel (XLSX)',
    definitionsTitle: 'How we count',
    reformsTerm: 'Municipal reforms',
    sourceTitle: 'Source',
    provenanceTable: 'table {{table}}',
    provenance: 'Table {{table}}, updated by SSB {{updated}}, fetched {{fetched}}.',
    emptyTitle: 'No migration figures yet',
    empty:
      'No figures from Statistics Norway have been imported for {{region}} yet. They will be shown here once they are.',
    noQuarter: 'There are no figures for {{quarter}}. Choose another quarter.',
    copy: 'Copy the text',
    copied: 'The text has been copied.',
    copyFailed: 'Could not copy. Select the text and copy it yourself.',
    importsTitle: 'Imports from SSB',
    importsEmpty: 'No imports yet.',
    importsTable: 'Table',
    importsSource: 'Source',
    importsUpdated: 'Updated by SSB',
    importsImported: 'Imported',
    importsCells: 'Cells',
    importsChanged: 'Changed',
  },
  comparison: {
    title: 'The region against the county and the country',
    area: 'Area',
    netPer1000: 'Net migration per 1,000 inhabitants',
    tableCaption: 'The region against the county and the country, {{quarter}}',
    definition:
      'Net migration per 1,000 inhabitants is the quarter’s net migration divided by the population at the start of the quarter, times 1,000. We compute it ourselves; SSB does not publish it in table 01222. “..” means the figure is missing.',
    empty:
      'Figures for the county and the whole country have not been imported yet; the command flytthit stats import --table 01222 fetches them from Statistics Norway together with the municipalities.',
  },
};
