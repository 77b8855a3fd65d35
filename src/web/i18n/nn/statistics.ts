import type { Messages } from '../locales.js';
import type { statistics as nb } from '../nb/statistics.js';

export const statistics: Messages<typeof nb> = {
  title: 'Flyttetal',
  credit: 'Kjelde: Statistisk sentralbyrå',
  mapCredit: 'Kart: © Kartverket',
  region: 'Regionen',
  country: 'Heile landet',
  municipality: 'Kommune',
  period: 'Periode',
  quarter: 'Kvartal',
  year: 'År',
  rollingYear: 'Siste fire kvartal',
  downloadCsv: 'Last ned som CSV',
  copySummary: 'Kopier teksten',
  largestNet: 'Størst nettoinnflytting',
  updated: 'Oppdatert av SSB',
  imported: 'Henta',
  figures: {
    popStart: 'Folketal ved inngangen',
    births: 'Fødde',
    deaths: 'Døde',
    naturalIncrease: 'Fødselsoverskot',
    immigration: 'Innvandring',
    emigration: 'Utvandring',
    domesticIn: 'Innanlandsk innflytting',
    domesticOut: 'Innanlandsk utflytting',
    netMigration: 'Nettoinnflytting',
    growth: 'Folkevekst',
    popEnd: 'Folketal ved utgangen',
    movedIn: 'Flytta til regionen',
  },
  definitions: {
    movedIn:
      '«Flytta til regionen» er innvandring pluss innanlandsk innflytting, summert over kommunane i regionen. Flytting mellom kommunane i regionen er med.',
    netMigration:
      'Nettoinnflytting er innvandring og innanlandsk innflytting minus utvandring og innanlandsk utflytting.',
    growth:
      'Folkevekst er skilnaden mellom folketalet ved utgangen og ved inngangen av perioden, slik SSB reknar han. Han er ikkje alltid lik fødselsoverskot pluss nettoinnflytting, fordi SSB rettar folkeregisteret undervegs.',
    reforms:
      'Tal publiserte under tidlegare kommunenummer er lagde på dagens kommune. Ved samanslåing er tala til dei gamle kommunane lagde saman. Der ein kommune vart delt, kan tala ikkje fordelast ærleg, og periodar før delinga blir ikkje viste.',
  },
  symbols: {
    notApplicable: 'Ikkje aktuelt (.)',
    notAvailable: 'Tal manglar (..)',
    notYetAvailable: 'Tal enno ikkje tilgjengelege (...)',
    confidential: 'Skjult av omsyn til personvern (:)',
    nil: 'Null (-)',
    noData: 'Ingen data',
  },
  chart: {
    population: 'Folketal i {{region}}',
    components: 'Fødselsoverskot og nettoinnflytting i {{region}}',
    description: 'Diagram. Tala står òg i tabellen og kan lastast ned.',
  },
  map: {
    title: 'Nettoinnflytting per kommune, {{quarter}}',
    description:
      'Kart over kommunane i {{region}}. Grøn tyder at fleire flytta inn enn ut, oransje at fleire flytta ut enn inn. Tala står òg i tabellen.',
    noData: 'ingen data',
    moreIn: 'Fleire flytta inn',
    moreOut: 'Fleire flytta ut',
  },
  summary: {
    newYear: 'ved nyttår',
    population_more:
      '{{date}} hadde kommunane i {{region}} {{population}} innbyggjarar, {{change}} fleire enn {{start}}.',
    population_fewer:
      '{{date}} hadde kommunane i {{region}} {{population}} innbyggjarar, {{change}} færre enn {{start}}.',
    population_same:
      '{{date}} hadde kommunane i {{region}} {{population}} innbyggjarar, like mange som {{start}}.',
    movedIn_one: 'I alt {{movedIn}} person flytta til regionen i {{quarter}}',
    movedIn_other: 'I alt {{movedIn}} personar flytta til regionen i {{quarter}}',
    netIn: ', ei nettoinnflytting på {{net}}.',
    netOut: ', ei nettoutflytting på {{net}}.',
    netZero: ', og like mange flytta ut.',
    largest: '{{names}} hadde størst nettoinnflytting ({{net}}).',
    largestNone:
      'Ingen av kommunane hadde nettoinnflytting; minst nettoutflytting hadde {{names}} ({{net}}).',
    incomplete: 'SSB har ikkje publisert fullstendige tal for regionen for {{quarter}}.',
    and: 'og',
  },
  age: {
    title: 'Folketal etter alder',
    lead: 'Eit delmål er nettoinnflytting i dei yngre aldersgruppene. SSB publiserer ikkje flytting etter alder per kommune i nokon tabell vi har kunna stadfeste. Difor viser vi folketalet etter alder 1. januar (SSB-tabell 07459) og endringa i kvart kull frå året før – ikkje nettoinnflytting.',
    population: 'Folketal 1. januar',
    cohortChange: 'Endring i kullet',
    youngerAdults: 'Yngre vaksne (20–39 år)',
    groups: {
      '0-19': '0–19 år',
      '20-39': '20–39 år',
      '40-66': '40–66 år',
      '67+': '67 år og eldre',
    },
    tableCaptionRegion:
      'Folketal 1. januar etter aldersgruppe, og endring i kullet frå året før, i {{region}}',
    tableCaptionMunicipalities: 'Yngre vaksne (20–39 år) per kommune, 1. januar {{year}}',
    empty: 'Folketal etter alder (SSB-tabell 07459) er ikkje henta inn enno.',
    definitions: {
      population:
        'Folketal etter alder er talet på busette 1. januar, summert over kjønn og over kommunane i regionen (SSB-tabell 07459).',
      cohortChange:
        'Endring i kullet er kor mange fleire (eller færre) personar i dei same fødselsåra som budde her 1. januar enn året før; for 20–39 år blir det samanlikna med dei som var 19–38 år året før. Det er nettoinnflytting minus dødsfall i kullet, og ikkje det same som nettoinnflytting. For unge vaksne er skilnaden liten, for eldre stor. Nyfødde (0 år) er ikkje med.',
      youngerAdults: 'Yngre vaksne er 20–39 år, aldersgruppa delmålet om nettoinnflytting gjeld.',
    },
  },
  page: {
    officeCard: 'Flyttetal frå SSB: teksten for kvartalet, diagram, kart og nedlasting.',
    title: 'Flyttetal for {{region}}',
    lead: 'Kor mange flyttar til og frå kommunane i {{region}}? Tala kjem frå Statistisk sentralbyrå (SSB), tabell 01222, og blir oppdaterte kvart kvartal.',
    nav: 'Flyttetal',
    frontLink: 'Sjå flyttetala for regionen',
    quarterLabel: 'Kvartal',
    show: 'Vis',
    summaryTitle: 'Kort fortalt',
    populationTitle: 'Folketal over tid',
    componentsTitle: 'Fødselsoverskot og nettoinnflytting',
    mapTitle: 'Nettoinnflytting per kommune',
    tableCaptionPopulation: 'Folketal ved utgangen av kvart kvartal i {{region}}',
    tableCaptionComponents: 'Endringar i folketalet per kvartal i {{region}}',
    tableCaptionMap: 'Nettoinnflytting per kommune, {{quarter}}',
    tableScroll: 'Tabell, kan rullast sidelengs',
    chartAltPopulation:
      'Linjediagram over folketalet i {{region}} per kvartal. Tala står i tabellen under.',
    chartAltComponents:
      'Stolpediagram over fødselsoverskot og nettoinnflytting i {{region}} per kvartal. Tala står i tabellen under.',
    mapAlt:
      'Kart over kommunane i {{region}} farga etter nettoinnflytting i {{quarter}}. Tala står i tabellen under.',
    downloadsTitle: 'Last ned tala',
    downloadCsv: 'Alle tal som CSV',
    downloadXlsx: 'Alle tal som Excel (XLSX)',
    definitionsTitle: 'Slik reknar vi',
    reformsTerm: 'Kommunereformer',
    sourceTitle: 'Kjelde',
    provenanceTable: 'tabell {{table}}',
    provenance: 'Tabell {{table}}, oppdatert av SSB {{updated}}, henta {{fetched}}.',
    emptyTitle: 'Ingen flyttetal enno',
    empty:
      'Det er ikkje henta inn tal frå Statistisk sentralbyrå for {{region}} enno. Når tala er henta, blir dei viste her.',
    noQuarter: 'Det finst ingen tal for {{quarter}}. Vel eit anna kvartal.',
    copy: 'Kopier teksten',
    copied: 'Teksten er kopiert.',
    copyFailed: 'Kunne ikkje kopiere. Merk teksten og kopier han sjølv.',
    importsTitle: 'Importar frå SSB',
    importsEmpty: 'Ingen importar enno.',
    importsTable: 'Tabell',
    importsSource: 'Kjelde',
    importsUpdated: 'Oppdatert av SSB',
    importsImported: 'Importert',
    importsCells: 'Celler',
    importsChanged: 'Endra',
  },
  comparison: {
    title: 'Regionen mot fylket og landet',
    area: 'Område',
    netPer1000: 'Nettoinnflytting per 1\u00a0000 innbyggjarar',
    tableCaption: 'Regionen mot fylket og landet, {{quarter}}',
    definition:
      'Nettoinnflytting per 1\u00a0000 innbyggjarar er nettoinnflyttinga i kvartalet delt på folketalet ved inngangen av kvartalet, gonga med 1\u00a0000. Vi reknar ho ut sjølve; SSB publiserer ho ikkje i tabell 01222. «..» tyder at talet manglar.',
    empty:
      'Tal for fylket og heile landet er ikkje henta inn enno; kommandoen flytthit stats import --table 01222 hentar dei frå SSB saman med kommunane.',
  },
};
