import type { Messages } from '../locales.js';
import type { surveys as nb } from '../nb/surveys.js';

export const surveys: Messages<typeof nb> = {
  page: {
    answerTitle: 'Undersøking',
    anonymous:
      'Svara dine blir lagra utan namn og e-postadresse, og blir berre viste samla for grupper på minst fem personar. Alle spørsmål kan hoppast over.',
    optional: 'Valfritt',
    submit: 'Send svara',
    errorSummary: 'Sjekk dette før du sender:',
    invalidAnswer: 'Vel eitt av svara på «{{question}}».',
    scaleLegend: '{{low}} ({{min}}) til {{high}} ({{max}})',
    tooMany: 'Det er sendt svært mange svar herifrå på kort tid. Vent litt og prøv igjen.',
    tooFast: 'Skjemaet vart sendt før vi rakk å lese det. Sjå over svara og send igjen.',
    thanksTitle: 'Takk for svara!',
    thanksBody:
      'Svara dine er lagra utan namn og e-post. Dei hjelper oss å gjere det betre å bu her.',
    unavailableTitle: 'Denne lenkja verkar ikkje lenger',
    unavailableBody:
      'Undersøkinga er anten svart på, avslutta eller gått ut, eller lenkja er ikkje rett. Du treng ikkje gjere noko meir.',
    unavailableContact: 'Har du spørsmål, kan du ta kontakt med vertskapet i kommunen din.',
    yes: 'Ja',
    no: 'Nei',
  },
  mail: {
    greeting: 'Hei!',
    link: 'Svar her:',
    expires: 'Lenkja verkar til og med {{date}}.',
    personal:
      'Lenkja er personleg og kan brukast éin gong. Svara blir lagra utan namn og e-post, og blir berre viste samla for grupper på minst fem.',
    voluntary:
      'Det er frivillig å svare. Vil du ikkje ha fleire slike e-postar, kan du bruke lenkja nedst.',
    reminderSubject: 'Påminning: {{subject}}',
    reminderIntro: 'Vi sende deg ei kort undersøking for ei veke sidan. Har du to minutt?',
    signature: 'Helsing {{region}}',
  },
  office: {
    title: 'Undersøkingar',
    intro:
      'Svar frå trivselsundersøkingar og arbeidsgivarundersøkinga. Grupper med færre enn fem svar blir aldri viste, og heller ikkje tal som kunne avsløre dei.',
    survey: 'Undersøking',
    wave: 'Runde',
    allWaves: 'Alle rundar',
    groupBy: 'Grupper etter',
    groupByOptions: {
      region: 'Region',
      municipality: 'Kommune',
      campaign: 'Kampanje',
      wave: 'Runde',
    },
    from: 'Frå kvartal',
    to: 'Til kvartal',
    quarterHint: 'T.d. 2026K1',
    show: 'Vis',
    group: 'Gruppe',
    responses: 'Svar',
    average: 'Snitt',
    noGroup: '(utan)',
    hidden: 'Skjult',
    hiddenSmall: 'Skjult: færre enn fem svar',
    hiddenComplement: 'Skjult så dei minste gruppene ikkje kan reknast ut',
    noAnswer: 'Ikkje svart',
    none: 'Ingen svar enno.',
    caption: '{{question}}: svar per gruppe',
    downloadCsv: 'Last ned CSV',
    downloadXlsx: 'Last ned Excel',
    loadFailed: 'Kunne ikkje hente resultata. Prøv igjen.',
    settingsTitle: 'Trivselsundersøkingar for nye innbyggjarar',
    settingsIntro:
      'Kor mange månader etter innflytting nye innbyggjarar får ei kort undersøking på e-post. Endringa gjeld invitasjonar som blir planlagde frå no.',
    months: 'Månader etter innflytting',
    monthsHint: 'Skil med komma, t.d. 3, 12',
    save: 'Lagre',
    saved: 'Lagra.',
    defaultNote: 'Standard: 3 og 12 månader.',
    invalidMonths: 'Skriv heile månader mellom 1 og 60, høgst fire, skilde med komma.',
  },
  export: {
    note: 'Grupper og svar med færre enn fem er skjulte (:).',
    hidden: ':',
  },
};
