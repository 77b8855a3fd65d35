import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../../../test/support/app.js';
import { createTestUser, signIn, type TestSession } from '../../../../test/support/auth.js';
import { insertPersonRecords } from '../../../../test/support/privacy.js';
import { createOpenCampaign, postTip, sampleTip } from '../../../../test/support/referral.js';

/**
 * Erasure leaves nothing behind in the SQLite file: secure_delete overwrites what was deleted
 * or updated, and after a checkpoint the WAL holds nothing either. The values are unusual
 * enough that a match could only be them.
 */
describe('erasure on SQLite leaves no bytes behind', () => {
  let t: TestApp;
  let leader: TestSession;

  beforeAll(async () => {
    t = await createTestApp('sqlite');
    leader = await signIn(t, await createTestUser(t, { role: 'programme_leader' }));
  });
  afterAll(async () => t?.close());

  const SECRETS = [
    'Quentin Zyxwerase',
    '+4741577123',
    'Zyxwvegen 42',
    'Zyxw household of three',
    'Misses the Zyxw mountains',
    'Zyxwnotat fra samtalen',
    'zyxw.tipper@example.no',
    'Zyxwtipper Person',
  ];

  /** Every secret found in the database file or its WAL, in UTF-8. */
  function leftovers(): string[] {
    const path = t.database.sqlitePath!;
    const bytes = Buffer.concat([readFileSync(path), readFileSync(`${path}-wal`, { flag: 'a+' })]);
    return SECRETS.filter((s) => bytes.includes(Buffer.from(s, 'utf8')));
  }

  it('finds none of the erased values in the file or the WAL after a checkpoint', async () => {
    const campaign = await createOpenCampaign(leader);
    const tip = sampleTip({
      tipper: { name: 'Zyxwtipper Person', email: 'zyxw.tipper@example.no' },
      person: {
        name: 'Quentin Zyxwerase',
        phone: '415 77 123',
        addressLine: 'Zyxwvegen 42',
        household: 'Zyxw household of three',
        reason: 'Misses the Zyxw mountains',
      },
    });
    expect((await postTip(t, campaign.id, tip)).statusCode).toBe(201);
    await insertPersonRecords(t, 'Quentin Zyxwerase', 'Zyxwnotat fra samtalen');
    t.database.sqlite!.pragma('wal_checkpoint(TRUNCATE)');
    // The values are really in the file before: the scan can see them.
    expect(leftovers().length).toBeGreaterThanOrEqual(6);

    for (const lookup of [
      { by: 'phone', phone: '41577123' },
      { by: 'email', email: 'zyxw.tipper@example.no' },
    ]) {
      const res = await leader.request({
        method: 'POST',
        url: '/api/privacy/erasures',
        payload: { lookup },
      });
      expect(res.statusCode).toBe(200);
    }
    t.database.sqlite!.pragma('wal_checkpoint(TRUNCATE)');
    expect(leftovers()).toEqual([]);
  });
});
