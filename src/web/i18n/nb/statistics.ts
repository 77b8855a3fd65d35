/** Migration statistics (SSB table 01222): figure names, definitions and the summary text. */
export const statistics = {
  title: 'Flyttetall',
  credit: 'Kilde: Statistisk sentralbyrå',
  mapCredit: 'Kart: © Kartverket',
  region: 'Regionen',
  country: 'Hele landet',
  municipality: 'Kommune',
  period: 'Periode',
  quarter: 'Kvartal',
  year: 'År',
  rollingYear: 'Siste fire kvartaler',
  downloadCsv: 'Last ned som CSV',
  copySummary: 'Kopier teksten',
  largestNet: 'Størst nettoinnflytting',
  updated: 'Oppdatert av SSB',
  imported: 'Hentet',
  figures: {
    popStart: 'Folketall ved inngangen',
    births: 'Fødte',
    deaths: 'Døde',
    naturalIncrease: 'Fødselsoverskudd',
    immigration: 'Innvandring',
    emigration: 'Utvandring',
    domesticIn: 'Innenlandsk innflytting',
    domesticOut: 'Innenlandsk utflytting',
    netMigration: 'Nettoinnflytting',
    growth: 'Folkevekst',
    popEnd: 'Folketall ved utgangen',
    movedIn: 'Flyttet til regionen',
  },
  definitions: {
    movedIn:
      '«Flyttet til regionen» er innvandring pluss innenlandsk innflytting, summert over kommunene i regionen. Flytting mellom kommunene i regionen er med.',
    netMigration:
      'Nettoinnflytting er innvandring og innenlandsk innflytting minus utvandring og innenlandsk utflytting.',
    growth:
      'Folkevekst er forskjellen mellom folketallet ved utgangen og ved inngangen av perioden, slik SSB regner den. Den er ikke alltid lik fødselsoverskudd pluss nettoinnflytting, fordi SSB retter folkeregisteret underveis.',
    reforms:
      'Tall publisert under tidligere kommunenummer er lagt på dagens kommune. Ved sammenslåing er de gamle kommunenes tall lagt sammen. Der en kommune ble delt, kan tallene ikke fordeles ærlig, og perioder før delingen vises ikke.',
  },
  symbols: {
    notApplicable: 'Ikke aktuelt (.)',
    notAvailable: 'Tall mangler (..)',
    notYetAvailable: 'Tall ennå ikke tilgjengelig (...)',
    confidential: 'Skjult av hensyn til personvern (:)',
    nil: 'Null (-)',
    noData: 'Ingen data',
  },
  chart: {
    population: 'Folketall i {{region}}',
    components: 'Fødselsoverskudd og nettoinnflytting i {{region}}',
    description: 'Diagram. Tallene står også i tabellen og kan lastes ned.',
  },
  map: {
    title: 'Nettoinnflytting per kommune, {{quarter}}',
    description:
      'Kart over kommunene i {{region}}. Grønn betyr at flere flyttet inn enn ut, oransje at flere flyttet ut enn inn. Tallene står også i tabellen.',
    noData: 'ingen data',
    moreIn: 'Flere flyttet inn',
    moreOut: 'Flere flyttet ut',
  },
  summary: {
    newYear: 'ved nyttår',
    population_more:
      '{{date}} hadde kommunene i {{region}} {{population}} innbyggere, {{change}} flere enn {{start}}.',
    population_fewer:
      '{{date}} hadde kommunene i {{region}} {{population}} innbyggere, {{change}} færre enn {{start}}.',
    population_same:
      '{{date}} hadde kommunene i {{region}} {{population}} innbyggere, like mange som {{start}}.',
    movedIn_one: 'I alt {{movedIn}} person flyttet til regionen i {{quarter}}',
    movedIn_other: 'I alt {{movedIn}} personer flyttet til regionen i {{quarter}}',
    netIn: ', en nettoinnflytting på {{net}}.',
    netOut: ', en nettoutflytting på {{net}}.',
    netZero: ', og like mange flyttet ut.',
    largest: '{{names}} hadde størst nettoinnflytting ({{net}}).',
    largestNone:
      'Ingen av kommunene hadde nettoinnflytting; minst nettoutflytting hadde {{names}} ({{net}}).',
    incomplete: 'SSB har ikke publisert fullstendige tall for regionen for {{quarter}}.',
    and: 'og',
  },
  age: {
    title: 'Folketall etter alder',
    lead: 'Et delmål er nettoinnflytting i de yngre aldersgruppene. SSB publiserer ikke flytting etter alder per kommune i noen tabell vi har kunnet bekrefte. Derfor viser vi folketallet etter alder 1. januar (SSB-tabell 07459) og endringen i hvert kull fra året før – ikke nettoinnflytting.',
    population: 'Folketall 1. januar',
    cohortChange: 'Endring i kullet',
    youngerAdults: 'Yngre voksne (20–39 år)',
    groups: {
      '0-19': '0–19 år',
      '20-39': '20–39 år',
      '40-66': '40–66 år',
      '67+': '67 år og eldre',
    },
    tableCaptionRegion:
      'Folketall 1. januar etter aldersgruppe, og endring i kullet fra året før, i {{region}}',
    tableCaptionMunicipalities: 'Yngre voksne (20–39 år) per kommune, 1. januar {{year}}',
    empty: 'Folketall etter alder (SSB-tabell 07459) er ikke hentet inn ennå.',
    definitions: {
      population:
        'Folketall etter alder er antall bosatte 1. januar, summert over kjønn og over kommunene i regionen (SSB-tabell 07459).',
      cohortChange:
        'Endring i kullet er hvor mange flere (eller færre) personer i de samme fødselsårene som bodde her 1. januar enn året før; for 20–39 år sammenlignes med dem som var 19–38 år året før. Det er nettoinnflytting minus dødsfall i kullet, og ikke det samme som nettoinnflytting. For unge voksne er forskjellen liten, for eldre stor. Nyfødte (0 år) er ikke med.',
      youngerAdults:
        'Yngre voksne er 20–39 år, aldersgruppen delmålet om nettoinnflytting gjelder.',
    },
  },
  page: {
    officeCard: 'Flyttetall fra SSB: kvartalets tekst, diagrammer, kart og nedlasting.',
    title: 'Flyttetall for {{region}}',
    lead: 'Hvor mange flytter til og fra kommunene i {{region}}? Tallene kommer fra Statistisk sentralbyrå (SSB), tabell 01222, og oppdateres hvert kvartal.',
    nav: 'Flyttetall',
    frontLink: 'Se flyttetallene for regionen',
    quarterLabel: 'Kvartal',
    show: 'Vis',
    summaryTitle: 'Kort fortalt',
    populationTitle: 'Folketall over tid',
    componentsTitle: 'Fødselsoverskudd og nettoinnflytting',
    mapTitle: 'Nettoinnflytting per kommune',
    tableCaptionPopulation: 'Folketall ved utgangen av hvert kvartal i {{region}}',
    tableCaptionComponents: 'Befolkningsendringer per kvartal i {{region}}',
    tableCaptionMap: 'Nettoinnflytting per kommune, {{quarter}}',
    tableScroll: 'Tabell, kan rulles sideveis',
    chartAltPopulation:
      'Linjediagram over folketallet i {{region}} per kvartal. Tallene står i tabellen under.',
    chartAltComponents:
      'Stolpediagram over fødselsoverskudd og nettoinnflytting i {{region}} per kvartal. Tallene står i tabellen under.',
    mapAlt:
      'Kart over kommunene i {{region}} farget etter nettoinnflytting i {{quarter}}. Tallene står i tabellen under.',
    downloadsTitle: 'Last ned tallene',
    downloadCsv: 'Alle tall som CSV',
    downloadXlsx: 'Alle tall som Excel (XLSX)',
    definitionsTitle: 'Slik regner vi',
    reformsTerm: 'Kommunereformer',
    sourceTitle: 'Kilde',
    provenanceTable: 'tabell {{table}}',
    provenance: 'Tabell {{table}}, oppdatert av SSB {{updated}}, hentet {{fetched}}.',
    emptyTitle: 'Ingen flyttetall ennå',
    empty:
      'Det er ikke hentet inn tall fra Statistisk sentralbyrå for {{region}} ennå. Når tallene er hentet, vises de her.',
    noQuarter: 'Det finnes ingen tall for {{quarter}}. Velg et annet kvartal.',
    copy: 'Kopier teksten',
    copied: 'Teksten er kopiert.',
    copyFailed: 'Kunne ikke kopiere. Merk teksten og kopier den selv.',
    importsTitle: 'Importer fra SSB',
    importsEmpty: 'Ingen importer ennå.',
    importsTable: 'Tabell',
    importsSource: 'Kilde',
    importsUpdated: 'Oppdatert av SSB',
    importsImported: 'Importert',
    importsCells: 'Celler',
    importsChanged: 'Endret',
  },
  comparison: {
    title: 'Regionen mot fylket og landet',
    area: 'Område',
    netPer1000: 'Nettoinnflytting per 1\u00a0000 innbyggere',
    tableCaption: 'Regionen mot fylket og landet, {{quarter}}',
    definition:
      'Nettoinnflytting per 1\u00a0000 innbyggere er nettoinnflyttingen i kvartalet delt på folketallet ved inngangen av kvartalet, ganget med 1\u00a0000. Vi regner den ut selv; SSB publiserer den ikke i tabell 01222. «..» betyr at tallet mangler.',
    empty:
      'Tall for fylket og hele landet er ikke hentet inn ennå; kommandoen flytthit stats import --table 01222 henter dem fra SSB sammen med kommunene.',
  },
};
