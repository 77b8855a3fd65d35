import type { Messages } from '../locales.js';
import type { site as nb } from '../nb/site.js';

export const site: Messages<typeof nb> = {
  meta: {
    description:
      '{{region}}: the municipalities of the region, and what makes it a good place to move to.',
    imageAlt: '{{region}}',
  },
  profile: {
    title: 'Website: profile and visits',
    lead: "The region's colour, logo and images on the public website, and how much its pages are visited.",
    region: 'Region',
    colorTitle: 'Brand colour',
    colorHelp:
      'The website derives its colours from this one. A colour that makes text too hard to read (WCAG AA) is refused, naming the pair that fails.',
    colorLabel: 'Colour (#rrggbb)',
    save: 'Save the colour',
    saved: 'Saved. The website shows the change within a minute.',
    refused: 'Not saved:',
    contrastTitle: 'Contrast of the colour pairs the website uses',
    pair: 'Pair',
    ratio: 'Contrast',
    required: 'Required',
    ok: 'Passes',
    fails: 'Too low',
    pairs: {
      'hero-text-on-brand': 'Text on the brand colour',
      'button-text-on-brand': 'Button text on the brand colour',
      'link-on-page': 'Links on white',
      'link-on-tinted-page': 'Links on grey',
      'language-link-on-hover': 'Language switch under the pointer',
      'card-link-on-hover': 'Municipality card under the pointer',
      'current-language-on-tint': 'Chosen language',
      'border-on-page': 'Borders and icons',
    },
    imagesTitle: 'Images',
    kinds: {
      logo: 'Logo',
      favicon: 'Browser tab icon',
      social: 'Image when pages are shared',
    },
    rules: {
      logo: "SVG or PNG, at most 200 KB. Shown beside the region's name at the top of every page.",
      favicon: 'Square PNG or SVG, at most 100 KB.',
      social:
        'PNG or JPEG, ideally 1200 × 630 pixels, at most 1 MB. Without one, the brand colour is used.',
    },
    current: 'Current image: {{kind}}',
    none: 'Not uploaded.',
    file: 'Choose a file ({{kind}})',
    upload: 'Upload',
    remove: 'Remove',
    uploaded: 'The image is saved.',
    removed: 'The image is removed.',
    reasons: {
      notImage: 'The file is not an image (PNG, JPEG or SVG).',
      tooLarge: 'The file is {{size}} KB; at most {{max}} KB is allowed.',
      wrongType: 'The file is {{actual}}, not {{claimed}}.',
      tooSmall:
        'The image is {{width}} × {{height}} pixels; it must be at least {{limit}} on each side.',
      tooBig:
        'The image is {{width}} × {{height}} pixels; it may be at most {{limit}} on each side.',
      notSquare: 'The image is {{width}} × {{height}} pixels; it must be square.',
      unsafeSvg:
        'The SVG contains something the website does not allow ({{what}}). Export it again without scripts and links.',
      contrast:
        '{{pair}}: {{foreground}} on {{background}} has contrast {{ratio}}:1, but needs at least {{required}}:1.',
    },
  },
  visits: {
    title: 'Visits to the website',
    lead: 'Page views are counted without cookies, and nothing about the visitor is stored. Robots are not counted.',
    total: 'Page views this year: {{count}}',
    topPages: 'Most visited pages this year',
    perMonth: 'Page views per month',
    page: 'Page',
    month: 'Month',
    views: 'Views',
    none: 'No visits counted yet.',
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
    factsTitle: 'The municipality in figures',
    population: 'Population',
    netMigration: 'Net migration',
    factsSource: 'At the end of {{quarter}}. Source: Statistics Norway, table 01222.',
    moreStatistics: 'More statistics for the region',
    hostTitle: 'Contact the newcomer host',
    hostLead: 'Thinking of moving here? The newcomer host in {{name}} is glad to help.',
    email: 'Email',
    phone: 'Phone',
    fallback: 'This text is not available in {{wanted}} yet; here it is in {{shown}}.',
    languages: { nb: 'Norwegian Bokmål', nn: 'Norwegian Nynorsk', en: 'English' },
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
    newcomers: 'New in the municipality?',
    news: 'News',
    jobs: 'Vacancies',
    events: 'Events',
    about: 'About this website',
    accessibility: 'Accessibility statement',
    office: 'For staff: sign in',
    credit:
      'Municipality names and numbers: Source: Statistics Norway (KLASS) and © Kartverket, CC BY 4.0.',
    madeWith: 'Made with Flytthit.',
  },
  consent: {
    footer: 'Would you rather not get more emails about this? Withdraw your consent in one click:',
    title: 'Withdraw consent',
    lead: 'You have had an email from {{region}}. Here you can withdraw your consent, so that we send you no more emails about this.',
    button: 'Withdraw my consent',
    doneTitle: 'Your consent is withdrawn',
    done: 'We will send you no more emails about this, from now on. Information we must keep is deleted under the rules in our privacy statement.',
    unknownTitle: 'We do not recognise the link',
    unknown:
      'The link is no longer valid, or it was copied wrongly. Contact us at the municipality and we will help you.',
  },
};
