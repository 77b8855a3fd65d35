import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../../../test/support/app.js';
import { testDialects } from '../../../../test/support/database.js';
import { loadMunicipalityRegister } from './regions.service.js';

describe.each(testDialects)('regions on %s', (dialect) => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp(dialect);
  });
  afterAll(async () => t?.close());

  it('ships the demo region Fjellregionen with its seven municipalities and earlier numbers', async () => {
    const res = await t.app.inject({ method: 'GET', url: '/api/public/regions/fjellregionen' });
    expect(res.statusCode).toBe(200);
    const region = res.json();
    expect(region.name).toBe('Fjellregionen');
    expect(region.isDemo).toBe(true);
    const byCode = Object.fromEntries(
      region.municipalities.map((m: { code: string }) => [m.code, m]),
    );
    expect(Object.keys(byCode).sort()).toEqual([
      '3424',
      '3426',
      '3427',
      '3428',
      '3429',
      '3430',
      '5025',
    ]);
    expect(byCode['3427'].name).toBe('Tynset');
    expect(byCode['3427'].earlierCodes).toEqual([
      { code: '0437', name: 'Tynset', changedOn: '2020-01-01', kind: 'renumbered' },
    ]);
    expect(byCode['5025'].earlierCodes).toEqual([
      { code: '1640', name: 'Røros', changedOn: '2018-01-01', kind: 'renumbered' },
    ]);
    expect(byCode['5025'].officialName).toBe('Rosse - Røros');
    // Sorted the Norwegian way: Røros after Rendalen, Å-names last.
    expect(region.municipalities.map((m: { name: string }) => m.name)).toEqual([
      'Alvdal',
      'Folldal',
      'Os',
      'Rendalen',
      'Røros',
      'Tolga',
      'Tynset',
    ]);
  });

  it('answers 404 for a region that does not exist, and 400 for a malformed slug', async () => {
    const missing = await t.app.inject({ method: 'GET', url: '/api/public/regions/nowhere' });
    expect(missing.statusCode).toBe(404);
    expect(missing.json().error.code).toBe('not_found');
    const bad = await t.app.inject({ method: 'GET', url: '/api/public/regions/NO%20WAY' });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error.details[0].field).toBe('slug');
  });

  it('loads the national register with all 357 municipalities, idempotently', async () => {
    const again = await loadMunicipalityRegister(t.deps.db);
    expect(again.municipalities).toBe(357);
    const n = await t.deps.db
      .selectFrom('municipalities')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .executeTakeFirstOrThrow();
    expect(Number(n.n)).toBe(357);
  });

  it('reports health and readiness with the database in use', async () => {
    expect((await t.app.inject('/healthz')).json()).toEqual({ status: 'ok' });
    expect((await t.app.inject('/readyz')).json()).toEqual({ status: 'ready', database: dialect });
  });
});
