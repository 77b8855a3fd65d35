import type { Db } from '../../db/database.js';
import { newId, toDbJson } from '../../db/portable.js';
import type { Clock } from '../../deps.js';
import type { DemoSeeder } from '../demo.js';
import * as repo from './events.repo.js';
import { ensureOrganiser } from './organisers.service.js';
import { osloToUtc, utcToOslo } from './oslo-time.js';

/**
 * Demo events for the demo region, marked «(demo)» in their titles: a newcomer meetup at the
 * volunteer centre, a ski trip and a municipality's open day, in the weeks after today.
 * Replaces what it made before (the region's events and their registrations).
 */
async function seedEventsDemo(db: Db, clock: Clock, regionId: string): Promise<void> {
  await repo.deleteEventsOfRegion(db, regionId);
  const centre = await ensureOrganiser(db, clock, {
    regionId,
    name: 'Tynset frivilligsentral (demo)',
    kind: 'volunteer_centre',
  });
  const municipality = await ensureOrganiser(db, clock, {
    regionId,
    name: 'Alvdal kommune (demo)',
    kind: 'municipality',
  });
  const programme = await ensureOrganiser(db, clock, {
    regionId,
    name: 'Flytt hit i Fjellregionen (demo)',
    kind: 'programme',
  });
  const today = utcToOslo(clock.now()).slice(0, 10);
  const day = (plus: number, time: string) => {
    const d = new Date(`${today}T12:00:00Z`);
    d.setUTCDate(d.getUTCDate() + plus);
    return osloToUtc(`${d.toISOString().slice(0, 10)}T${time}`).toISOString();
  };
  const now = clock.now().toISOString();
  const events = [
    {
      organiserId: centre,
      municipalityCode: '3427',
      capacity: 30,
      title: {
        nb: 'Tilflyttertreff (demo)',
        nn: 'Tilflyttartreff (demo)',
        en: 'Newcomer meetup (demo)',
      },
      description: {
        nb: 'Kaffe, vafler og nye naboer på frivilligsentralen. Ta med hele familien.',
        en: 'Coffee, waffles and new neighbours at the volunteer centre. Bring the whole family.',
      },
      place: 'Tynset frivilligsentral',
      startsAt: day(7, '18:00'),
      endsAt: day(7, '20:00'),
    },
    {
      organiserId: municipality,
      municipalityCode: '3428',
      capacity: 12,
      title: { nb: 'Skitur for nye innbyggere (demo)', en: 'Ski trip for newcomers (demo)' },
      description: { nb: 'En rolig tur i lysløypa med bål og pølser etterpå. Vi låner ut ski.' },
      place: 'Lysløypa i Alvdal',
      startsAt: day(14, '11:00'),
      endsAt: day(14, '14:00'),
    },
    {
      organiserId: programme,
      municipalityCode: '5025',
      capacity: null,
      title: { nb: 'Åpen dag i Røros (demo)', nn: 'Open dag på Røros (demo)' },
      description: {
        nb: 'Møt tilflytterverten, kommunen og næringslivet. Ingen påmelding nødvendig, men meld deg gjerne på.',
      },
      place: 'Storstuggu, Røros',
      startsAt: day(21, '12:00'),
      endsAt: day(21, '16:00'),
    },
  ];
  for (const e of events) {
    await repo.insertEvent(db, {
      id: newId(),
      regionId,
      organiserId: e.organiserId,
      municipalityCode: e.municipalityCode,
      title: toDbJson(e.title),
      description: toDbJson(e.description),
      place: e.place,
      startsAt: e.startsAt,
      endsAt: e.endsAt,
      capacity: e.capacity,
      registrationOpen: 1,
      status: 'published',
      cancelledAt: null,
      createdBy: null,
      createdAt: now,
      updatedAt: now,
    });
  }
}

export const eventsDemoSeeder: DemoSeeder = {
  name: 'events: a newcomer meetup, a ski trip and an open day (demo)',
  seed: seedEventsDemo,
};
