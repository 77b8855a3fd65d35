import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../../../test/support/app.js';
import { testDialects } from '../../../../test/support/database.js';
import {
  answer,
  DAY,
  invitationInput,
  linkIn,
  runSurveys,
  schedule,
  surveyMailsTo,
} from '../../../../test/support/surveys.js';
import { AppError } from '../../errors.js';
import { cancelInvitations, eraseInvitationsOf, scheduleInvitation } from './surveys.service.js';

const WELLBEING = {
  wellbeing: '4',
  socialNetwork: '3',
  work: 'remote',
  recommend: '9',
  plansToStay: 'yes',
};

/**
 * Invitations from scheduling to answer: once per subject and wave, sent by the job in the
 * invitee's language through the outbox, one reminder, expiry, one answer per link, and the
 * same friendly page for every link that cannot be answered.
 */
describe.each(testDialects)('survey invitations on %s', (dialect) => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp(dialect);
  });
  afterAll(async () => t?.close());

  const responses = () => t.deps.db.selectFrom('surveyResponses').selectAll().execute();

  it('schedules once per subject, survey and wave', async () => {
    const input = invitationInput(t, { sendAt: new Date(t.clock.now().getTime() + DAY) });
    const first = await scheduleInvitation(t.deps.db, t.clock, input);
    const again = await scheduleInvitation(t.deps.db, t.clock, {
      ...input,
      email: 'other@example.no',
    });
    expect(first.created).toBe(true);
    expect(again).toEqual({ id: first.id, created: false });
    const other = await scheduleInvitation(t.deps.db, t.clock, { ...input, wave: '12m' });
    expect(other.created).toBe(true);
    expect(other.id).not.toBe(first.id);
  });

  it('names every bad field of a scheduling', async () => {
    const error = await schedule(t, {
      email: 'not-an-address',
      surveyKey: 'nope',
      subjectRef: 'no ref',
      wave: '',
    }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(AppError);
    const fields = ((error as AppError).details as { field: string }[]).map((d) => d.field);
    expect(fields.sort()).toEqual(['email', 'subjectRef', 'surveyKey', 'wave']);
  });

  it('sends when due, in the invitee’s language, with a link that opens the survey', async () => {
    const email = 'nynorsk@example.no';
    await schedule(t, { email, locale: 'nn', sendAt: new Date(t.clock.now().getTime() + DAY) });
    await runSurveys(t);
    expect(await surveyMailsTo(t, email)).toHaveLength(0);
    t.clock.advance(DAY);
    expect((await runSurveys(t)).sent).toBeGreaterThanOrEqual(1);
    expect((await runSurveys(t)).sent).toBe(0);
    const [mail] = await surveyMailsTo(t, email);
    expect(mail!.subject).toContain('Korleis har du det');
    const path = linkIn(mail!.textBody);
    expect(path.startsWith('/nn/undersokelse/')).toBe(true);
    const page = await t.app.inject({ method: 'GET', url: path });
    expect(page.statusCode).toBe(200);
    expect(page.headers['cache-control']).toBe('no-store');
    expect(page.body).toContain('lang="nn"');
    expect(page.body).toContain('Kor godt trivst du der du bur no?');
    // The link's secret is stored only as a hash.
    const token = path.split('/').at(-1)!;
    const stored = await t.deps.db.selectFrom('surveyInvitations').selectAll().execute();
    expect(JSON.stringify(stored)).not.toContain(token);
  });

  it('stores one anonymous answer per link; a used link shows the unavailable page', async () => {
    const email = 'svar@example.no';
    const { id } = await schedule(t, { email, wave: '12m', campaignId: null });
    await runSurveys(t);
    const path = linkIn((await surveyMailsTo(t, email))[0]!.textBody);
    const before = (await responses()).length;
    const res = await answer(t, path, WELLBEING);
    expect(res.statusCode).toBe(303);
    expect(res.headers.location).toBe('/undersokelse/takk');
    const rows = await responses();
    expect(rows).toHaveLength(before + 1);
    const row = rows.find((r) => r.wave === '12m')!;
    expect(JSON.parse(row.answers)).toEqual({
      wellbeing: 4,
      socialNetwork: 3,
      work: 'remote',
      recommend: 9,
      plansToStay: 'yes',
    });
    expect(row.period).toBe('2026K4');
    // Nothing in the response leads back to the invitation or the person.
    expect(JSON.stringify(row)).not.toContain(id);
    expect(JSON.stringify(row)).not.toContain(email);
    const again = await answer(t, path, WELLBEING);
    expect(again.statusCode).toBe(404);
    expect(await responses()).toHaveLength(before + 1);
  });

  it('keeps exactly one answer when the same form is posted twice at once', async () => {
    const email = 'dobbel@example.no';
    await schedule(t, { email });
    await runSurveys(t);
    const path = linkIn((await surveyMailsTo(t, email))[0]!.textBody);
    const page = await t.app.inject({ method: 'GET', url: path });
    const form = /name="form" value="([^"]+)"/.exec(page.body)![1]!;
    const before = (await responses()).length;
    const post = () =>
      t.app.inject({
        method: 'POST',
        url: path,
        headers: { 'content-type': 'application/x-www-form-urlencoded' },
        payload: new URLSearchParams({ form, ...WELLBEING }).toString(),
      });
    const results = await Promise.all([post(), post()]);
    expect(results.map((r) => r.statusCode).sort()).toEqual([303, 404]);
    expect(await responses()).toHaveLength(before + 1);
  });

  it('names the bad answer and keeps the others; a forged form is not stored', async () => {
    const email = 'feil@example.no';
    await schedule(t, { email, locale: 'en' });
    await runSurveys(t);
    const path = linkIn((await surveyMailsTo(t, email))[0]!.textBody);
    const res = await answer(t, path, { ...WELLBEING, wellbeing: '9', work: 'astronaut' });
    expect(res.statusCode).toBe(400);
    expect(res.body).toContain('How happy are you living here?');
    expect(res.body).toContain('href="#q-wellbeing-1"');
    expect(res.body).toContain('href="#q-work-employed_here"');
    // What was right is still chosen.
    expect(res.body).toMatch(/value="9"[^>]*checked|checked[^>]*value="9"/);
    const before = (await responses()).length;
    const forged = await t.app.inject({
      method: 'POST',
      url: path,
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      payload: new URLSearchParams({ form: '1.forged', ...WELLBEING }).toString(),
    });
    expect(forged.statusCode).toBe(400);
    expect(await responses()).toHaveLength(before);
  });

  it('reminds once after a week, and the link dies after 30 days', async () => {
    const email = 'paaminnelse@example.no';
    await schedule(t, { email, locale: 'en' });
    await runSurveys(t);
    t.clock.advance(6 * DAY);
    expect((await runSurveys(t)).reminded).toBe(0);
    t.clock.advance(DAY);
    await runSurveys(t);
    t.clock.advance(DAY);
    await runSurveys(t);
    const mails = await surveyMailsTo(t, email);
    expect(mails.map((m) => m.subject.startsWith('Reminder:'))).toEqual([false, true]);
    const first = linkIn(mails[0]!.textBody);
    const second = linkIn(mails[1]!.textBody);
    expect(second).not.toBe(first);
    expect((await t.app.inject({ method: 'GET', url: first })).statusCode).toBe(200);
    t.clock.advance(22 * DAY);
    for (const path of [first, second]) {
      expect((await t.app.inject({ method: 'GET', url: path })).statusCode).toBe(404);
    }
    expect((await answer(t, first, WELLBEING)).statusCode).toBe(404);
  });

  it('answers expired, used, cancelled and unknown links with the same page', async () => {
    const used = 'brukt@example.no';
    const cancelled = 'avlyst@example.no';
    await schedule(t, { email: used });
    const { subjectRef } = { subjectRef: `newcomer:${crypto.randomUUID()}` };
    await schedule(t, { email: cancelled, subjectRef });
    await runSurveys(t);
    const usedPath = linkIn((await surveyMailsTo(t, used))[0]!.textBody);
    await answer(t, usedPath, WELLBEING);
    const cancelledPath = linkIn((await surveyMailsTo(t, cancelled))[0]!.textBody);
    expect(await cancelInvitations(t.deps.db, t.clock, subjectRef)).toBe(1);
    const unknown = `/undersokelse/${'A'.repeat(43)}`;
    const malformed = '/undersokelse/not-a-token';
    const pages = await Promise.all(
      [usedPath, cancelledPath, unknown, malformed].map((url) =>
        t.app.inject({ method: 'GET', url }),
      ),
    );
    for (const p of pages) {
      expect(p.statusCode).toBe(404);
      expect(p.body).toContain('Denne lenken virker ikke lenger');
    }
    // Word for word the same, apart from the language switch's links.
    const strip = (html: string) => html.replace(/href="[^"]*undersokelse[^"]*"/g, '');
    expect(new Set(pages.map((p) => strip(p.body))).size).toBe(1);
  });

  it('cancels at once: nothing is sent for a cancelled subject', async () => {
    const email = 'flyttet@example.no';
    const subjectRef = `newcomer:${crypto.randomUUID()}`;
    await schedule(t, { email, subjectRef, wave: '3m' });
    await schedule(t, {
      email,
      subjectRef,
      wave: '12m',
      sendAt: new Date(t.clock.now().getTime() + 300 * DAY),
    });
    expect(await cancelInvitations(t.deps.db, t.clock, subjectRef)).toBe(2);
    expect(await cancelInvitations(t.deps.db, t.clock, subjectRef)).toBe(0);
    await runSurveys(t);
    expect(await surveyMailsTo(t, email)).toHaveLength(0);
    expect(await eraseInvitationsOf(t.deps.db, subjectRef)).toBe(2);
    const left = await t.deps.db
      .selectFrom('surveyInvitations')
      .select('id')
      .where('subjectRef', '=', subjectRef)
      .execute();
    expect(left).toHaveLength(0);
  });

  it('thanks in the page’s language', async () => {
    const res = await t.app.inject({ method: 'GET', url: '/en/undersokelse/takk' });
    expect(res.statusCode).toBe(200);
    expect(res.body).toContain('Thank you for your answers!');
  });
});
