import type { Messages } from '../locales.js';
import type { progress as nb } from '../nb/progress.js';

export const progress: Messages<typeof nb> = {
  title: 'Ringjedagen direkte',
  intro: 'Framdrifta i «{{campaign}}», oppdatert medan det vert ringt.',
  link: 'Følg ringjedagen direkte',
  back: 'Tilbake til kampanjen',
  status: {
    connecting: 'Koplar til …',
    live: 'Direkte: tala vert oppdaterte av seg sjølve.',
    reconnecting: 'Sambandet vart brote. Koplar til igjen …',
    signedOut: 'Du er logga ut. Logg inn att for å følgje ringjedagen.',
    notFound: 'Fann ikkje kampanjen, eller du har ikkje tilgang til han.',
    signIn: 'Logg inn',
  },
  updated: 'Sist oppdatert {{time}}',
  totals: {
    region: 'Heile regionen',
    mine: 'Kommunane dine',
  },
  counts: {
    calls: 'Samtalar',
    reached: 'Nådd',
    interested: 'Interessert',
    remaining: 'Står att',
    inProgress: 'Vert ringt no',
  },
  target: {
    label: 'Mål: {{target}} samtalar',
    value: '{{calls}} av {{target}} samtalar ({{percent}} %)',
    milestone: '{{percent}} % av målet er nådd: {{calls}} av {{target}} samtalar.',
  },
  municipalities: {
    caption: 'Per kommune',
    municipality: 'Kommune',
    done: 'Ringt gjennom',
    doneValue: '{{percent}} % av {{carded}}',
    noList: 'Ingen på lista',
  },
  callers: {
    caption: 'Per ringjar',
    captionOwn: 'Samtalane dine',
    name: 'Ringjar',
    none: 'Ingen samtalar er registrerte enno.',
  },
};
