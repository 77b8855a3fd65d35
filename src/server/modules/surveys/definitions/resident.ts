import type { SurveyDefinition } from './types.js';

const t = (nb: string, nn: string, en: string) => ({ nb, nn, en });

/**
 * The resident survey (programme goals: pride and common identity, optimism), yearly; the
 * wave is the year. Sent by the goals module to addresses staff give it; answers anonymous.
 */
export const resident: SurveyDefinition = {
  key: 'resident',
  version: 1,
  title: t('Innbyggerundersøkelsen', 'Innbyggjarundersøkinga', 'The resident survey'),
  intro: t(
    'Tre korte spørsmål om hvordan du ser på regionen. Svarene lagres uten navn og e-post, og vises bare samlet for grupper på minst fem personer.',
    'Tre korte spørsmål om korleis du ser på regionen. Svara blir lagra utan namn og e-post, og blir berre viste samla for grupper på minst fem personar.',
    'Three short questions about how you see the region. Answers are stored without your name or email and are only shown combined for groups of at least five people.',
  ),
  mail: {
    subject: t(
      'Hva synes du om regionen? Tre spørsmål fra {{region}}',
      'Kva synest du om regionen? Tre spørsmål frå {{region}}',
      'What do you think of the region? Three questions from {{region}}',
    ),
    body: t(
      'Vi vil gjerne vite hvordan du ser på regionen du bor i. Undersøkelsen har tre spørsmål og tar ett minutt. Svarene dine lagres uten navn og e-post.',
      'Vi vil gjerne vite korleis du ser på regionen du bur i. Undersøkinga har tre spørsmål og tek eitt minutt. Svara dine blir lagra utan namn og e-post.',
      'We would like to know how you see the region you live in. The survey has three questions and takes one minute. Your answers are stored without your name or email.',
    ),
  },
  questions: [
    {
      key: 'pride',
      type: 'scale5',
      label: t(
        'Hvor stolt er du av å bo i regionen?',
        'Kor stolt er du av å bu i regionen?',
        'How proud are you of living in the region?',
      ),
      low: t('Ikke stolt', 'Ikkje stolt', 'Not proud'),
      high: t('Svært stolt', 'Svært stolt', 'Very proud'),
    },
    {
      key: 'identity',
      type: 'scale5',
      label: t(
        'Hvor mye føler du at kommunene i regionen hører sammen?',
        'Kor mykje kjenner du at kommunane i regionen høyrer saman?',
        'How much do you feel the municipalities of the region belong together?',
      ),
      low: t('Ikke i det hele tatt', 'Ikkje i det heile', 'Not at all'),
      high: t('I svært stor grad', 'I svært stor grad', 'Very much'),
    },
    {
      key: 'optimism',
      type: 'scale5',
      label: t(
        'Hvor optimistisk er du for regionens framtid?',
        'Kor optimistisk er du for framtida til regionen?',
        'How optimistic are you about the region’s future?',
      ),
      low: t('Ikke optimistisk', 'Ikkje optimistisk', 'Not optimistic'),
      high: t('Svært optimistisk', 'Svært optimistisk', 'Very optimistic'),
    },
  ],
};
