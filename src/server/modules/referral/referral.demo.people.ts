import type { CallOutcome, Interest } from '../../../contracts/calling.js';
import type { CampaignTexts } from '../../../contracts/referral.js';
import type { DEMO_REGION } from '../regions/regions.service.js';

/**
 * The invented people of the demo «Savner du noen?» campaign (referral.demo.ts). Every name,
 * address, phone number, email and story here is made up. Names are common Norwegian first
 * names and surnames put together by rule, addresses are «Demoveien N», emails are at
 * example.org (reserved, RFC 2606), and phone numbers are in +47 42, a series Norway has not
 * given out (libphonenumber's full metadata knows no number there, which the demo test
 * checks): Norway has no official range for fiction, and someone demonstrating the calling
 * screen may well dial one.
 */

export const DEMO_CAMPAIGN = {
  slug: 'savner-du-noen-demo',
  name: 'Savner du noen? (demo)',
  targets: { tips: 120, calls: 100, movedIn: 10 },
  texts: {
    nb: {
      title: 'Savner du noen? (demo)',
      intro:
        'Kjenner du noen som har flyttet fra Fjellregionen, og som kanskje kunne tenke seg å ' +
        'komme tilbake? Tips oss, så sender vi dem et postkort og ringer dem en kveld. ' +
        'Dette er en demokampanje: personene i den er oppdiktet.',
    },
    nn: {
      title: 'Saknar du nokon? (demo)',
      intro:
        'Kjenner du nokon som har flytta frå Fjellregionen, og som kanskje kunne tenkje seg å ' +
        'kome tilbake? Tips oss, så sender vi dei eit postkort og ringjer dei ein kveld. ' +
        'Dette er ein demokampanje: personane i han er oppdikta.',
    },
    en: {
      title: 'Do you miss someone? (demo)',
      intro:
        'Do you know someone who moved away from Fjellregionen and might like to come back? ' +
        'Tell us, and we will send them a postcard and call them one evening. ' +
        'This is a demo campaign: the people in it are invented.',
    },
  } satisfies CampaignTexts,
  postcardMessage:
    'Noen som savner deg, har fortalt oss at du kanskje kunne tenke deg å flytte hjem til ' +
    'Fjellregionen. Vi ringer deg en kveld snart for en uforpliktende prat. Vil du ikke bli ' +
    'kontaktet, bruker du koden på kortet, så sletter vi det vi vet om deg.',
  callScript: [
    'Hei, jeg heter … og ringer fra Fjellregionen. Du har fått et postkort fra oss: noen som ' +
      'savner deg, tipset oss om deg. Passer det med et par minutter?',
    '',
    '1. Hvordan har du det der du bor nå: jobb, bolig, familie?',
    '2. Har du tenkt på å flytte hjem igjen? Hva skulle til?',
    '3. Kan vi sende deg noe: ledige jobber, boliger, barnehage og skole, råd om å starte ' +
      'eget, eller en invitasjon til å komme på besøk?',
    '',
    'Vil personen ikke bli kontaktet igjen: velg «Reservasjon». Da sletter vi alt om dem.',
  ].join('\n'),
} as const;

/** How far a demo prospect came; the counts are what the pipeline and funnel will show. */
export type Story =
  | 'settled'
  | 'moved_in'
  | 'visiting'
  | 'interested'
  | 'not_now'
  | 'not_interested'
  | 'wrong_number'
  | 'no_answer'
  | 'call_back'
  | 'uncalled';

const STORY_COUNTS: ReadonlyArray<readonly [Story, number]> = [
  ['settled', 1],
  ['moved_in', 3],
  ['visiting', 4],
  ['interested', 7],
  ['not_now', 9],
  ['not_interested', 12],
  ['wrong_number', 4],
  ['no_answer', 12],
  ['call_back', 6],
  ['uncalled', 22],
];
export const PROSPECT_COUNT = STORY_COUNTS.reduce((n, [, k]) => n + k, 0);

/** The stories in a fixed scattered order (37 is coprime with 80), so every run is the same. */
export const STORIES: Story[] = (() => {
  const plain = STORY_COUNTS.flatMap(([story, n]) => Array<Story>(n).fill(story));
  return plain.map((_, i) => plain[(i * 37) % plain.length]!);
})();

/** The region's municipalities, bigger ones more often: Røros and Tynset, then the rest. */
const MUNICIPALITY_CYCLE = [
  '5025',
  '3427',
  '3428',
  '5025',
  '3427',
  '3424',
  '3429',
  '3430',
  '3426',
] as const satisfies ReadonlyArray<(typeof DEMO_REGION.municipalityCodes)[number]>;
export const municipalityOf = (i: number): string =>
  MUNICIPALITY_CYCLE[i % MUNICIPALITY_CYCLE.length]!;

const MUNICIPALITY_NAMES: Record<string, string> = {
  '5025': 'Røros',
  '3427': 'Tynset',
  '3428': 'Alvdal',
  '3424': 'Rendalen',
  '3429': 'Folldal',
  '3430': 'Os',
  '3426': 'Tolga',
};

// biome-ignore format: a table
const FIRST = [
  'Kari', 'Ola', 'Ingrid', 'Lars', 'Marte', 'Håkon', 'Silje', 'Jørgen', 'Ane', 'Eirik',
  'Tone', 'Sindre', 'Hilde', 'Magnus', 'Åse', 'Vegard', 'Ragnhild', 'Torbjørn', 'Guro', 'Even',
  'Sigrid', 'Anders', 'Marit', 'Øystein', 'Kristin', 'Ivar', 'Line', 'Kjetil', 'Randi', 'Ståle',
  'Nora', 'Erlend', 'Solveig', 'Per', 'Helga', 'Trond', 'Ida', 'Knut', 'Live', 'Arne',
];
// biome-ignore format: a table
const LAST = [
  'Haugen', 'Bakken', 'Moen', 'Nordmann', 'Aas', 'Sæther', 'Stensrud', 'Hagen', 'Bjørnstad',
  'Nyhus', 'Lien', 'Vold', 'Rønning', 'Tangen', 'Eggen', 'Brekken', 'Holm', 'Sletten', 'Dahl',
  'Løkken', 'Strand', 'Grønli', 'Øien', 'Engen', 'Kvam', 'Hov', 'Nygård', 'Bratt', 'Skjølsvold',
  'Enget', 'Solberg',
];

