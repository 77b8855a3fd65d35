/** Texts shared by site and office. Bokmål is the source; nn and en must match its keys. */
export const common = {
  appName: 'Flytthit',
  skipToContent: 'Hopp til hovedinnhold',
  language: 'Språk',
  languageSwitch: 'Velg språk',
  demoData: 'Demodata: personer, tips og samtaler her er oppdiktet.',
  notFound: {
    title: 'Siden finnes ikke',
    body: 'Vi fant ikke siden du lette etter. Sjekk adressen, eller gå til forsiden.',
    home: 'Til forsiden',
  },
  error: {
    title: 'Noe gikk galt',
    body: 'Vi klarte ikke å vise siden. Prøv igjen om litt.',
    validation: 'Noe i skjemaet må rettes.',
    tooMany: 'For mange forsøk. Vent litt og prøv igjen.',
  },
  field: {
    required: 'Må fylles ut',
    invalid: 'Ugyldig verdi',
    tooLong: 'For lang',
    email: 'Må være en e-postadresse',
    unknown: 'Ukjent felt',
  },
};
