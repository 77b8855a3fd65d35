import type { Messages } from '../locales.js';
import type { sso as nb } from '../nb/sso.js';

export const sso: Messages<typeof nb> = {
  title: 'The sign-in was not completed',
  reasons: {
    unknown_person:
      'You are signed in with the identity provider, but you have no Flytthit account. Ask the programme leader of your region to invite you.',
    disabled:
      'Your Flytthit account has been disabled. Contact the programme leader of your region.',
    expired: 'The sign-in took too long or was started in another browser. Please sign in again.',
    provider_error: 'The identity provider refused the sign-in. Please try again.',
    unavailable: 'We could not reach the identity provider. Please try again in a little while.',
  },
  back: 'Back to sign-in',
};
