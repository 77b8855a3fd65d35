import { randomInt } from 'node:crypto';
import { crc32, deflateSync } from 'node:zlib';
import type { LightMyRequestResponse } from 'fastify';
import type { TestApp } from './app.js';
import type { TestSession } from './auth.js';

/** Demo data for the referral tests: invented people, invented numbers. */
export interface TipOverrides {
  person?: Record<string, unknown>;
  tipper?: Record<string, unknown>;
  tipperMayBeNamed?: boolean;
}

export function sampleTip(o: TipOverrides = {}) {
  return {
    tipper: {
      name: 'Ola Tipsar',
      email: 'ola.tipsar@example.no',
      municipalityCode: '3427',
      ...o.tipper,
    },
    person: {
      name: 'Kari Nordmann',
      phone: '912 34 567',
      addressLine: 'Storgata 3',
      postcode: '0182',
      city: 'Oslo',
      livesNow: 'Oslo',
      connection: 'Grew up in Tynset',
      household: 'Kari and two children',
      reason: 'Misses the mountains',
      municipalityCode: '3427',
      ...o.person,
    },
    tipperMayBeNamed: o.tipperMayBeNamed ?? true,
    welcomeConfirmed: true,
  };
}

/** A different client address per tip, so the per-IP limit does not get in the way. */
const someIp = () => `10.${randomInt(255)}.${randomInt(255)}.${randomInt(1, 255)}`;

export function postTip(
  t: TestApp,
  campaignId: string,
  body: unknown,
  headers: Record<string, string> = {},
): Promise<LightMyRequestResponse> {
  return t.app.inject({
    method: 'POST',
    url: `/api/public/campaigns/${campaignId}/tips`,
    payload: body as Record<string, unknown>,
    headers,
    remoteAddress: someIp(),
  });
}

let counter = 0;

/** An open referral campaign of the demo region, made through the API. */
export async function createOpenCampaign(
  leader: TestSession,
  overrides: Record<string, unknown> = {},
): Promise<{ id: string; slug: string }> {
  counter += 1;
  const res = await leader.request({
    method: 'POST',
    url: '/api/campaigns',
    payload: {
      name: `Savner du noen? ${counter}`,
      slug: `savner-${counter}-${Date.now()}`,
      kind: 'referral',
      status: 'open',
      startsOn: '2026-11-01',
      endsOn: '2027-01-31',
      callingDays: ['2027-02-10'],
      texts: { nb: { title: 'Savner du noen?', intro: 'Tips oss!' } },
      ...overrides,
    },
  });
  if (res.statusCode !== 201) throw new Error(`campaign: ${res.statusCode} ${res.body}`);
  return res.json() as { id: string; slug: string };
}

/** A plain PNG of one colour, made here so tests need no image files. */
export function solidPng(width: number, height: number): Buffer {
  const chunk = (type: string, data: Buffer) => {
    const body = Buffer.concat([Buffer.from(type, 'latin1'), data]);
    const out = Buffer.alloc(12 + data.length);
    out.writeUInt32BE(data.length, 0);
    body.copy(out, 4);
    out.writeUInt32BE(crc32(body), 8 + data.length);
    return out;
  };
  const header = Buffer.alloc(13);
  header.writeUInt32BE(width, 0);
  header.writeUInt32BE(height, 4);
  header.set([8, 2, 0, 0, 0], 8); // 8-bit RGB
  const row = Buffer.concat([Buffer.from([0]), Buffer.alloc(width * 3, 0x40)]);
  const pixels = deflateSync(Buffer.concat(Array.from({ length: height }, () => row)));
  return Buffer.concat([
    Buffer.from([137, 80, 78, 71, 13, 10, 26, 10]),
    chunk('IHDR', header),
    chunk('IDAT', pixels),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}
