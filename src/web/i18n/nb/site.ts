/** Texts of the public site. Bokmål is the source; nn and en must match its keys. */
export const site = {
  meta: {
    description: '{{region}}: kommunene i regionen og hva som gjør det godt å flytte hit.',
    imageAlt: '{{region}}',
  },
  profile: {
    title: 'Nettstedet: profil og besøk',
    lead: 'Regionens farge, logo og bilder på det offentlige nettstedet, og hvor mye sidene blir besøkt.',
    region: 'Region',
    colorTitle: 'Merkefarge',
    colorHelp:
      'Nettstedet lager fargene sine av denne. En farge som gjør tekst for vanskelig å lese (WCAG AA), blir avvist med paret som ikke holder.',
    colorLabel: 'Farge (#rrggbb)',
    save: 'Lagre fargen',
    saved: 'Lagret. Nettstedet viser endringen innen et minutt.',
    refused: 'Ikke lagret:',
    contrastTitle: 'Kontrast i fargeparene nettstedet bruker',
    pair: 'Par',
    ratio: 'Kontrast',
    required: 'Krav',
    ok: 'Holder',
    fails: 'For lav',
    pairs: {
      'hero-text-on-brand': 'Tekst på merkefargen',
      'button-text-on-brand': 'Knappetekst på merkefargen',
      'link-on-page': 'Lenker på hvit bakgrunn',
      'link-on-tinted-page': 'Lenker på grå bakgrunn',
      'language-link-on-hover': 'Språkvalg når pekeren er over',
      'card-link-on-hover': 'Kommunekort når pekeren er over',
      'current-language-on-tint': 'Valgt språk',
      'border-on-page': 'Kanter og ikoner',
    },
    imagesTitle: 'Bilder',
    kinds: {
      logo: 'Logo',
      favicon: 'Ikon i nettleserfanen',
      social: 'Bilde når sider deles',
    },
    rules: {
      logo: 'SVG eller PNG, høyst 200 KB. Vises ved regionens navn øverst på hver side.',
      favicon: 'Kvadratisk PNG eller SVG, høyst 100 KB.',
      social:
        'PNG eller JPEG, helst 1200 × 630 piksler, høyst 1 MB. Uten eget bilde brukes merkefargen.',
    },
    current: 'Nåværende bilde: {{kind}}',
    none: 'Ikke lastet opp.',
    file: 'Velg fil ({{kind}})',
    upload: 'Last opp',
    remove: 'Fjern',
    uploaded: 'Bildet er lagret.',
    removed: 'Bildet er fjernet.',
    reasons: {
      notImage: 'Filen er ikke et bilde (PNG, JPEG eller SVG).',
      tooLarge: 'Filen er {{size}} KB; høyst {{max}} KB er lov.',
      wrongType: 'Filen er {{actual}}, ikke {{claimed}}.',
      tooSmall:
        'Bildet er {{width}} × {{height}} piksler; det må være minst {{limit}} på hver side.',
      tooBig:
        'Bildet er {{width}} × {{height}} piksler; det kan være høyst {{limit}} på hver side.',
      notSquare: 'Bildet er {{width}} × {{height}} piksler; det må være kvadratisk.',
      unsafeSvg:
        'SVG-filen inneholder noe nettstedet ikke tillater ({{what}}). Lagre den på nytt uten skript og lenker.',
      contrast:
        '{{pair}}: {{foreground}} på {{background}} har kontrast {{ratio}}:1, men må ha minst {{required}}:1.',
    },
  },
  visits: {
    title: 'Besøk på nettstedet',
    lead: 'Sidevisninger telles uten informasjonskapsler, og ingenting om den som besøker lagres. Roboter telles ikke.',
    total: 'Sidevisninger i år: {{count}}',
    topPages: 'Mest besøkte sider i år',
    perMonth: 'Sidevisninger per måned',
    page: 'Side',
    month: 'Måned',
    views: 'Visninger',
    none: 'Ingen besøk telt ennå.',
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
    factsTitle: 'Kommunen i tall',
    population: 'Folketall',
    netMigration: 'Nettoinnflytting',
    factsSource: 'Ved utgangen av {{quarter}}. Kilde: Statistisk sentralbyrå, tabell 01222.',
    moreStatistics: 'Mer statistikk for regionen',
    hostTitle: 'Kontakt vertskapet',
    hostLead: 'Lurer du på å flytte hit? Vertskapet i {{name}} hjelper deg gjerne.',
    email: 'E-post',
    phone: 'Telefon',
    fallback: 'Denne teksten finnes ikke på {{wanted}} ennå; her er den på {{shown}}.',
    languages: { nb: 'bokmål', nn: 'nynorsk', en: 'engelsk' },
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
    newcomers: 'Ny i kommunen?',
    news: 'Nyheter',
    jobs: 'Ledige stillinger',
    events: 'Arrangementer',
    about: 'Om nettstedet',
    accessibility: 'Tilgjengelighetserklæring',
    office: 'For ansatte: logg inn',
    credit:
      'Kommunenavn og kommunenummer: Kilde: Statistisk sentralbyrå (KLASS) og © Kartverket, CC BY 4.0.',
    madeWith: 'Laget med Flytthit.',
  },
  consent: {
    footer: 'Vil du ikke få flere e-poster om dette? Trekk tilbake samtykket med ett klikk:',
    title: 'Trekk tilbake samtykke',
    lead: 'Du har fått en e-post fra {{region}}. Her kan du trekke tilbake samtykket ditt, slik at vi ikke sender deg flere e-poster om dette.',
    button: 'Trekk tilbake samtykket',
    doneTitle: 'Samtykket er trukket tilbake',
    done: 'Vi sender deg ikke flere e-poster om dette. Det gjelder fra nå av. Opplysninger vi må ha, slettes etter reglene i personvernerklæringen.',
    unknownTitle: 'Vi kjenner ikke igjen lenken',
    unknown:
      'Lenken er ikke gyldig lenger, eller den er skrevet av feil. Kontakt oss i kommunen, så hjelper vi deg.',
  },
};
