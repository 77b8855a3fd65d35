import type { CallingHours } from '../../src/contracts/calling.js';
import type { Db } from '../../src/server/db/database.js';
import { newId } from '../../src/server/db/portable.js';
import type { Clock } from '../../src/server/deps.js';
import { createCampaign } from '../../src/server/modules/referral/campaigns.service.js';
import {
  addressKey,
  foldName,
  newOptOutCode,
  surnameKey,
} from '../../src/server/modules/referral/normalise.js';
import { createApiToken } from '../../src/server/modules/tokens/tokens.service.js';
import { createUser } from '../../src/server/modules/users/users.service.js';
import type { Principal } from '../../src/server/plugins/access.js';

/** Invented people for the calling tests and bench: demo data, never real. */
const FIRST = ['Kari', 'Ola', 'Åse', 'Bjørn', 'Ingrid', 'Nils', 'Siri', 'Pål', 'Marte', 'Øystein'];
const LAST = ['Nordmann', 'Hansen', 'Ødegård', 'Haugen', 'Bakken', 'Lie', 'Moen', 'Dahl'];

let counter = 0;

const SEEDER: Principal = {
  userId: 'seed',
  email: 'seed@example.no',
  name: 'Seed',
  role: 'admin',
  regionId: null,
  municipalityCodes: [],
  campaignId: null,
  via: 'token',
  mfaEnrolmentRequired: false,
};

/** An open referral campaign of the region, with the given calling hours (null: default). */
export async function seedCallingCampaign(
  db: Db,
  clock: Clock,
  regionId: string,
  callingHours: CallingHours | null = null,
): Promise<string> {
  counter += 1;
  const campaign = await createCampaign(
    db,
    clock,
    { principal: SEEDER, ip: null },
    {
      regionId,
      name: `Ringedag ${counter}`,
      slug: `ringedag-${counter}-${Date.now()}`,
      kind: 'referral',
      status: 'open',
      startsOn: '2026-11-01',
      endsOn: '2027-01-31',
      callingDays: [],
      texts: { nb: { title: 'Savner du noen?', intro: '' } },
      postcardMessage: '',
      postcardLocale: 'nb',
      callScript: 'Hei! Du har fått et postkort fra oss …',
      targets: {},
      callingHours,
    },
  );
  return campaign.id;
}

/** `count` prospects of the campaign in one municipality, their postcards sent `cardedAt`. */
export async function seedProspects(
  db: Db,
  campaignId: string,
  regionId: string,
  count: number,
  options: { municipalityCode?: string; cardedAt?: string | null; at?: string } = {},
): Promise<string[]> {
  const at = options.at ?? '2026-11-01T10:00:00.000Z';
  const cardedAt = options.cardedAt === undefined ? at : options.cardedAt;
  const ids: string[] = [];
  for (let start = 0; start < count; start += 200) {
    const rows = Array.from({ length: Math.min(200, count - start) }, (_, k) => {
      const i = start + k;
      counter += 1;
      const name = `${FIRST[i % FIRST.length]} ${LAST[(i * 7) % LAST.length]} ${counter}`;
      const line = `Testvegen ${counter}`;
      const id = newId();
      ids.push(id);
      return {
        id,
        campaignId,
        regionId,
        municipalityCode: options.municipalityCode ?? '3427',
        name,
        household: null,
        phoneE164: `+474${String(counter).padStart(7, '0')}`,
        addressLine: line,
        postcode: '2500',
        city: 'Tynset',
        nameKey: foldName(name),
        surnameKey: surnameKey(name),
        addressKey: addressKey(line, '2500'),
        phoneHash: null,
        nameAddressHash: null,
        optOutCode: newOptOutCode(),
        // Seconds apart, so "longest waiting first" has an order to keep.
        firstTippedAt: new Date(Date.parse(at) + i * 1000).toISOString(),
        cardedAt,
        releasedAt: null,
        createdAt: at,
        updatedAt: at,
      };
    });
    await db.insertInto('prospects').values(rows).execute();
  }
  return ids;
}

export interface TestCaller {
  id: string;
  /** A personal API token: `authorization: Bearer <token>`. */
  token: string;
}

/** `count` callers of the campaign and municipality, each with a personal API token. */
export async function seedCallers(
  db: Db,
  clock: Clock,
  regionId: string,
  campaignId: string,
  count: number,
  municipalityCode = '3427',
): Promise<TestCaller[]> {
  const callers: TestCaller[] = [];
  for (let i = 0; i < count; i++) {
    counter += 1;
    const id = await createUser(db, clock, {
      email: `ringer.${counter}.${Date.now()}@example.no`,
      name: `Ringer ${counter}`,
      role: 'caller',
      regionId,
      municipalityCodes: [municipalityCode],
      campaignId,
    });
    const { token } = await createApiToken(db, clock, { kind: 'system', label: 'test' }, id, {
      name: 'calling',
    });
    callers.push({ id, token });
  }
  return callers;
}
