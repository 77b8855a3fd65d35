import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../../../test/support/app.js';
import { createTestUser, signIn, type TestSession } from '../../../../test/support/auth.js';
import { testDialects } from '../../../../test/support/database.js';
import type { Inquiry, InquiryList } from '../../../contracts/business.js';
import { consentToken } from '../notifications/consent.js';

const html = { accept: 'text/html' };

/** An inquiry as the form posts it (invented person). */
const filled: Record<string, string | string[]> = {
  name: 'Siri Gründer',
  email: 'siri@example.no',
  phone: '41 23 45 67',
  idea: 'Et bakeri med surdeigsbrød og kafé i sentrum.',
  industry: 'I',
  municipality: '3427',
  stage: 'planning',
  help: ['financing', 'premises'],
  consent: 'yes',
  website: '',
};

describe.each(testDialects)('«Start Her» on %s', (dialect) => {
  let t: TestApp;
  let leader: TestSession;
  let host: TestSession;
  let otherHost: TestSession;
  let hostUserId: string;

  beforeAll(async () => {
    t = await createTestApp(dialect);
    leader = await signIn(t, await createTestUser(t, { role: 'programme_leader' }));
    const hostUser = await createTestUser(t, {
      role: 'host',
      municipalityCodes: ['3427'],
      email: `vert.${Date.now()}@tynset.example`,
    });
    hostUserId = hostUser.id;
    host = await signIn(t, hostUser);
    otherHost = await signIn(
      t,
      await createTestUser(t, { role: 'host', municipalityCodes: ['3428'] }),
    );
  });
  afterAll(async () => t?.close());

  /** Opens the form, waits as a person would, and posts it with the form's own hidden fields. */
  async function send(
    fields: Record<string, string | string[]>,
    options: { wait?: number; path?: string; started?: string } = {},
  ) {
    const path = options.path ?? '/start-her';
    const page = await t.app.inject({ url: path, headers: html });
    expect(page.statusCode).toBe(200);
    const hidden = (name: string) =>
      new RegExp(`name="${name}" value="([^"]+)"`).exec(page.body)![1]!;
    t.clock.advance(options.wait ?? 20_000);
    const payload = new URLSearchParams();
    payload.set('started', options.started ?? hidden('started'));
    payload.set('key', hidden('key'));
    for (const [k, v] of Object.entries(fields)) {
      for (const one of Array.isArray(v) ? v : [v]) payload.append(k, one);
    }
    const post = () =>
      t.app.inject({
        method: 'POST',
        url: path,
        headers: { ...html, 'content-type': 'application/x-www-form-urlencoded' },
        payload: payload.toString(),
      });
    return { first: await post(), again: post };
  }

  const inquiries = async () => t.deps.db.selectFrom('entrepreneurInquiries').selectAll().execute();
  const outbox = async (to: string) =>
    t.deps.db
      .selectFrom('outbox')
      .select(['subject', 'textBody', 'consentRef'])
      .where('toAddress', '=', to)
      .execute();

  it('renders without script in nb, nn and en, every input with its label', async () => {
    for (const [path, heading] of [
      ['/start-her', 'Ideen din'],
      ['/nn/start-her', 'Kva treng du hjelp til?'],
      ['/en/start-her', 'What do you need help with?'],
    ] as const) {
      const page = await t.app.inject({ url: path, headers: html });
      expect(page.statusCode).toBe(200);
      expect(page.body).toContain(heading);
      expect(page.body).not.toContain('<script');
      for (const id of [
        'sh-name',
        'sh-email',
        'sh-phone',
        'sh-idea',
        'sh-industry',
        'sh-municipality',
        'sh-stage',
        'sh-help',
        'sh-consent',
      ]) {
        expect(page.body).toMatch(new RegExp(`<label[^>]*for="${id}"`));
        expect(page.body).toContain(`id="${id}"`);
      }
    }
  });

  it('takes an inquiry, thanks only after it is stored, and a double submit makes one inquiry and one email', async () => {
    const { first, again } = await send(filled);
    expect(first.statusCode).toBe(303);
    expect(first.headers.location).toBe('/start-her/takk');
    expect((await again()).statusCode).toBe(303);
    const rows = await inquiries();
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({
      name: 'Siri Gründer',
      phoneE164: '+4741234567',
      industry: 'I',
      stage: 'planning',
      pipelineStage: 'new',
      municipalityCode: '3427',
    });
    expect(JSON.parse(rows[0]!.helpNeeded)).toEqual(['financing', 'premises']);
    const mail = await outbox('siri@example.no');
    expect(mail).toHaveLength(1);
    expect(mail[0]!.subject).toBe('Vi har mottatt henvendelsen din – Start Her');
    expect(mail[0]!.consentRef).toBe(`entrepreneur:${rows[0]!.id}`);
    const thanks = await t.app.inject({ url: '/start-her/takk', headers: html });
    expect(thanks.body).toContain('Takk for henvendelsen!');
  });

  it('lists every error on top, naming its field, and keeps what was written', async () => {
    const before = (await inquiries()).length;
    const { first } = await send(
      {
        ...filled,
        name: '',
        email: 'not-an-email',
        phone: '12',
        industry: 'Z',
        municipality: '0301',
        stage: '',
        consent: '',
      },
      { path: '/en/start-her' },
    );
    expect(first.statusCode).toBe(400);
    const summary = first.body.slice(0, first.body.indexOf('<form'));
    for (const [id, text] of [
      ['sh-name', 'Name is required.'],
      ['sh-email', 'Email: enter a valid email address.'],
      ['sh-phone', 'Phone: enter a valid phone number.'],
      ['sh-industry', 'Industry: choose one of the options.'],
      ['sh-municipality', 'Municipality: choose one of the options.'],
      ['sh-stage', 'How far have you come? is required.'],
      ['sh-consent', 'You must consent so that we can store your inquiry.'],
    ]) {
      expect(summary).toContain(`href="#${id}"`);
      expect(summary).toContain(text);
    }
    expect(first.body).toContain('aria-invalid="true"');
    expect(first.body).toContain('Et bakeri med surdeigsbrød');
    expect((await inquiries()).length).toBe(before);
  });

  it('refuses a forged or too fast form (its CSRF defence) and a robot, storing nothing', async () => {
    const before = (await inquiries()).length;
    const forged = await send({ ...filled, email: 'forged@example.no' }, { started: '1.abc' });
    expect(forged.first.statusCode).toBe(400);
    expect(forged.first.body).toContain('Skjemaet ble sendt veldig raskt');
    const fast = await send({ ...filled, email: 'fast@example.no' }, { wait: 500 });
    expect(fast.first.statusCode).toBe(400);
    const robot = await send({
      ...filled,
      email: 'robot@example.no',
      website: 'http://spam.example',
    });
    expect(robot.first.statusCode).toBe(303);
    expect((await inquiries()).length).toBe(before);
  });

  let inquiryId: string;

  it('shows the pipeline to staff in scope; another municipality answers 404', async () => {
    const list = (await host.request({ url: '/api/entrepreneurs' })).json() as InquiryList;
    expect(list.inquiries).toHaveLength(1);
    expect(list.counts.new).toBe(1);
    inquiryId = list.inquiries[0]!.id;
    expect((await otherHost.request({ url: '/api/entrepreneurs' })).json().inquiries).toEqual([]);
    expect((await otherHost.request({ url: `/api/entrepreneurs/${inquiryId}` })).statusCode).toBe(
      404,
    );
    const moved = await otherHost.request({
      method: 'POST',
      url: `/api/entrepreneurs/${inquiryId}/stage`,
      payload: { stage: 'contacted' },
    });
    expect(moved.statusCode).toBe(404);
  });

  it('assigns an advisor (email to them), moves stages with undo, and counts the established', async () => {
    const assign = await leader.request({
      method: 'PATCH',
      url: `/api/entrepreneurs/${inquiryId}`,
      payload: { advisorOrg: 'business_forum', advisorUserId: hostUserId, notes: 'Møte avtalt' },
    });
    expect(assign.statusCode).toBe(200);
    expect(assign.json()).toMatchObject({ advisorOrg: 'business_forum', notes: 'Møte avtalt' });
    const hostEmail = (
      await t.deps.db
        .selectFrom('users')
        .select('email')
        .where('id', '=', hostUserId)
        .executeTakeFirstOrThrow()
    ).email;
    const mail = await outbox(hostEmail);
    expect(mail).toHaveLength(1);
    expect(mail[0]!.subject).toBe('Ny etablerer i Start Her: Tynset');
    const badOrg = await leader.request({
      method: 'PATCH',
      url: `/api/entrepreneurs/${inquiryId}`,
      payload: { advisorOrg: 'municipality:0301' },
    });
    expect(badOrg.statusCode).toBe(400);

    const stage = (s: string, on?: string) =>
      host.request({
        method: 'POST',
        url: `/api/entrepreneurs/${inquiryId}/stage`,
        payload: { stage: s, ...(on ? { on } : {}) },
      });
    expect((await stage('contacted')).json().pipelineStage).toBe('contacted');
    expect((await stage('advising')).json().pipelineStage).toBe('advising');
    const established = (await stage('established', '2026-11-01')).json() as Inquiry;
    expect(established).toMatchObject({
      pipelineStage: 'established',
      establishedOn: '2026-11-01',
      canUndo: true,
    });
    const indicator = async () =>
      (await leader.request({ url: '/api/entrepreneurs/established?year=2026' })).json();
    expect((await indicator()).total).toBe(1);
    expect(
      (await indicator()).municipalities.find((m: { code: string }) => m.code === '3427').count,
    ).toBe(1);
    const undone = await host.request({
      method: 'POST',
      url: `/api/entrepreneurs/${inquiryId}/stage/undo`,
    });
    expect(undone.json()).toMatchObject({ pipelineStage: 'advising', establishedOn: null });
    expect((await indicator()).total).toBe(0);
    expect((await stage('established', '2099-01-01')).statusCode).toBe(400);
    expect((await stage('nowhere')).statusCode).toBe(400);
  });

  it('keeps follow-up tasks with due dates, overdue when past', async () => {
    const add = await host.request({
      method: 'POST',
      url: `/api/entrepreneurs/${inquiryId}/tasks`,
      payload: { title: 'Send info om etablererstipend', dueOn: '2026-11-20' },
    });
    expect(add.statusCode).toBe(201);
    const task = (add.json() as Inquiry).tasks[0]!;
    expect(task).toMatchObject({ status: 'open', overdue: true });
    const done = await host.request({
      method: 'PATCH',
      url: `/api/entrepreneur-tasks/${task.id}`,
      payload: { status: 'done' },
    });
    expect(done.json().tasks[0]).toMatchObject({ status: 'done', overdue: false });
    expect(
      (
        await otherHost.request({
          method: 'PATCH',
          url: `/api/entrepreneur-tasks/${task.id}`,
          payload: { status: 'open' },
        })
      ).statusCode,
    ).toBe(404);
    const bad = await host.request({
      method: 'POST',
      url: `/api/entrepreneurs/${inquiryId}/tasks`,
      payload: { title: '', dueOn: 'tomorrow' },
    });
    expect(
      bad
        .json()
        .error.details.map((d: { field: string }) => d.field)
        .sort(),
    ).toEqual(['dueOn', 'title']);
  });

  it('withdrawing consent from the email erases the person at once, keeping the count', async () => {
    const token = consentToken(t.deps.config.sessionSecret, `entrepreneur:${inquiryId}`);
    const res = await t.app.inject({
      method: 'POST',
      url: `/samtykke/${token}`,
      headers: html,
      payload: {},
    });
    expect(res.statusCode).toBe(200);
    const [row] = await inquiries();
    expect(row).toMatchObject({
      name: null,
      email: null,
      phoneE164: null,
      idea: null,
      notes: null,
      pipelineStage: 'dropped',
    });
    expect(row!.erasedAt).not.toBeNull();
    const tasks = await t.deps.db.selectFrom('entrepreneurTasks').select('id').execute();
    expect(tasks).toHaveLength(0);
  });
});
