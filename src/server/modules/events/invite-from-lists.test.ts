import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../../../test/support/app.js';
import { createTestUser, signIn, type TestSession } from '../../../../test/support/auth.js';
import { testDialects } from '../../../../test/support/database.js';
import { createEvent, createOrganiser } from '../../../../test/support/events.js';
import { addNewcomer } from '../../../../test/support/newcomers.js';
import { createOpenCampaign, postTip, sampleTip } from '../../../../test/support/referral.js';
import { TestSmtpServer } from '../../../../test/support/smtp.js';
import { deliverDueEmails } from '../notifications/notifications.service.js';
import {
  createSmtpTransport,
  type MailTransport,
} from '../notifications/notifications.transport.js';

/** A host invites a newcomer and an interested prospect of their municipality to an event. */
describe.each(testDialects)('inviting from the host’s lists on %s', (dialect) => {
  let t: TestApp;
  let smtp: TestSmtpServer;
  let transport: MailTransport;
  let leader: TestSession;
  let host: TestSession;
  let eventId: string;

  beforeAll(async () => {
    t = await createTestApp(dialect);
    smtp = await new TestSmtpServer().start();
    transport = createSmtpTransport(smtp.url, 'Flytt hit <post@fjellregionen.no>');
    leader = await signIn(t, await createTestUser(t, { role: 'programme_leader' }));
    host = await signIn(
      t,
      await createTestUser(t, { role: 'host', name: 'Hanne Vert', municipalityCodes: ['3427'] }),
    );
    const organiser = await createOrganiser(leader, 'Tynset frivilligsentral');
    eventId = (await createEvent(leader, { organiserId: organiser.id })).id;
  });
  afterAll(async () => {
    transport?.close();
    await smtp?.stop();
    await t?.close();
  });

  async function interestedProspect(name: string, municipalityCode: string) {
    const campaign = await createOpenCampaign(leader);
    const tip = await postTip(t, campaign.id, sampleTip({ person: { name, municipalityCode } }));
    expect(tip.statusCode, tip.body).toBe(201);
    const { id } = await t.deps.db
      .selectFrom('prospects')
      .select('id')
      .where('name', '=', name)
      .executeTakeFirstOrThrow();
    const at = t.clock.now().toISOString();
    await t.deps.db
      .updateTable('prospects')
      .set({ interestedAt: at, reachedAt: at })
      .where('id', '=', id)
      .execute();
    return id;
  }

  const invite = (body: { newcomerIds?: string[]; prospectIds?: string[] }) =>
    host.request({ method: 'POST', url: `/api/events/${eventId}/invitations`, payload: body });

  it('emails the newcomer an invitation with a consent link and gives the prospect a task', async () => {
    const newcomerId = await addNewcomer(t, {
      adults: [{ name: 'Nora Nyflytta', email: 'nora.nyflytta@example.no' }],
      consents: { contact: true, checkIns: false },
    });
    const prospectId = await interestedProspect('Per Prospekt', '3427');

    const candidates = (
      await host.request({ url: `/api/events/${eventId}/invitation-candidates` })
    ).json().candidates as Array<{ id: string; kind: string; hasEmail: boolean }>;
    expect(candidates).toContainEqual(
      expect.objectContaining({ id: newcomerId, kind: 'newcomer', hasEmail: true }),
    );
    expect(candidates).toContainEqual(
      expect.objectContaining({ id: prospectId, kind: 'prospect', hasEmail: false }),
    );

    const res = await invite({ newcomerIds: [newcomerId], prospectIds: [prospectId] });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toEqual({ emailed: 1, tasks: 1, alreadyInvited: 0 });

    // The outbox hands the invitation to the SMTP server; the newcomer reads it there.
    smtp.received.length = 0;
    const consent = { publicUrl: t.deps.config.publicUrl, secret: t.deps.config.sessionSecret };
    await deliverDueEmails(t.deps.db, t.clock, transport, consent);
    // The welcome email went to her too: the invitation is the one with its subject.
    const mail = smtp.received.find(
      (m) => m.to.includes('nora.nyflytta@example.no') && m.subject.startsWith('Invitasjon: '),
    );
    expect(mail).toBeDefined();
    expect(mail!.text).toContain('Hei Nora Nyflytta!');
    expect(mail!.text).toContain('Hanne Vert vil gjerne invitere deg');
    expect(mail!.text).toContain(`/arrangementer/${eventId}`);
    const consentUrl = /(https?:\/\/\S+\/samtykke\/\S+)/.exec(mail!.text)?.[1];
    expect(consentUrl).toBeDefined();
    expect(mail!.headers['list-unsubscribe']).toBe(`<${consentUrl}>`);
    // The consent link works: it asks before it withdraws.
    const asked = await t.app.inject({ method: 'GET', url: new URL(consentUrl!).pathname });
    expect(asked.statusCode).toBe(200);

    const tasks = await t.deps.db
      .selectFrom('followUpTasks')
      .select('notes')
      .where('prospectId', '=', prospectId)
      .where('kind', '=', 'invite_event')
      .execute();
    expect(tasks).toHaveLength(1);

    // Asked again, nobody is invited twice.
    expect((await invite({ newcomerIds: [newcomerId] })).json()).toEqual({
      emailed: 0,
      tasks: 0,
      alreadyInvited: 1,
    });
  });

  it('answers 404 for a newcomer or prospect of another municipality and sends nothing', async () => {
    const foreignNewcomer = await addNewcomer(t, {
      municipalityCode: '3428',
      adults: [{ name: 'Ola Annenstad', email: 'ola.annenstad@example.no' }],
      consents: { contact: true, checkIns: false },
    });
    const foreignProspect = await interestedProspect('Siv Annenstad', '3428');
    for (const body of [{ newcomerIds: [foreignNewcomer] }, { prospectIds: [foreignProspect] }]) {
      const res = await invite(body);
      expect(res.statusCode, res.body).toBe(404);
    }
    const queued = await t.deps.db
      .selectFrom('outbox')
      .select('id')
      .where('toAddress', '=', 'ola.annenstad@example.no')
      .where('purpose', 'not like', 'newcomers.welcome:%')
      .execute();
    expect(queued).toHaveLength(0);
    const tasks = await t.deps.db
      .selectFrom('followUpTasks')
      .select('id')
      .where('prospectId', '=', foreignProspect)
      .execute();
    expect(tasks).toHaveLength(0);
  });
});
