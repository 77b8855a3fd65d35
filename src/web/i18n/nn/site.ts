import type { Messages } from '../locales.js';
import type { site as nb } from '../nb/site.js';

export const site: Messages<typeof nb> = {
  meta: {
    description: '{{region}}: kommunane i regionen og kva som gjer det godt å flytte hit.',
    imageAlt: '{{region}}',
  },
  profile: {
    title: 'Nettstaden: profil og besøk',
    lead: 'Fargen, logoen og bileta til regionen på den opne nettstaden, og kor mykje sidene blir besøkte.',
    region: 'Region',
    colorTitle: 'Merkefarge',
    colorHelp:
      'Nettstaden lagar fargane sine av denne. Ein farge som gjer tekst for vanskeleg å lese (WCAG AA), blir avvist med paret som ikkje held.',
    colorLabel: 'Farge (#rrggbb)',
    save: 'Lagre fargen',
    saved: 'Lagra. Nettstaden viser endringa innan eit minutt.',
    refused: 'Ikkje lagra:',
    contrastTitle: 'Kontrast i fargepara nettstaden bruker',
    pair: 'Par',
    ratio: 'Kontrast',
    required: 'Krav',
    ok: 'Held',
    fails: 'For låg',
    pairs: {
      'hero-text-on-brand': 'Tekst på merkefargen',
      'button-text-on-brand': 'Knappetekst på merkefargen',
      'link-on-page': 'Lenkjer på kvit bakgrunn',
      'link-on-tinted-page': 'Lenkjer på grå bakgrunn',
      'language-link-on-hover': 'Språkval når peikaren er over',
      'card-link-on-hover': 'Kommunekort når peikaren er over',
      'current-language-on-tint': 'Valt språk',
      'border-on-page': 'Kantar og ikon',
    },
    imagesTitle: 'Bilete',
    kinds: {
      logo: 'Logo',
      favicon: 'Ikon i nettlesarfana',
      social: 'Bilete når sider blir delte',
    },
    rules: {
      logo: 'SVG eller PNG, høgst 200 KB. Blir vist ved namnet til regionen øvst på kvar side.',
      favicon: 'Kvadratisk PNG eller SVG, høgst 100 KB.',
      social:
        'PNG eller JPEG, helst 1200 × 630 pikslar, høgst 1 MB. Utan eige bilete blir merkefargen brukt.',
    },
    current: 'Noverande bilete: {{kind}}',
    none: 'Ikkje lasta opp.',
    file: 'Vel fil ({{kind}})',
    upload: 'Last opp',
    remove: 'Fjern',
    uploaded: 'Biletet er lagra.',
    removed: 'Biletet er fjerna.',
    reasons: {
      notImage: 'Fila er ikkje eit bilete (PNG, JPEG eller SVG).',
      tooLarge: 'Fila er {{size}} KB; høgst {{max}} KB er lov.',
      wrongType: 'Fila er {{actual}}, ikkje {{claimed}}.',
      tooSmall:
        'Biletet er {{width}} × {{height}} pikslar; det må vere minst {{limit}} på kvar side.',
      tooBig:
        'Biletet er {{width}} × {{height}} pikslar; det kan vere høgst {{limit}} på kvar side.',
      notSquare: 'Biletet er {{width}} × {{height}} pikslar; det må vere kvadratisk.',
      unsafeSvg:
        'SVG-fila inneheld noko nettstaden ikkje tillèt ({{what}}). Lagre ho på nytt utan skript og lenkjer.',
      contrast:
        '{{pair}}: {{foreground}} på {{background}} har kontrast {{ratio}}:1, men må ha minst {{required}}:1.',
    },
  },
  visits: {
    title: 'Besøk på nettstaden',
    lead: 'Sidevisingar blir talde utan informasjonskapslar, og ingenting om den som besøkjer blir lagra. Robotar blir ikkje talde.',
    total: 'Sidevisingar i år: {{count}}',
    topPages: 'Mest besøkte sider i år',
    perMonth: 'Sidevisingar per månad',
    page: 'Side',
    month: 'Månad',
    views: 'Visingar',
    none: 'Ingen besøk talde enno.',
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
    factsTitle: 'Kommunen i tal',
    population: 'Folketal',
    netMigration: 'Nettoinnflytting',
    factsSource: 'Ved utgangen av {{quarter}}. Kjelde: Statistisk sentralbyrå, tabell 01222.',
    moreStatistics: 'Meir statistikk for regionen',
    hostTitle: 'Kontakt vertskapet',
    hostLead: 'Lurer du på å flytte hit? Vertskapet i {{name}} hjelper deg gjerne.',
    email: 'E-post',
    phone: 'Telefon',
    fallback: 'Denne teksten finst ikkje på {{wanted}} enno; her er han på {{shown}}.',
    languages: { nb: 'bokmål', nn: 'nynorsk', en: 'engelsk' },
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
    newcomers: 'Ny i kommunen?',
    news: 'Nyheiter',
    jobs: 'Ledige stillingar',
    events: 'Arrangement',
    about: 'Om nettstaden',
    accessibility: 'Tilgjengeerklæring',
    office: 'For tilsette: logg inn',
    credit:
      'Kommunenamn og kommunenummer: Kjelde: Statistisk sentralbyrå (KLASS) og © Kartverket, CC BY 4.0.',
    madeWith: 'Laga med Flytthit.',
  },
  consent: {
    footer: 'Vil du ikkje få fleire e-postar om dette? Trekk tilbake samtykket med eitt klikk:',
    title: 'Trekk tilbake samtykke',
    lead: 'Du har fått ein e-post frå {{region}}. Her kan du trekkje tilbake samtykket ditt, slik at vi ikkje sender deg fleire e-postar om dette.',
    button: 'Trekk tilbake samtykket',
    doneTitle: 'Samtykket er trekt tilbake',
    done: 'Vi sender deg ikkje fleire e-postar om dette. Det gjeld frå no av. Opplysningar vi må ha, blir sletta etter reglane i personvernerklæringa.',
    unknownTitle: 'Vi kjenner ikkje att lenkja',
    unknown:
      'Lenkja er ikkje gyldig lenger, eller ho er skriven av feil. Kontakt oss i kommunen, så hjelper vi deg.',
  },
};
