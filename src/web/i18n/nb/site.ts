/** Texts of the public site. Bokmål is the source; nn and en must match its keys. */
export const site = {
  meta: {
    description: '{{region}}: kommunene i regionen og hva som gjør det godt å flytte hit.',
  },
  header: {
    home: '{{region}}, forsiden',
  },
  front: {
    lead: 'Velkommen! {{region}} er et samarbeid mellom kommunene nedenfor om å gjøre det enkelt å flytte hit – og godt å bli boende.',
    municipalitiesTitle: 'Kommunene i regionen',
    officialName: 'Offisielt navn: {{name}}',
    county: 'Fylke: {{county}}',
  },
  municipality: {
    breadcrumbs: 'Du er her',
    lead: '{{name}} er en av kommunene i {{region}}.',
    officialName: 'Offisielt navn',
    code: 'Kommunenummer',
    county: 'Fylke',
    earlierTitle: 'Tidligere kommunenummer',
    earlierIntro:
      'Kommunenummer endres når kommuner og fylker slås sammen eller deles. Statistikk fra før endringen står under det gamle nummeret.',
    earlierNone: 'Kommunen har ikke hatt andre kommunenummer i vårt register.',
    changes: {
      renumbered: 'Nytt nummer fra',
      merged: 'Slått sammen med andre kommuner fra',
      split: 'Delt fra',
    },
    back: 'Se alle kommunene i {{region}}',
  },
  accessibility: {
    // The soft hyphen lets the long word break well at 320 px.
    title: 'Tilgjengelighets\u00aderklæring',
    lead: 'Nettstedet til {{region}} skal kunne brukes av alle. Det skal oppfylle kravene i forskrift om universell utforming av IKT-løsninger, som bygger på WCAG 2.1 nivå AA.',
    testedTitle: 'Slik tester vi',
    tested:
      'Sidene testes automatisk med verktøyet axe i en nettleser, både i smal og bred visning, og vi kontrollerer at alt kan brukes med tastatur. Sidene virker uten JavaScript.',
    knownTitle: 'Kjente mangler',
    known:
      'Vi kjenner ikke til brudd på kravene nå. Denne erklæringen er foreløpig og blir erstattet av en fullstendig erklæring i Digitaliseringsdirektoratets løsning for tilgjengelighetserklæringer.',
    feedbackTitle: 'Gi oss beskjed',
    feedback:
      'Møter du på noe som ikke virker for deg? Si fra til {{region}}, så retter vi det så snart vi kan.',
    authorityTitle: 'Tilsyn',
    authority:
      'Tilsynet for universell utforming av ikt (Uu-tilsynet) i Digitaliseringsdirektoratet fører tilsyn med at kravene blir fulgt.',
    authorityLink: 'Uu-tilsynets nettsider',
  },
  footer: {
    about: 'Om nettstedet',
    accessibility: 'Tilgjengelighetserklæring',
    office: 'For ansatte: logg inn',
    credit:
      'Kommunenavn og kommunenummer: Kilde: Statistisk sentralbyrå (KLASS) og © Kartverket, CC BY 4.0.',
    madeWith: 'Laget med Flytthit.',
  },
};
