import type { Locale } from '../../../../web/i18n/locales.js';

/**
 * STYRK-08, Statistics Norway's standard classification of occupations (KLASS 7, the Norwegian
 * version of ISCO-08): its major groups (1 digit) and sub-major groups (2 digits). The codes
 * are SSB's; the names are written here in our own words in bokmål, nynorsk and English
 * (see data/PROVENANCE.md). NAV tags each ad with a 4-digit STYRK-08 code; its first one or
 * two digits are the groups below.
 */
export interface StyrkGroup {
  code: string;
  nb: string;
  nn: string;
  en: string;
}

export const STYRK_MAJOR_GROUPS: readonly StyrkGroup[] = [
  { code: '1', nb: 'Ledere', nn: 'Leiarar', en: 'Managers' },
  { code: '2', nb: 'Akademiske yrker', nn: 'Akademiske yrke', en: 'Professionals' },
  {
    code: '3',
    nb: 'Høyskoleyrker',
    nn: 'Høgskuleyrke',
    en: 'Technicians and associate professionals',
  },
  { code: '4', nb: 'Kontoryrker', nn: 'Kontoryrke', en: 'Clerical support workers' },
  {
    code: '5',
    nb: 'Salgs- og serviceyrker',
    nn: 'Sals- og serviceyrke',
    en: 'Service and sales workers',
  },
  {
    code: '6',
    nb: 'Bønder, fiskere mv.',
    nn: 'Bønder, fiskarar mv.',
    en: 'Skilled agricultural, forestry and fishery workers',
  },
  { code: '7', nb: 'Håndverkere', nn: 'Handverkarar', en: 'Craft and related trades workers' },
  {
    code: '8',
    nb: 'Prosess- og maskinoperatører, transportarbeidere mv.',
    nn: 'Prosess- og maskinoperatørar, transportarbeidarar mv.',
    en: 'Plant and machine operators, drivers and assemblers',
  },
  {
    code: '9',
    nb: 'Renholdere, hjelpearbeidere mv.',
    nn: 'Reinhaldarar, hjelpearbeidarar mv.',
    en: 'Cleaners, helpers and other elementary occupations',
  },
  {
    code: '0',
    nb: 'Militære yrker og uoppgitt',
    nn: 'Militære yrke og uoppgitt',
    en: 'Armed forces occupations and unspecified',
  },
];

