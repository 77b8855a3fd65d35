import type { NewcomerInput } from '../../../contracts/newcomers.js';
import type { Db } from '../../db/database.js';
import { newId } from '../../db/portable.js';
import type { Clock } from '../../deps.js';
import type { DemoSeeder } from '../demo.js';
import { todayInOslo } from '../followup/tasks.service.js';
import { demoPerson } from '../referral/referral.demo.people.js';
import { insertItem } from './checklists.repo.js';
import { addDays } from './checklists.service.js';
import * as repo from './newcomers.repo.js';
import { cleanAdults } from './newcomers.rules.js';
import { insertRegistration } from './newcomers.service.js';

/**
 * The demo region's newcomer hosting: a welcome checklist in every municipality and a few
 * invented households (no email addresses, so nothing is ever sent to anyone), moved in at
 * different times so the start page, the checklists and the retention report have something
 * to show. One has the phone number of a demo prospect, so a conversion proposal waits.
 * Everything is shown as demo data on screen (the region is a demo region).
 */

const CHECKLIST = [
  { title: 'Velkomstbrev og informasjonspakke', dueOffsetDays: 0 },
  { title: 'Hjelp med fastlege', dueOffsetDays: 14 },
  { title: 'Barnehage- eller skoleplass', dueOffsetDays: 14 },
  { title: 'Kontakt med frivilligsentralen', dueOffsetDays: 30 },
  { title: 'Invitasjon til møteplass for nye innbyggere', dueOffsetDays: 45 },
];

interface DemoHousehold {
  adults: NewcomerInput['adults'];
  children: number[];
  municipalityCode: string;
  /** Days before today. */
  movedDaysAgo: number;
  movedFrom: string;
  reasons: NewcomerInput['reasons'];
  /** Days before today; null: still here. */
  leftDaysAgo?: number;
}

function households(): DemoHousehold[] {
  const match = demoPerson(3);
  return [
    {
      adults: [{ name: 'Ingrid Demo Fjellstad', birthYear: 1989 }, { name: 'Arne Demo Fjellstad' }],
      children: [2021, 2017],
      municipalityCode: '3427',
      movedDaysAgo: 20,
      movedFrom: 'Oslo',
      reasons: ['work', 'nature'],
    },
    {
      adults: [{ name: match.name, phone: match.phone }],
      children: [],
      municipalityCode: match.municipalityCode,
      movedDaysAgo: 5,
      movedFrom: 'Trondheim',
      reasons: ['returning', 'family'],
    },
    {
      adults: [{ name: 'Sofie Demo Lien', birthYear: 1994 }],
      children: [2012],
      municipalityCode: '5025',
      movedDaysAgo: 400,
      movedFrom: 'Bergen',
      reasons: ['lifestyle'],
    },
    {
      adults: [{ name: 'Jonas Demo Haugen', birthYear: 1985 }],
      children: [],
      municipalityCode: '3427',
      movedDaysAgo: 780,
      movedFrom: 'Stavanger',
      reasons: ['work'],
      leftDaysAgo: 200,
    },
    {
      adults: [{ name: 'Maja Demo Bakken', birthYear: 1991 }, { name: 'Ole Demo Bakken' }],
      children: [2019],
      municipalityCode: '3428',
      movedDaysAgo: 760,
      movedFrom: 'Hamar',
      reasons: ['housing', 'nature'],
    },
  ];
}

export const newcomersDemoSeeder: DemoSeeder = {
  name: 'newcomers',
  async seed(db: Db, clock: Clock, regionId: string) {
    await repo.deleteRegionNewcomerData(db, regionId);
    const now = clock.now().toISOString();
    const codes = [...new Set(households().map((h) => h.municipalityCode)), '3424', '3426'];
    for (const code of codes) {
      for (const [position, item] of CHECKLIST.entries()) {
        await insertItem(db, {
          id: newId(),
          regionId,
          municipalityCode: code,
          position,
          title: item.title,
          dueOffsetDays: item.dueOffsetDays,
          responsibleUserId: null,
          removedAt: null,
          createdAt: now,
          updatedAt: now,
        });
      }
    }
    const today = todayInOslo(clock.now());
    const year = Number(today.slice(0, 4));
    for (const h of households()) {
      const input: NewcomerInput = {
        municipalityCode: h.municipalityCode,
        adults: h.adults,
        childrenBirthYears: h.children,
        movedFrom: h.movedFrom,
        movingDate: addDays(today, -h.movedDaysAgo),
        reasons: h.reasons,
        heardVia: { channel: 'friends_family' },
        consents: { contact: false, checkIns: false },
        locale: 'nb',
      };
      const { id } = await insertRegistration(
        db,
        clock,
        { kind: 'self', ip: null, regionId },
        regionId,
        input,
        cleanAdults(h.adults, year, []),
        { publicUrl: '' },
      );
      if (h.leftDaysAgo !== undefined) {
        await repo.updateNewcomer(db, id, {
          movedAwayOn: addDays(today, -h.leftDaysAgo),
          movedAwaySource: 'host',
        });
      }
    }
  },
};
