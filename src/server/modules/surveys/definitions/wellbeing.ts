import type { SurveyDefinition } from './types.js';

const scale = (nb: string, nn: string, en: string) => ({ nb, nn, en });

/** The newcomer check-in, sent 3 and 12 months after moving in (region setting). */
export const wellbeing: SurveyDefinition = {
  key: 'wellbeing',
  version: 1,
  title: {
    nb: 'Hvordan har du det i din nye kommune?',
    nn: 'Korleis har du det i den nye kommunen din?',
    en: 'How are you settling in?',
  },
  intro: {
    nb: 'Fem korte spørsmål, to minutter. Svarene lagres uten navn og e-post, og vises bare samlet for grupper på minst fem personer.',
    nn: 'Fem korte spørsmål, to minutt. Svara blir lagra utan namn og e-post, og blir berre viste samla for grupper på minst fem personar.',
    en: 'Five short questions, two minutes. Your answers are stored without your name or email, and are only shown combined for groups of at least five people.',
  },
  mail: {
    subject: {
      nb: 'Hvordan har du det? Et kort spørsmål fra {{region}}',
      nn: 'Korleis har du det? Eit kort spørsmål frå {{region}}',
      en: 'How are you doing? A short question from {{region}}',
    },
    body: {
      nb: 'Du flyttet hit for en stund siden, og vi vil gjerne vite hvordan du har det. Undersøkelsen har fem spørsmål og tar to minutter. Svarene dine lagres uten navn og e-post.',
      nn: 'Du flytta hit for ei stund sidan, og vi vil gjerne vite korleis du har det. Undersøkinga har fem spørsmål og tek to minutt. Svara dine blir lagra utan namn og e-post.',
      en: 'You moved here a while ago, and we would like to know how you are doing. The survey has five questions and takes two minutes. Your answers are stored without your name or email.',
    },
  },
  questions: [
    {
      key: 'wellbeing',
      type: 'scale5',
      label: scale(
        'Hvor godt trives du der du bor nå?',
        'Kor godt trivst du der du bur no?',
        'How happy are you living here?',
      ),
      low: scale('Svært dårlig', 'Svært dårleg', 'Very unhappy'),
      high: scale('Svært godt', 'Svært godt', 'Very happy'),
    },
    {
      key: 'socialNetwork',
      type: 'scale5',
      label: scale(
        'Hvor godt kjent er du blitt med folk her (venner, naboer, kolleger)?',
        'Kor godt kjend har du vorte med folk her (vener, naboar, kollegaer)?',
        'How well have you got to know people here (friends, neighbours, colleagues)?',
      ),
      low: scale('Kjenner nesten ingen', 'Kjenner nesten ingen', 'Hardly know anyone'),
      high: scale('Har et godt nettverk', 'Har eit godt nettverk', 'Have a good network'),
    },
    {
      key: 'work',
      type: 'single',
      label: scale(
        'Hva er arbeidssituasjonen din nå?',
        'Kva er arbeidssituasjonen din no?',
        'What is your work situation now?',
      ),
      options: [
        {
          key: 'employed_here',
          label: scale(
            'I jobb her i regionen',
            'I jobb her i regionen',
            'Working here in the region',
          ),
        },
        {
          key: 'remote',
          label: scale(
            'Fjernarbeid for en arbeidsgiver et annet sted',
            'Fjernarbeid for ein arbeidsgivar ein annan stad',
            'Working remotely for an employer elsewhere',
          ),
        },
        {
          key: 'self_employed',
          label: scale(
            'Selvstendig næringsdrivende',
            'Sjølvstendig næringsdrivande',
            'Self-employed',
          ),
        },
        { key: 'looking', label: scale('Ser etter jobb', 'Ser etter jobb', 'Looking for work') },
        {
          key: 'other',
          label: scale(
            'Studerer, pensjonist eller annet',
            'Studerer, pensjonist eller anna',
            'Studying, retired or other',
          ),
        },
      ],
    },
    {
      key: 'recommend',
      type: 'scale10',
      label: scale(
        'Hvor sannsynlig er det at du vil anbefale andre å flytte hit?',
        'Kor sannsynleg er det at du vil tilrå andre å flytte hit?',
        'How likely are you to recommend moving here to others?',
      ),
      low: scale('Slett ikke', 'Slett ikkje', 'Not at all likely'),
      high: scale('Svært sannsynlig', 'Svært sannsynleg', 'Extremely likely'),
    },
    {
      key: 'plansToStay',
      type: 'single',
      label: scale(
        'Tror du at du bor her om fem år?',
        'Trur du at du bur her om fem år?',
        'Do you think you will live here in five years?',
      ),
      options: [
        { key: 'yes', label: scale('Ja', 'Ja', 'Yes') },
        { key: 'unsure', label: scale('Usikker', 'Usikker', 'Not sure') },
        { key: 'no', label: scale('Nei', 'Nei', 'No') },
      ],
    },
  ],
};
