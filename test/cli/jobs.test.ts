import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../support/app.js';
import { runCli, urlWithSchema } from '../support/cli.js';
import { type NavFeedServer, startNavFeedServer } from '../support/nav-feed-server.js';

// Each command is its own process, so this runs on SQLite only: the sync behind the command
// is tested on both databases in src/server/modules/jobs/feed/feed.test.ts.
describe('flytthit jobs sync', { timeout: 180_000 }, () => {
  let t: TestApp;
  let feed: NavFeedServer;
  let env: Record<string, string>;

  beforeAll(async () => {
    t = await createTestApp('sqlite');
    feed = await startNavFeedServer({ pageSize: 2 });
    env = {
      DATABASE_URL: urlWithSchema(t.database.url, t.database.schema),
      FLYTTHIT_NAV_FEED_URL: feed.url,
    };
  });
  afterAll(async () => {
    await feed?.close();
    await t?.close();
  });

  it('shows progress page by page and a summary with the names it could not map', async () => {
    feed.addAd({ locations: [{ municipal: 'TYNSET', county: 'INNLANDET', postalCode: '2500' }] });
    feed.addAd({ locations: [{ municipal: 'RØROS', county: 'TRØNDELAG', postalCode: '7374' }] });
    feed.addAd({
      locations: [{ municipal: 'FJELLHEIMEN', county: 'INNLANDET', postalCode: '2580' }],
    });
    const r = await runCli(['jobs', 'sync'], env);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/Page 1: 2 items/);
    expect(r.stdout).toMatch(/Page 2: /);
    expect(r.stdout).toMatch(/Done: 2 page\(s\), 3 items; 2 ads kept or updated, 0 deleted\./);
    expect(r.stdout).toMatch(/could not be mapped \(1\): FJELLHEIMEN \(INNLANDET\) ×1/);
    expect(await t.deps.db.selectFrom('jobAds').select('municipalityCode').execute()).toHaveLength(
      2,
    );
  });

  it('fails with a clear message and exit code 1 when NAV refuses the token', async () => {
    feed.rejectAllTokens = true;
    const r = await runCli(['jobs', 'sync'], env);
    feed.rejectAllTokens = false;
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/flytthit jobs sync: NAV refused the public token/);
    expect(r.stderr).not.toMatch(/at .*\.ts:\d+/);
  });
});
