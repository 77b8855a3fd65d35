import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../../../test/support/app.js';
import { testDialects } from '../../../../test/support/database.js';
import { recreateDemo } from '../demo.js';

const html = { accept: 'text/html' };

/** The demo region's own pages: the employer campaign's page, a municipality's text, news. */
describe.each(testDialects)('content demo data on %s', (dialect) => {
  let t: TestApp;

  beforeAll(async () => {
    t = await createTestApp(dialect);
  });
  afterAll(async () => t?.close());

  it('publishes «Vis fram jobbene!», a municipality text and a news item, the same when run twice', async () => {
    await recreateDemo(t.deps.db, t.clock);
    const { regionId } = await recreateDemo(t.deps.db, t.clock);
    const items = await t.deps.db
      .selectFrom('contentItems')
      .select(['slug'])
      .where('regionId', '=', regionId)
      .execute();
    expect(items.map((i) => i.slug).sort()).toEqual([
      'kommune-tynset',
      'ringedagen',
      'vis-fram-jobbene',
    ]);

    const page = await t.app.inject({ url: '/side/vis-fram-jobbene', headers: html });
    expect(page.statusCode).toBe(200);
    expect(page.body).toContain('Vis fram jobbene!');
    expect(page.body).toContain('href="https://arbeidsplassen.nav.no/"');
    const nynorsk = await t.app.inject({ url: '/nn/side/vis-fram-jobbene', headers: html });
    expect(nynorsk.body).toContain('Vis fram jobbane!');
    const english = await t.app.inject({ url: '/en/side/vis-fram-jobbene', headers: html });
    expect(english.body).toContain('This page is not yet available in');

    const tynset = await t.app.inject({ url: '/kommune/tynset', headers: html });
    expect(tynset.body).toContain('regionsenteret i Nord-Østerdalen');
    const news = await t.app.inject({ url: '/nyheter', headers: html });
    expect(news.body).toContain('Takk til alle som ringte!');
  });
});
