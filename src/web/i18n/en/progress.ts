import type { Messages } from '../locales.js';
import type { progress as nb } from '../nb/progress.js';

export const progress: Messages<typeof nb> = {
  title: 'Calling day live',
  intro: 'Progress of “{{campaign}}”, updated while the calls are made.',
  link: 'Follow the calling day live',
  back: 'Back to the campaign',
  status: {
    connecting: 'Connecting …',
    live: 'Live: the numbers update by themselves.',
    reconnecting: 'The connection was lost. Reconnecting …',
    signedOut: 'You are signed out. Sign in again to follow the calling day.',
    notFound: 'The campaign was not found, or you do not have access to it.',
    signIn: 'Sign in',
  },
  updated: 'Last updated {{time}}',
  totals: {
    region: 'The whole region',
    mine: 'Your municipalities',
  },
  counts: {
    calls: 'Calls',
    reached: 'Reached',
    interested: 'Interested',
    remaining: 'Remaining',
    inProgress: 'Being called',
  },
  target: {
    label: 'Target: {{target}} calls',
    value: '{{calls}} of {{target}} calls ({{percent}} %)',
    milestone: '{{percent}} % of the target reached: {{calls}} of {{target}} calls.',
  },
  municipalities: {
    caption: 'By municipality',
    municipality: 'Municipality',
    done: 'Worked through',
    doneValue: '{{percent}} % of {{carded}}',
    noList: 'Nobody on the list',
  },
  callers: {
    caption: 'By caller',
    captionOwn: 'Your calls',
    name: 'Caller',
    none: 'No calls recorded yet.',
  },
};
