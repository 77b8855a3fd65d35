import type { Messages } from '../locales.js';
import type { common as nb } from '../nb/common.js';

export const common: Messages<typeof nb> = {
  appName: 'Flytthit',
  skipToContent: 'Hopp til hovudinnhaldet',
  language: 'Språk',
  languageSwitch: 'Vel språk',
  demoData: 'Demodata: personar, tips og samtalar her er oppdikta.',
  notFound: {
    title: 'Sida finst ikkje',
    body: 'Vi fann ikkje sida du leita etter. Sjekk adressa, eller gå til framsida.',
    home: 'Til framsida',
  },
  error: {
    title: 'Noko gjekk gale',
    body: 'Vi klarte ikkje å vise sida. Prøv igjen om litt.',
    validation: 'Noko i skjemaet må rettast.',
    tooMany: 'For mange forsøk. Vent litt og prøv igjen.',
  },
  field: {
    required: 'Må fyllast ut',
    invalid: 'Ugyldig verdi',
    tooLong: 'For lang',
    email: 'Må vere ei e-postadresse',
    unknown: 'Ukjent felt',
  },
};
