/** Live progress of the calling day (office). Bokmål (source). */
export const progress = {
  title: 'Ringedagen direkte',
  intro: 'Framdriften i «{{campaign}}», oppdatert mens det ringes.',
  link: 'Følg ringedagen direkte',
  back: 'Tilbake til kampanjen',
  status: {
    connecting: 'Kobler til …',
    live: 'Direkte: tallene oppdateres av seg selv.',
    reconnecting: 'Forbindelsen ble brutt. Kobler til igjen …',
    signedOut: 'Du er logget ut. Logg inn igjen for å følge ringedagen.',
    notFound: 'Fant ikke kampanjen, eller du har ikke tilgang til den.',
    signIn: 'Logg inn',
  },
  updated: 'Sist oppdatert {{time}}',
  totals: {
    region: 'Hele regionen',
    mine: 'Dine kommuner',
  },
  counts: {
    calls: 'Samtaler',
    reached: 'Nådd',
    interested: 'Interessert',
    remaining: 'Gjenstår',
    inProgress: 'Ringes nå',
  },
  target: {
    label: 'Mål: {{target}} samtaler',
    value: '{{calls}} av {{target}} samtaler ({{percent}} %)',
    milestone: '{{percent}} % av målet er nådd: {{calls}} av {{target}} samtaler.',
  },
  municipalities: {
    caption: 'Per kommune',
    municipality: 'Kommune',
    done: 'Ringt gjennom',
    doneValue: '{{percent}} % av {{carded}}',
    noList: 'Ingen på lista',
  },
  callers: {
    caption: 'Per ringer',
    captionOwn: 'Dine samtaler',
    name: 'Ringer',
    none: 'Ingen samtaler er registrert ennå.',
  },
};
