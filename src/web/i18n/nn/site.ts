import type { Messages } from '../locales.js';
import type { site as nb } from '../nb/site.js';

export const site: Messages<typeof nb> = {
  meta: {
    description: '{{region}}: kommunane i regionen og kva som gjer det godt å flytte hit.',
  },
  header: {
    home: '{{region}}, framsida',
  },
  front: {
    lead: 'Velkomen! {{region}} er eit samarbeid mellom kommunane nedanfor om å gjere det enkelt å flytte hit – og godt å bli buande.',
    municipalitiesTitle: 'Kommunane i regionen',
    officialName: 'Offisielt namn: {{name}}',
    county: 'Fylke: {{county}}',
  },
  municipality: {
    breadcrumbs: 'Du er her',
    lead: '{{name}} er ein av kommunane i {{region}}.',
    officialName: 'Offisielt namn',
    code: 'Kommunenummer',
    county: 'Fylke',
    earlierTitle: 'Tidlegare kommunenummer',
    earlierIntro:
      'Kommunenummer blir endra når kommunar og fylke blir slått saman eller delte. Statistikk frå før endringa står under det gamle nummeret.',
    earlierNone: 'Kommunen har ikkje hatt andre kommunenummer i registeret vårt.',
    changes: {
      renumbered: 'Nytt nummer frå',
      merged: 'Slått saman med andre kommunar frå',
      split: 'Delt frå',
    },
    back: 'Sjå alle kommunane i {{region}}',
  },
  accessibility: {
    title: 'Tilgjengeerklæring',
    lead: 'Nettstaden til {{region}} skal kunne brukast av alle, og skal oppfylle krava i forskrift om universell utforming av IKT-løysingar, som byggjer på WCAG 2.1 nivå AA.',
    testedTitle: 'Slik testar vi',
    tested:
      'Sidene blir testa automatisk med verktøyet axe i ein nettlesar, både i smal og brei vising, og vi kontrollerer at alt kan brukast med tastatur. Sidene verkar utan JavaScript.',
    knownTitle: 'Kjende manglar',
    known:
      'Vi kjenner ikkje til brot på krava no. Denne erklæringa er førebels og blir erstatta av ei fullstendig erklæring i Digitaliseringsdirektoratet si løysing for tilgjengeerklæringar.',
    feedbackTitle: 'Sei frå til oss',
    feedback:
      'Møter du på noko som ikkje verkar for deg? Sei frå til {{region}}, så rettar vi det så snart vi kan.',
    authorityTitle: 'Tilsyn',
    authority:
      'Tilsynet for universell utforming av ikt (Uu-tilsynet) i Digitaliseringsdirektoratet fører tilsyn med at krava blir følgde.',
    authorityLink: 'Nettsidene til Uu-tilsynet',
  },
  footer: {
    about: 'Om nettstaden',
    accessibility: 'Tilgjengeerklæring',
    office: 'For tilsette: logg inn',
    credit:
      'Kommunenamn og kommunenummer: Kjelde: Statistisk sentralbyrå (KLASS) og © Kartverket, CC BY 4.0.',
    madeWith: 'Laga med Flytthit.',
  },
};