export const STYRK_SUB_MAJOR_GROUPS: readonly StyrkGroup[] = [
  { code: '01', nb: 'Offiserer', nn: 'Offiserar', en: 'Commissioned armed forces officers' },
  { code: '02', nb: 'Befal', nn: 'Befal', en: 'Non-commissioned armed forces officers' },
  {
    code: '03',
    nb: 'Vervede og andre militære',
    nn: 'Verva og andre militære',
    en: 'Armed forces occupations, other ranks',
  },
  {
    code: '11',
    nb: 'Politikere og toppledere',
    nn: 'Politikarar og toppleiarar',
    en: 'Chief executives, senior officials and legislators',
  },
  {
    code: '12',
    nb: 'Ledere av administrasjon og forretningstjenester',
    nn: 'Leiarar av administrasjon og forretningstenester',
    en: 'Administrative and commercial managers',
  },
  {
    code: '13',
    nb: 'Ledere av produksjon og spesialiserte tjenester',
    nn: 'Leiarar av produksjon og spesialiserte tenester',
    en: 'Production and specialised services managers',
  },
  {
    code: '14',
    nb: 'Ledere innen hotell, handel og andre tjenester',
    nn: 'Leiarar innan hotell, handel og andre tenester',
    en: 'Hospitality, retail and other services managers',
  },
  {
    code: '21',
    nb: 'Realister og sivilingeniører',
    nn: 'Realistar og sivilingeniørar',
    en: 'Science and engineering professionals',
  },
  {
    code: '22',
    nb: 'Helsefaglige yrker (akademiske)',
    nn: 'Helsefaglege yrke (akademiske)',
    en: 'Health professionals',
  },
  { code: '23', nb: 'Undervisningsyrker', nn: 'Undervisningsyrke', en: 'Teaching professionals' },
  {
    code: '24',
    nb: 'Akademiske yrker i økonomi og administrasjon',
    nn: 'Akademiske yrke i økonomi og administrasjon',
    en: 'Business and administration professionals',
  },
  {
    code: '25',
    nb: 'IKT-yrker (akademiske)',
    nn: 'IKT-yrke (akademiske)',
    en: 'Information and communications technology professionals',
  },
  {
    code: '26',
    nb: 'Akademiske yrker i juss, sosialfag og kultur',
    nn: 'Akademiske yrke i juss, sosialfag og kultur',
    en: 'Legal, social and cultural professionals',
  },
  {
    code: '31',
    nb: 'Ingeniører og teknikere',
    nn: 'Ingeniørar og teknikarar',
    en: 'Science and engineering associate professionals',
  },
  {
    code: '32',
    nb: 'Helsefaglige høyskoleyrker',
    nn: 'Helsefaglege høgskuleyrke',
    en: 'Health associate professionals',
  },
  {
    code: '33',
    nb: 'Høyskoleyrker i økonomi og administrasjon',
    nn: 'Høgskuleyrke i økonomi og administrasjon',
    en: 'Business and administration associate professionals',
  },
  {
    code: '34',
    nb: 'Høyskoleyrker i juss, sosialfag, kultur og idrett',
    nn: 'Høgskuleyrke i juss, sosialfag, kultur og idrett',
    en: 'Legal, social, cultural and related associate professionals',
  },
  {
    code: '35',
    nb: 'IKT-teknikere',
    nn: 'IKT-teknikarar',
    en: 'Information and communications technicians',
  },
  {
    code: '41',
    nb: 'Allmenne kontoryrker',
    nn: 'Allmenne kontoryrke',
    en: 'General and keyboard clerks',
  },
  { code: '42', nb: 'Kundeserviceyrker', nn: 'Kundeserviceyrke', en: 'Customer services clerks' },
  {
    code: '43',
    nb: 'Kontoryrker i regnskap, lager og transport',
    nn: 'Kontoryrke i rekneskap, lager og transport',
    en: 'Numerical and material recording clerks',
  },
  {
    code: '44',
    nb: 'Andre kontoryrker',
    nn: 'Andre kontoryrke',
    en: 'Other clerical support workers',
  },
  {
    code: '51',
    nb: 'Personlig tjenesteyting',
    nn: 'Personleg tenesteyting',
    en: 'Personal service workers',
  },
  { code: '52', nb: 'Salgsyrker', nn: 'Salsyrke', en: 'Sales workers' },
  { code: '53', nb: 'Omsorgsyrker', nn: 'Omsorgsyrke', en: 'Personal care workers' },
  { code: '54', nb: 'Sikkerhetsyrker', nn: 'Tryggleiksyrke', en: 'Protective services workers' },
  {
    code: '61',
    nb: 'Bønder og gartnere',
    nn: 'Bønder og gartnarar',
    en: 'Market-oriented skilled agricultural workers',
  },
  {
    code: '62',
    nb: 'Skogbruk, fiske og fangst',
    nn: 'Skogbruk, fiske og fangst',
    en: 'Skilled forestry, fishery and hunting workers',
  },
  {
    code: '63',
    nb: 'Sjølforsyning',
    nn: 'Sjølvforsyning',
    en: 'Subsistence farmers, fishers, hunters and gatherers',
  },
  {
    code: '71',
    nb: 'Bygningsarbeidere',
    nn: 'Bygningsarbeidarar',
    en: 'Building and related trades workers',
  },
  {
    code: '72',
    nb: 'Metall- og maskinarbeidere',
    nn: 'Metall- og maskinarbeidarar',
    en: 'Metal, machinery and related trades workers',
  },
  {
    code: '73',
    nb: 'Presisjonshåndverk og trykking',
    nn: 'Presisjonshandverk og trykking',
    en: 'Handicraft and printing workers',
  },
  {
    code: '74',
    nb: 'Elektrikere og elektronikere',
    nn: 'Elektrikarar og elektronikarar',
    en: 'Electrical and electronics trades workers',
  },
  {
    code: '75',
    nb: 'Næringsmiddel, trearbeid, tekstil mv.',
    nn: 'Næringsmiddel, trearbeid, tekstil mv.',
    en: 'Food, wood, garment and other craft workers',
  },
  {
    code: '81',
    nb: 'Prosess- og maskinoperatører',
    nn: 'Prosess- og maskinoperatørar',
    en: 'Stationary plant and machine operators',
  },
  { code: '82', nb: 'Montører', nn: 'Montørar', en: 'Assemblers' },
  {
    code: '83',
    nb: 'Førere av kjøretøy og anleggsmaskiner',
    nn: 'Førarar av køyretøy og anleggsmaskiner',
    en: 'Drivers and mobile plant operators',
  },
  {
    code: '91',
    nb: 'Renholdere og hjelpere',
    nn: 'Reinhaldarar og hjelparar',
    en: 'Cleaners and helpers',
  },
  {
    code: '92',
    nb: 'Hjelpearbeidere i jordbruk, skogbruk og fiske',
    nn: 'Hjelpearbeidarar i jordbruk, skogbruk og fiske',
    en: 'Agricultural, forestry and fishery labourers',
  },
  {
    code: '93',
    nb: 'Hjelpearbeidere i bygg, industri og transport',
    nn: 'Hjelpearbeidarar i bygg, industri og transport',
    en: 'Labourers in mining, construction, manufacturing and transport',
  },
  {
    code: '94',
    nb: 'Hjelpearbeidere i matlaging',
    nn: 'Hjelpearbeidarar i matlaging',
    en: 'Food preparation assistants',
  },
  {
    code: '95',
    nb: 'Gatesalg og gatetjenester',
    nn: 'Gatesal og gatetenester',
    en: 'Street and related sales and service workers',
  },
  {
    code: '96',
    nb: 'Renovasjon og andre hjelpearbeidere',
    nn: 'Renovasjon og andre hjelpearbeidarar',
    en: 'Refuse workers and other elementary workers',
  },
];

const byCode = new Map(
  [...STYRK_MAJOR_GROUPS, ...STYRK_SUB_MAJOR_GROUPS].map((g) => [g.code, g] as const),
);

/** A known 1- or 2-digit group. */
export const isStyrkGroup = (code: string): boolean => byCode.has(code);

/** The group's name in the visitor's language; undefined for a code STYRK-08 does not have. */
export const styrkName = (code: string, locale: Locale): string | undefined =>
  byCode.get(code)?.[locale];

/** The major group (first digit) of a 4-digit code, or null without a usable code. */
export const majorGroupOf = (styrkCode: string | null | undefined): string | null =>
  styrkCode && /^\d/.test(styrkCode) && byCode.has(styrkCode[0]!) ? styrkCode[0]! : null;

export const SOURCE_CREDIT: Record<Locale, string> = {
  nb: 'Kilde: NAV (arbeidsplassen.nav.no), yrkesgrupper etter Statistisk sentralbyrås STYRK-08',
  nn: 'Kjelde: NAV (arbeidsplassen.nav.no), yrkesgrupper etter Statistisk sentralbyrå sin STYRK-08',
  en: 'Source: NAV (arbeidsplassen.nav.no), occupation groups from Statistics Norway’s STYRK-08',
};