/** Where they live now, with a real postcode of that town (the card is posted there). */
// biome-ignore format: a table
const TOWNS = [
  ['Oslo', '0560'], ['Trondheim', '7014'], ['Bergen', '5008'], ['Hamar', '2317'],
  ['Lillehammer', '2609'], ['Stavanger', '4006'], ['Drammen', '3015'], ['Tromsø', '9008'],
  ['Elverum', '2406'], ['Kristiansand', '4610'], ['Bodø', '8006'], ['Gjøvik', '2815'],
] as const;

const HOUSEHOLDS = [
  'Bor alene',
  'Samboer, ingen barn ennå',
  'Gift, to barn i barneskolealder',
  'Samboer og en baby',
  'Alenemor med en gutt på ti',
  'Par i slutten av femtiårene',
];

const CONNECTIONS = [
  (m: string) => `Vokste opp i ${m}`,
  (m: string) => `Foreldrene bor fortsatt i ${m}`,
  (m: string) => `Gikk på videregående på Tynset, har venner i ${m}`,
  (m: string) => `Har hytte i ${m} og er her hver sommer`,
  (m: string) => `Var sommervikar i ${m} i studietiden`,
];

const REASONS = [
  'Savner fjellet og roen, snakker om det hver gang vi ses',
  'Er sykepleier og har sagt hun vil ha fast jobb nærmere familien',
  'Kan jobbe hjemmefra og vil at barna skal vokse opp nær besteforeldrene',
  'Drømmer om å starte eget snekkerfirma',
  'Leter etter et småbruk og har spurt meg om boliger her',
  'Er lærer og har sett etter stillinger i regionen',
];

/** The interests of the interested, in turn; each becomes follow-up tasks. */
export const INTEREST_SETS: Interest[][] = [
  ['jobs', 'housing'],
  ['kindergarten_school', 'housing'],
  ['visit'],
  ['business'],
  ['jobs'],
  ['housing', 'visit'],
  ['jobs', 'kindergarten_school', 'housing'],
];

export const CALL_NOTES: Partial<Record<CallOutcome, string[]>> = {
  interested: [
    'Vil gjerne høre om ledige stillinger og boliger',
    'Spør om barnehageplass fra august',
    'Kommer gjerne på besøk en helg',
  ],
  not_now: ['Nettopp begynt i ny jobb, spør igjen om et år'],
  not_interested: ['Trives godt der hun bor nå'],
  wrong_number: ['Nummeret tilhører noen andre'],
  call_back: ['Bedre etter klokka sju på en søndag'],
};

export interface DemoPerson {
  name: string;
  /** As a tipper would type it; in +47 42, not given out (see the top of this file). */
  phone: string;
  addressLine: string;
  postcode: string;
  city: string;
  household: string;
  municipalityCode: string;
}

/** The i-th invented person: a name made of a first name and a surname, never repeated. */
export function demoPerson(i: number): DemoPerson {
  const [city, postcode] = TOWNS[(i * 5) % TOWNS.length]!;
  return {
    name: `${FIRST[(i * 7) % FIRST.length]} ${LAST[(i * 11) % LAST.length]}`,
    phone: `42 00 ${String(10 + Math.floor(i / 100)).padStart(2, '0')} ${String(i % 100).padStart(2, '0')}`,
    addressLine: `Demoveien ${i + 1}`,
    postcode,
    city,
    household: HOUSEHOLDS[i % HOUSEHOLDS.length]!,
    municipalityCode: municipalityOf(i),
  };
}

export interface DemoTipper {
  name: string;
  email: string | null;
  mayBeNamed: boolean;
  wantsNews: boolean;
  municipalityCode: string | null;
  locale: 'nb' | 'nn' | 'en';
  connection: string;
  reason: string;
}

/** The t-th tip about person i: another invented person tells us about them. */
export function demoTipper(i: number, t: number, municipalityCode: string): DemoTipper {
  const k = i * 3 + t;
  const first = FIRST[(k * 13 + 5) % FIRST.length]!;
  const last = LAST[(k * 17 + 3) % LAST.length]!;
  const wantsNews = (i + t) % 3 === 0;
  const hasEmail = wantsNews || k % 4 === 1;
  return {
    name: `${first} ${last}`,
    email: hasEmail ? `${asciiLocal(first)}.${asciiLocal(last)}@example.org` : null,
    mayBeNamed: k % 5 !== 2,
    wantsNews,
    municipalityCode: k % 4 === 3 ? null : municipalityCode,
    locale: k % 11 === 4 ? 'nn' : k % 23 === 9 ? 'en' : 'nb',
    connection: CONNECTIONS[k % CONNECTIONS.length]!(MUNICIPALITY_NAMES[municipalityCode]!),
    reason: REASONS[k % REASONS.length]!,
  };
}

/** How many tips person i has: mostly one, every fourth two, some three. */
export const tipCountOf = (i: number): number => (i % 10 === 3 ? 3 : i % 4 === 1 ? 2 : 1);

const asciiLocal = (s: string) =>
  s.toLowerCase().replaceAll('æ', 'ae').replaceAll('ø', 'o').replaceAll('å', 'a');
