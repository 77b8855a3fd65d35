import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../../../../test/support/app.js';
import { createTestUser, signIn } from '../../../../../test/support/auth.js';
import { testDialects } from '../../../../../test/support/database.js';
import {
  type NavFeedServer,
  startNavFeedServer,
  type TestAd,
} from '../../../../../test/support/nav-feed-server.js';
import { countAdsByEmployer, getFeedStatus, syncJobFeed } from '../jobs.service.js';

const tynset: TestAd = {
  locations: [{ municipal: 'TYNSET', county: 'INNLANDET', postalCode: '2500' }],
};

describe.each(testDialects)('NAV job feed sync on %s', (dialect) => {
  let t: TestApp;
  let feed: NavFeedServer;
  const sync = () => syncJobFeed(t.deps.db, t.clock, { baseUrl: feed.url });
  const ads = () => t.deps.db.selectFrom('jobAds').selectAll().orderBy('id').execute();
  const ad = (id: string) =>
    t.deps.db.selectFrom('jobAds').selectAll().where('id', '=', id).executeTakeFirst();
  const history = (id: string) =>
    t.deps.db.selectFrom('jobAdHistory').selectAll().where('adId', '=', id).executeTakeFirst();
  const state = () => t.deps.db.selectFrom('jobFeedState').selectAll().executeTakeFirstOrThrow();

  beforeAll(async () => {
    t = await createTestApp(dialect);
    feed = await startNavFeedServer({ pageSize: 5 });
  });
  afterAll(async () => {
    await feed?.close();
    await t?.close();
  });
  beforeEach(() => {
    feed.failDetailsAfter = null;
    feed.rejectAllTokens = false;
    feed.malformed.clear();
  });

  const ids: Record<string, string> = {};

  it("first sync keeps only the region's ads, under today's numbers, and counts unknown names", async () => {
    ids.tynset = feed.addAd({
      ...tynset,
      title: 'Sykepleier natt',
      description:
        '<h1>Om oss</h1><p onclick="steal()" style="color:red">Bli med!</p><script>alert(1)</script><style>p{}</style><iframe src="https://evil.example"></iframe><a href="javascript:alert(1)">x</a> <a href="https://tynset.kommune.no" target="_blank">Les mer</a><img src=x onerror=alert(1)>',
    });
    ids.roros = feed.addAd({
      employer: 'Røros Hotell',
      orgnr: '912 345 678',
      sector: 'Privat',
      extent: 'Deltid',
      applicationDue: 'Snarest',
      locations: [{ municipal: 'ROSSE - RØROS', county: 'TRØNDELAG', postalCode: '7374' }],
    });
    ids.os = feed.addAd({
      locations: [{ municipal: 'OS', county: 'INNLANDET', postalCode: '2550' }],
    });
    ids.trondheim = feed.addAd({
      locations: [{ municipal: 'TRONDHEIM', county: 'TRØNDELAG', postalCode: '7010' }],
    });
    ids.valer = feed.addAd({
      locations: [{ municipal: 'VÅLER', county: 'INNLANDET', postalCode: '2436' }],
    });
    ids.unknownFirst = feed.addAd({
      locations: [
        { municipal: 'FJELLHEIMEN', county: 'INNLANDET', postalCode: '2580' },
        { municipal: 'FOLLDAL', county: 'HEDMARK', postalCode: '2580' },
      ],
    });
    ids.unknownOnly = feed.addAd({
      locations: [{ municipal: 'FJELLHEIMEN', county: 'INNLANDET', postalCode: '2580' }],
    });
    ids.abroad = feed.addAd({ locations: [{ municipal: '?', country: 'SVERIGE' }] });
    ids.tolga = feed.addAd({
      locations: [
        { municipal: 'TOLGA', county: 'INNLANDET', postalCode: '2540' },
        { municipal: 'OSLO', county: 'OSLO', postalCode: '0150' },
      ],
    });

    const r = await sync();
    expect(r.upToDate).toBe(true);
    // 9 items, 5 a page: the second page starts with the first page's last item.
    expect(r.pages).toBe(2);
    const stored = new Map((await ads()).map((a) => [a.id, a]));
    expect(new Map([...stored].map(([id, a]) => [id, a.municipalityCode]))).toEqual(
      new Map([
        [ids.tynset, '3427'],
        [ids.roros, '5025'],
        [ids.os, '3430'],
        [ids.unknownFirst, '3429'],
        [ids.tolga, '3426'],
      ]),
    );
    // Six details: Trondheim, Våler and the ad abroad were never asked about, and the item
    // repeated at the page boundary was not fetched twice.
    expect(feed.calls.filter((c) => c.startsWith('/api/v1/feedentry/'))).toHaveLength(6);
    expect(feed.pageHeaders.every((h) => h['if-none-match'] === undefined)).toBe(true);
    expect(r.unmappedNames).toEqual([
      { name: 'FJELLHEIMEN', county: 'INNLANDET', postalCode: '2580', count: 2 },
    ]);
    const unmapped = await t.deps.db.selectFrom('jobFeedUnmapped').selectAll().execute();
    expect(unmapped.map((u) => [u.name, u.county, u.postalCode, u.count])).toEqual([
      ['FJELLHEIMEN', 'INNLANDET', '2580', 2],
    ]);

    const a = stored.get(ids.tynset)!;
    expect(a).toMatchObject({
      title: 'Sykepleier natt',
      employerName: 'Tynset kommune',
      employerOrgNumber: '964984999',
      styrkCode: '2223',
      occupationLevel1: 'Helse og omsorg',
      sector: 'public',
      extent: 'full_time',
      applicationDueText: '2026-12-15',
      applicationDueDate: '2026-12-15',
      publishedAt: '2026-11-20T08:00:00.000Z',
      workCity: 'Tynset',
      postalCode: '2500',
      regionId: t.demoRegionId,
    });
    expect(a.searchKey).toContain('sykepleier natt');
    expect(a.descriptionHtml).toBe(
      '<h2>Om oss</h2><p>Bli med!</p><a rel="noopener noreferrer nofollow">x</a> <a href="https://tynset.kommune.no" rel="noopener noreferrer nofollow">Les mer</a>',
    );
    expect(stored.get(ids.roros)).toMatchObject({
      employerOrgNumber: '912345678',
      sector: 'private',
      extent: 'part_time',
      applicationDueText: 'Snarest',
      applicationDueDate: null,
      workCity: 'Rosse - Røros',
    });
    // Contact persons are never stored anywhere.
    expect(JSON.stringify(await ads())).not.toMatch(/Kari Kontakt|kari@example\.no/);
    expect(await history(ids.os)).toMatchObject({ municipalityCode: '3430', inactiveAt: null });
  });

  it('polls the newest page again without fetching what it already has', async () => {
    const before = feed.detailCalls;
    const r = await sync();
    expect(r).toMatchObject({ pages: 1, items: 0, kept: 0, upToDate: true });
    expect(feed.detailCalls).toBe(before);
    expect(await ads()).toHaveLength(5);
  });

  it('treats a 304 as nothing new', async () => {
    feed.notModifiedOnce = true;
    const r = await sync();
    expect(r).toMatchObject({ pages: 0, upToDate: true });
    expect((await state()).lastError).toBeNull();
  });

  it('fetches a new public token once when NAV answers 401, and stores it', async () => {
    feed.rotateToken();
    const calls = feed.tokenCalls;
    ids.alvdal = feed.addAd({
      locations: [{ municipal: 'ALVDAL', county: 'INNLANDET', postalCode: '2560' }],
    });
    await sync();
    expect(feed.tokenCalls).toBe(calls + 1);
    expect((await ad(ids.alvdal))?.municipalityCode).toBe('3428');
    expect((await state()).token).toBe(feed.token);
  });

  it('fails clearly, writing nothing, when even a new token is refused', async () => {
    ids.refused = feed.addAd(tynset);
    feed.rejectAllTokens = true;
    await expect(sync()).rejects.toThrow(/refused the public token even after fetching a new one/);
    expect(await ad(ids.refused)).toBeUndefined();
    expect((await state()).lastError).toMatch(/refused the public token/);
    feed.rejectAllTokens = false;
    await sync();
    expect(await ad(ids.refused)).toBeDefined();
    expect((await state()).lastError).toBeNull();
  });

  it('deletes ads that turn inactive, expire or that NAV no longer has, keeping their history', async () => {
    feed.deactivate(ids.tynset!);
    feed.touch(ids.os!);
    feed.forget(ids.os!);
    // NAV's INACTIVE line may never come for an expired ad: it goes when its time is up.
    const expired = feed.addAd({ ...tynset, expires: '2026-11-26T00:00:00+01:00' });
    const r = await sync();
    expect(r.deleted).toBe(3);
    expect(await ad(expired)).toBeUndefined();
    expect(r.missingDetails).toBe(1);
    expect(await ad(ids.tynset!)).toBeUndefined();
    expect(await ad(ids.os!)).toBeUndefined();
    expect((await history(ids.tynset!))?.inactiveAt).toBe(t.clock.now().toISOString());
    expect((await history(ids.os!))?.inactiveAt).not.toBeNull();
  });

  it('loses and duplicates nothing when a run breaks off mid-page and runs again', async () => {
    const fresh = Array.from({ length: 12 }, (_, i) =>
      feed.addAd({
        title: `Lærer ${i}`,
        locations: [{ municipal: 'RENDALEN', county: 'INNLANDET', postalCode: '2485' }],
      }),
    );
    feed.failDetailsAfter = feed.detailCalls + 7;
    await expect(sync()).rejects.toThrow(/HTTP 500/);
    const afterCrash = (await ads()).filter((a) => fresh.includes(a.id)).length;
    expect(afterCrash).toBeLessThan(12);
    expect((await state()).lastError).toMatch(/HTTP 500/);
    feed.failDetailsAfter = null;
    await sync();
    const rows = (await ads()).filter((a) => fresh.includes(a.id));
    expect(rows.map((a) => a.id).sort()).toEqual([...fresh].sort());
    const hist = await t.deps.db
      .selectFrom('jobAdHistory')
      .select('adId')
      .where('adId', 'in', fresh)
      .execute();
    expect(hist).toHaveLength(12);
  });

  it('writes nothing of a malformed page or detail, and says what was wrong', async () => {
    const cursor = (await state()).cursorPageId!;
    const id = feed.addAd(tynset);
    feed.malformed.set(cursor, '{"id":"x","next_id":null,"items":"oops"}');
    await expect(sync()).rejects.toThrow(/malformed feed page .*items/);
    feed.malformed.set(cursor, '<html>Bad gateway</html>');
    await expect(sync()).rejects.toThrow(/not JSON/);
    feed.malformed.clear();
    feed.malformed.set(id, '{"uuid":"x","status":"ACTIVE","ad_content":{"uuid":"x"}}');
    await expect(sync()).rejects.toThrow(
      new RegExp(`malformed details for ad ${id}: ad_content.published`),
    );
    expect(await ad(id)).toBeUndefined();
    expect((await state()).lastError).toMatch(/malformed details/);
    feed.malformed.clear();
    await sync();
    expect(await ad(id)).toBeDefined();
  });

  it('reports its status, and counts ads per employer from the history', async () => {
    const status = await getFeedStatus(t.deps.db);
    expect(status).toMatchObject({ lastError: null, activeAds: (await ads()).length });
    expect(status.lastRun).toMatchObject({ upToDate: true });
    expect(status.unmapped[0]).toMatchObject({ name: 'FJELLHEIMEN' });
    const byEmployer = await countAdsByEmployer(t.deps.db, {
      regionId: t.demoRegionId,
      since: new Date('2026-01-01'),
    });
    expect(byEmployer.get('912345678')).toEqual({
      count: 1,
      lastPublishedAt: '2026-11-20T08:00:00.000Z',
    });
    // Deleted ads still count (the history outlives them).
    expect(byEmployer.get('964984999')?.count).toBe(20);
  });

  it('shows the feed status to programme leaders in the office, and not to hosts', async () => {
    const leader = await signIn(t, await createTestUser(t, { role: 'programme_leader' }));
    const res = await leader.request({ url: '/api/jobs/feed-status' });
    expect(res.statusCode).toBe(200);
    const body = res.json();
    expect(body).toMatchObject({ source: 'nav', lastError: null, activeAds: (await ads()).length });
    expect(body.unmapped[0]).toEqual({
      name: 'FJELLHEIMEN',
      county: 'INNLANDET',
      postalCode: '2580',
      count: 2,
    });
    expect(body).not.toHaveProperty('token');
    const host = await signIn(t, await createTestUser(t, { role: 'host' }));
    expect((await host.request({ url: '/api/jobs/feed-status' })).statusCode).toBe(403);
  });
});
