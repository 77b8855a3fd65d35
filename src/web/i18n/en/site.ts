import type { Messages } from '../locales.js';
import type { site as nb } from '../nb/site.js';

export const site: Messages<typeof nb> = {
  meta: {
    description:
      '{{region}}: the municipalities of the region, and what makes it a good place to move to.',
  },
  header: {
    home: '{{region}}, front page',
  },
  front: {
    lead: 'Welcome! {{region}} is a partnership of the municipalities below, working to make it easy to move here – and good to stay.',
    municipalitiesTitle: 'The municipalities of the region',
    officialName: 'Official name: {{name}}',
    county: 'County: {{county}}',
  },
  municipality: {
    breadcrumbs: 'You are here',
    lead: '{{name}} is one of the municipalities of {{region}}.',
    officialName: 'Official name',
    code: 'Municipality number',
    county: 'County',
    earlierTitle: 'Earlier municipality numbers',
    earlierIntro:
      'Municipality numbers change when municipalities and counties merge or split. Statistics from before the change are listed under the old number.',
    earlierNone: 'The municipality has had no other number in our register.',
    changes: {
      renumbered: 'Renumbered on',
      merged: 'Merged with other municipalities on',
      split: 'Split on',
    },
    back: 'See all the municipalities of {{region}}',
  },
  accessibility: {
    title: 'Accessibility statement',
    lead: 'The {{region}} website is meant to be usable by everyone. It must meet the requirements of the Norwegian regulation on universal design of ICT, which builds on WCAG 2.1 level AA.',
    testedTitle: 'How we test',
    tested:
      'The pages are tested automatically with the axe tool in a web browser, at narrow and wide widths, and we check that everything works with a keyboard. The pages work without JavaScript.',
    knownTitle: 'Known issues',
    known:
      'We know of no breaches of the requirements at present. This statement is provisional and will be replaced by a full statement in the Norwegian Digitalisation Agency’s service for accessibility statements.',
    feedbackTitle: 'Tell us',
    feedback:
      'Is something not working for you? Let {{region}} know, and we will fix it as soon as we can.',
    authorityTitle: 'Supervision',
    authority:
      'The Authority for Universal Design of ICT (Uu-tilsynet) at the Norwegian Digitalisation Agency supervises that the requirements are met.',
    authorityLink: 'Uu-tilsynet’s website (in Norwegian)',
  },
  footer: {
    about: 'About this website',
    accessibility: 'Accessibility statement',
    office: 'For staff: sign in',
    credit:
      'Municipality names and numbers: Source: Statistics Norway (KLASS) and © Kartverket, CC BY 4.0.',
    madeWith: 'Made with Flytthit.',
  },
};
