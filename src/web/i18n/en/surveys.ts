import type { Messages } from '../locales.js';
import type { surveys as nb } from '../nb/surveys.js';

export const surveys: Messages<typeof nb> = {
  page: {
    answerTitle: 'Survey',
    anonymous:
      'Your answers are stored without your name or email address, and are only shown combined for groups of at least five people. You may skip any question.',
    optional: 'Optional',
    submit: 'Send my answers',
    errorSummary: 'Please check this before sending:',
    invalidAnswer: 'Choose one of the answers to “{{question}}”.',
    scaleLegend: '{{low}} ({{min}}) to {{high}} ({{max}})',
    tooMany: 'Very many answers were sent from here in a short time. Wait a little and try again.',
    tooFast: 'The form was sent before we could read it. Check your answers and send again.',
    thanksTitle: 'Thank you for your answers!',
    thanksBody:
      'Your answers are stored without your name or email. They help us make this a better place to live.',
    unavailableTitle: 'This link no longer works',
    unavailableBody:
      'The survey has been answered, closed or has expired, or the link is not right. You need not do anything more.',
    unavailableContact: 'If you have questions, contact the newcomer host in your municipality.',
    yes: 'Yes',
    no: 'No',
  },
  mail: {
    greeting: 'Hello,',
    link: 'Answer here:',
    expires: 'The link works until {{date}}.',
    personal:
      'The link is personal and can be used once. Answers are stored without your name or email and are only shown combined for groups of at least five.',
    voluntary:
      'Answering is voluntary. If you want no more emails like this, use the link at the bottom.',
    reminderSubject: 'Reminder: {{subject}}',
    reminderIntro: 'We sent you a short survey a week ago. Do you have two minutes?',
    signature: 'Best wishes, {{region}}',
  },
  office: {
    title: 'Surveys',
    intro:
      'Answers to the well-being check-ins and the employer survey. Groups with fewer than five answers are never shown, nor figures that could reveal them.',
    survey: 'Survey',
    wave: 'Wave',
    allWaves: 'All waves',
    groupBy: 'Group by',
    groupByOptions: {
      region: 'Region',
      municipality: 'Municipality',
      campaign: 'Campaign',
      wave: 'Wave',
    },
    from: 'From quarter',
    to: 'To quarter',
    quarterHint: 'E.g. 2026K1',
    show: 'Show',
    group: 'Group',
    responses: 'Answers',
    average: 'Average',
    noGroup: '(none)',
    hidden: 'Hidden',
    hiddenSmall: 'Hidden: fewer than five answers',
    hiddenComplement: 'Hidden so the smallest groups cannot be worked out',
    noAnswer: 'Not answered',
    none: 'No answers yet.',
    caption: '{{question}}: answers by group',
    downloadCsv: 'Download CSV',
    downloadXlsx: 'Download Excel',
    loadFailed: 'The results could not be loaded. Try again.',
    settingsTitle: 'Well-being check-ins for newcomers',
    settingsIntro:
      'How many months after moving in newcomers get a short survey by email. The change applies to invitations scheduled from now on.',
    months: 'Months after moving in',
    monthsHint: 'Separate with commas, e.g. 3, 12',
    save: 'Save',
    saved: 'Saved.',
    defaultNote: 'Default: 3 and 12 months.',
    invalidMonths: 'Write whole months between 1 and 60, at most four, separated by commas.',
  },
  export: {
    note: 'Groups and answers with fewer than five are hidden (:).',
    hidden: ':',
  },
};
