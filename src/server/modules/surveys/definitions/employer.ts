import type { SurveyDefinition } from './types.js';

const t = (nb: string, nn: string, en: string) => ({ nb, nn, en });

/** The employer survey (business module sends the invitations), yearly. */
export const employer: SurveyDefinition = {
  key: 'employer',
  version: 1,
  title: t('Arbeidsgiverundersøkelsen', 'Arbeidsgivarundersøkinga', 'The employer survey'),
  intro: t(
    'Tre korte spørsmål om tilgangen på arbeidskraft. Svarene lagres uten navn på bedriften, og vises bare samlet for grupper på minst fem.',
    'Tre korte spørsmål om tilgangen på arbeidskraft. Svara blir lagra utan namnet på verksemda, og blir berre viste samla for grupper på minst fem.',
    'Three short questions about access to labour. Answers are stored without the name of your business and are only shown combined for groups of at least five.',
  ),
  mail: {
    subject: t(
      'Kort undersøkelse for arbeidsgivere fra {{region}}',
      'Kort undersøking for arbeidsgivarar frå {{region}}',
      'A short survey for employers from {{region}}',
    ),
    body: t(
      'Vi vil gjerne vite hvordan tilgangen på kvalifisert arbeidskraft er for dere. Undersøkelsen har tre spørsmål og tar ett minutt.',
      'Vi vil gjerne vite korleis tilgangen på kvalifisert arbeidskraft er for dykk. Undersøkinga har tre spørsmål og tek eitt minutt.',
      'We would like to know how your access to qualified labour is. The survey has three questions and takes one minute.',
    ),
  },
  questions: [
    {
      key: 'labourAccess',
      type: 'scale5',
      label: t(
        'Hvordan er tilgangen deres på kvalifisert arbeidskraft?',
        'Korleis er tilgangen dykkar på kvalifisert arbeidskraft?',
        'How is your access to qualified labour?',
      ),
      low: t('Svært dårlig', 'Svært dårleg', 'Very poor'),
      high: t('Svært god', 'Svært god', 'Very good'),
    },
    {
      key: 'recruitmentDifficulty',
      type: 'single',
      label: t(
        'Har dere hatt problemer med å rekruttere det siste året?',
        'Har de hatt problem med å rekruttere det siste året?',
        'Have you had difficulty recruiting in the last year?',
      ),
      options: [
        {
          key: 'none',
          label: t('Nei, ingen problemer', 'Nei, ingen problem', 'No, no difficulty'),
        },
        { key: 'some', label: t('Noe', 'Noko', 'Some') },
        { key: 'major', label: t('Store problemer', 'Store problem', 'Major difficulty') },
        {
          key: 'not_recruiting',
          label: t('Har ikke rekruttert', 'Har ikkje rekruttert', 'Have not recruited'),
        },
      ],
    },
    {
      key: 'unfilledPositions',
      type: 'single',
      label: t(
        'Hvor mange stillinger har dere ikke fått besatt det siste året?',
        'Kor mange stillingar har de ikkje fått fylt det siste året?',
        'How many positions have you been unable to fill in the last year?',
      ),
      options: [
        { key: '0', label: t('Ingen', 'Ingen', 'None') },
        { key: '1', label: t('Én', 'Éi', 'One') },
        { key: '2-4', label: t('2–4', '2–4', '2–4') },
        { key: '5+', label: t('5 eller flere', '5 eller fleire', '5 or more') },
      ],
    },
  ],
};
