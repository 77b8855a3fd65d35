import type { Db } from '../../db/database.js';
import { newId } from '../../db/portable.js';
import type { Clock } from '../../deps.js';
import type { DemoSeeder } from '../demo.js';
import * as repo from './content.repo.js';

interface DemoText {
  title: string;
  body: string;
}

interface DemoItem {
  kind: 'page' | 'news';
  slug: string;
  nb: DemoText;
  nn?: DemoText;
  en?: DemoText;
}

/**
 * The demo region's own pages: the employer campaign's public page, a municipality's text
 * (the others fall back to the facts alone) and one news item. Written for the demo, in our
 * own words; a region replaces them in the office. Only nb and nn for some, so the visible
 * language fallback shows in English.
 */
const DEMO_ITEMS: DemoItem[] = [
  {
    kind: 'page',
    slug: 'vis-fram-jobbene',
    nb: {
      title: 'Vis fram jobbene!',
      body: [
        'Har bedriften din ledige stillinger? Legg dem ut på NAVs gratis stillingsportal',
        '[arbeidsplassen.nav.no](https://arbeidsplassen.nav.no/), så vises de også på',
        '[ledige stillinger i regionen](/jobber).',
        '',
        '## Hvorfor?',
        '',
        '- Folk som vurderer å flytte hit, leter etter jobb før de bestemmer seg.',
        '- Jo flere jobber som er synlige, jo bedre bilde får vi av arbeidsmarkedet i regionen.',
        '',
        'Ta kontakt med næringsforumet eller NAV-kontoret i kommunen din om du vil ha hjelp.',
      ].join('\n'),
    },
    nn: {
      title: 'Vis fram jobbane!',
      body: [
        'Har verksemda di ledige stillingar? Legg dei ut på NAV sin gratis stillingsportal',
        '[arbeidsplassen.nav.no](https://arbeidsplassen.nav.no/), så blir dei også viste på',
        '[ledige stillingar i regionen](/nn/jobber).',
        '',
        '## Kvifor?',
        '',
        '- Folk som vurderer å flytte hit, leitar etter jobb før dei bestemmer seg.',
        '- Di fleire jobbar som er synlege, di betre bilete får vi av arbeidsmarknaden i regionen.',
        '',
        'Ta kontakt med næringsforumet eller NAV-kontoret i kommunen din om du vil ha hjelp.',
      ].join('\n'),
    },
  },
  {
    kind: 'page',
    slug: 'kommune-tynset',
    nb: {
      title: 'Tynset',
      body: [
        'Tynset er regionsenteret i Nord-Østerdalen, med sykehus, videregående skole og',
        'jernbane. Her er det kort vei til fjellet og til Glomma.',
      ].join('\n'),
    },
  },
  {
    kind: 'news',
    slug: 'ringedagen',
    nb: {
      title: 'Takk til alle som ringte!',
      body: [
        'På ringedagen ringte frivillige i alle kommunene til dem innbyggerne hadde tipset oss om.',
        'De som ville vite mer, får nå besøk av vertskapet i kommunen sin. (Demo.)',
      ].join('\n'),
    },
  },
];

async function seed(db: Db, clock: Clock, regionId: string): Promise<void> {
  const now = clock.now().toISOString();
  for (const item of DEMO_ITEMS) {
    await repo.deleteItemBySlug(db, regionId, item.kind, item.slug);
    const id = newId();
    await repo.insertItem(db, {
      id,
      regionId,
      kind: item.kind,
      slug: item.slug,
      currentRevision: 1,
      publishedRevision: 1,
      firstPublishedAt: now,
      publishedAt: now,
      createdBy: null,
      createdAt: now,
      updatedAt: now,
    });
    await repo.insertRevision(db, {
      itemId: id,
      number: 1,
      titleNb: item.nb.title,
      bodyNb: item.nb.body,
      titleNn: item.nn?.title ?? null,
      bodyNn: item.nn?.body ?? null,
      titleEn: item.en?.title ?? null,
      bodyEn: item.en?.body ?? null,
      restoredFrom: null,
      createdBy: null,
      createdAt: now,
    });
  }
}

export const contentDemoSeeder: DemoSeeder = { name: 'pages and news', seed };
