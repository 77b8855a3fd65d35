import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../../../test/support/app.js';
import { createTestUser, signIn, type TestSession } from '../../../../test/support/auth.js';
import { testDialects } from '../../../../test/support/database.js';
import { addNewcomer } from '../../../../test/support/newcomers.js';

describe.each(testDialects)('newcomers’ stories on %s', (dialect) => {
  let t: TestApp;
  let host: TestSession;
  let otherHost: TestSession;
  beforeAll(async () => {
    t = await createTestApp(dialect);
    host = await signIn(
      t,
      await createTestUser(t, {
        role: 'host',
        name: 'Hanne Vert',
        municipalityCodes: ['3427'],
      }),
    );
    otherHost = await signIn(
      t,
      await createTestUser(t, { role: 'host', municipalityCodes: ['3428'] }),
    );
  });
  afterAll(async () => t?.close());

  // No time passes between reads: the news list is never replayed from the page cache, so a
  // withdrawn consent takes the story down for the very next visitor.
  const news = () =>
    t.app.inject({ method: 'GET', url: '/nyheter', headers: { accept: 'text/html' } });
  const addStory = async (newcomerId: string, title: string) => {
    const res = await host.request({
      method: 'POST',
      url: '/api/newcomer-stories',
      payload: { newcomerId, locale: 'nn', title, body: 'Vi flytta hit for **naturen**.' },
    });
    expect(res.statusCode, res.body).toBe(201);
    return res.json() as { id: string };
  };

  it('publishes a story only with recorded consent, and withdrawing it unpublishes at once', async () => {
    const newcomerId = await addNewcomer(t);
    const story = await addStory(newcomerId, 'Frå Oslo til fjellet');

    const refused = await host.request({
      method: 'POST',
      url: `/api/newcomer-stories/${story.id}/publish`,
    });
    expect(refused.statusCode).toBe(409);
    expect(refused.json().error.details.reason).toBe('consent_missing');
    expect((await news()).body).not.toContain('Frå Oslo til fjellet');

    const consent = await host.request({
      method: 'PUT',
      url: `/api/newcomer-stories/${story.id}/consent`,
      payload: { givenOn: '2026-11-20' },
    });
    expect(consent.statusCode, consent.body).toBe(200);
    expect(consent.json().consent).toMatchObject({
      givenOn: '2026-11-20',
      recordedBy: 'Hanne Vert',
    });

    const published = await host.request({
      method: 'POST',
      url: `/api/newcomer-stories/${story.id}/publish`,
    });
    expect(published.json().publishedAt).toBeTruthy();
    const shown = await news();
    expect(shown.body).toContain('Frå Oslo til fjellet');
    expect(shown.body).toContain('<strong>naturen</strong>');
    expect(shown.body).toMatch(/<article lang="nn"/);

    const withdrawn = await host.request({
      method: 'DELETE',
      url: `/api/newcomer-stories/${story.id}/consent`,
    });
    expect(withdrawn.json()).toMatchObject({ publishedAt: null });
    expect(withdrawn.json().consentWithdrawnAt).toBeTruthy();
    expect((await news()).body).not.toContain('Frå Oslo til fjellet');
    const again = await host.request({
      method: 'POST',
      url: `/api/newcomer-stories/${story.id}/publish`,
    });
    expect(again.statusCode).toBe(409);
  });

  it('keeps another municipality’s newcomer and stories out of reach (404)', async () => {
    const newcomerId = await addNewcomer(t);
    const story = await addStory(newcomerId, 'Privat');
    const list = await otherHost.request({
      method: 'GET',
      url: `/api/newcomer-stories?newcomerId=${newcomerId}`,
    });
    expect(list.statusCode).toBe(404);
    const consent = await otherHost.request({
      method: 'PUT',
      url: `/api/newcomer-stories/${story.id}/consent`,
      payload: { givenOn: '2026-11-20' },
    });
    expect(consent.statusCode).toBe(404);
    const create = await otherHost.request({
      method: 'POST',
      url: '/api/newcomer-stories',
      payload: { newcomerId, locale: 'nb', title: 'X', body: 'Y' },
    });
    expect(create.statusCode).toBe(404);
    const own = await host.request({
      method: 'GET',
      url: `/api/newcomer-stories?newcomerId=${newcomerId}`,
    });
    expect(own.json().stories.map((s: { title: string }) => s.title)).toEqual(['Privat']);
  });

  it('includes the story in the newcomer’s access export and removes it on erasure', async () => {
    const leader = await signIn(t, await createTestUser(t, { role: 'programme_leader' }));
    const email = `historie.${Date.now()}@example.no`;
    const newcomerId = await addNewcomer(t, {
      adults: [{ name: 'Siri Historie', birthYear: 1990, email }],
    });
    const story = await addStory(newcomerId, 'Mi historie');
    await host.request({
      method: 'PUT',
      url: `/api/newcomer-stories/${story.id}/consent`,
      payload: { givenOn: '2026-11-21' },
    });
    await host.request({ method: 'POST', url: `/api/newcomer-stories/${story.id}/publish` });

    const exported = await leader.request({
      method: 'POST',
      url: '/api/privacy/access-exports',
      payload: { lookup: { by: 'email', email } },
    });
    expect(exported.statusCode, exported.body).toBe(200);
    const section = (
      exported.json().sections as Array<{ id: string; records: Array<Record<string, unknown>> }>
    ).find((s) => s.id === 'newcomer_stories');
    expect(section?.records[0]).toMatchObject({
      title: 'Mi historie',
      consentGivenOn: '2026-11-21',
    });

    const erased = await leader.request({
      method: 'POST',
      url: '/api/privacy/erasures',
      payload: { lookup: { by: 'email', email }, suppress: false },
    });
    expect(erased.statusCode, erased.body).toBe(200);
    const left = await t.deps.db
      .selectFrom('newcomerStories')
      .select('id')
      .where('newcomerId', '=', newcomerId)
      .execute();
    expect(left).toEqual([]);
    expect((await news()).body).not.toContain('Mi historie');
  });
});
