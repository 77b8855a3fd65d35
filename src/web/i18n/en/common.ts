import type { Messages } from '../locales.js';
import type { common as nb } from '../nb/common.js';

export const common: Messages<typeof nb> = {
  appName: 'Flytthit',
  skipToContent: 'Skip to main content',
  language: 'Language',
  languageSwitch: 'Choose language',
  demoData: 'Demo data: the people, tips and calls here are invented.',
  notFound: {
    title: 'Page not found',
    body: 'We could not find the page you were looking for. Check the address, or go to the front page.',
    home: 'To the front page',
  },
  error: {
    title: 'Something went wrong',
    body: 'We could not show the page. Please try again shortly.',
    validation: 'Something in the form needs correcting.',
    tooMany: 'Too many attempts. Wait a moment and try again.',
  },
  field: {
    required: 'Required',
    invalid: 'Invalid value',
    tooLong: 'Too long',
    email: 'Must be an email address',
    unknown: 'Unknown field',
  },
};
