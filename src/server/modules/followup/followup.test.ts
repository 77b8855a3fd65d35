import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../../../test/support/app.js';
import {
  createTestUser,
  signIn,
  type TestSession,
  type TestUser,
} from '../../../../test/support/auth.js';
import { testDialects } from '../../../../test/support/database.js';
import { createOpenCampaign, postTip, sampleTip } from '../../../../test/support/referral.js';
import type { FollowUpTask, PipelineProspect } from '../../../contracts/followup.js';

const HOUR = 3_600_000;

/**
 * Follow-up through HTTP: an interested call (entered from paper, the real calling API)
 * gives the host tasks; hosts see only their municipality's; assign, done, undo; moving in
 * is validated and thanks the tippers who asked, once.
 */
describe.each(testDialects)('follow-up tasks and moving in on %s', (dialect) => {
  let t: TestApp;
  let leader: TestSession;
  let leaderUser: TestUser;
  let hostUser: TestUser;
  let host: TestSession;
  let otherHost: TestSession;
  let colleague: TestUser;
  let foreignHost: TestUser;
  let campaignId: string;
  let kari: string;
  let per: string;

  beforeAll(async () => {
    t = await createTestApp(dialect);
    leaderUser = await createTestUser(t, { role: 'programme_leader' });
    hostUser = await createTestUser(t, { role: 'host', municipalityCodes: ['3427'] });
    leader = await signIn(t, leaderUser);
    host = await signIn(t, hostUser);
    colleague = await createTestUser(t, {
      role: 'host',
      name: 'Siri Vert',
      municipalityCodes: ['3427'],
    });
    foreignHost = await createTestUser(t, { role: 'host', municipalityCodes: ['3428'] });
    otherHost = await signIn(t, foreignHost);
    campaignId = (await createOpenCampaign(leader, { callingDays: ['2026-11-20'] })).id;

    // Three people tip about Kari: two want news (in nynorsk and English), one does not.
    const tips = [
      sampleTip({ tipper: { name: 'Ola Tipsar', email: 'ola@example.no' } }),
      sampleTip({ tipper: { name: 'Anne Venn', email: 'anne@example.no' } }),
      sampleTip({ tipper: { name: 'Stille Tipsar', email: 'stille@example.no' } }),
    ];
    const extra = [
      { tipperWantsNews: true, locale: 'nn' },
      { tipperWantsNews: true, locale: 'en' },
      { tipperWantsNews: false },
    ];
    for (const [i, tip] of tips.entries()) {
      const res = await postTip(t, campaignId, { ...tip, ...extra[i] });
      expect(res.statusCode).toBe(201);
    }
    await postTip(
      t,
      campaignId,
      sampleTip({
        person: {
          name: 'Per Alvdal',
          phone: '934 56 789',
          addressLine: 'Bygata 1',
          municipalityCode: '3428',
        },
      }),
    );
    const batch = await leader.request({
      method: 'POST',
      url: `/api/campaigns/${campaignId}/postcard-batches`,
    });
    expect(batch.statusCode).toBe(201);
    const sent = await leader.request({
      method: 'POST',
      url: `/api/postcard-batches/${batch.json().id}/sent`,
    });
    expect(sent.statusCode).toBe(200);
    const list = await leader.request({ url: `/api/campaigns/${campaignId}/prospects` });
    const people = list.json().prospects as Array<{ id: string; name: string; tipCount: number }>;
    kari = people.find((p) => p.name === 'Kari Nordmann')!.id;
    per = people.find((p) => p.name === 'Per Alvdal')!.id;
    expect(people.find((p) => p.id === kari)!.tipCount).toBe(3);
  });
  afterAll(async () => t?.close());

  const tasksOf = async (as: TestSession, query = '') => {
    const res = await as.request({ url: `/api/follow-up-tasks${query}` });
    expect(res.statusCode).toBe(200);
    return res.json() as { tasks: FollowUpTask[]; assignees: Array<{ id: string }>; today: string };
  };
  const patch = (as: TestSession, id: string, payload: Record<string, unknown>) =>
    as.request({ method: 'PATCH', url: `/api/follow-up-tasks/${id}`, payload });

  it('an interested call gives the host one task per interest and an event invitation', async () => {
    const call = await host.request({
      method: 'POST',
      url: `/api/campaigns/${campaignId}/paper-calls`,
      payload: {
        prospectId: kari,
        calledAt: t.clock.now().toISOString(),
        outcome: 'interested',
        interests: ['jobs', 'housing'],
      },
    });
    expect(call.statusCode).toBe(201);

    const { tasks, assignees, today } = await tasksOf(host);
    expect(today).toBe('2026-11-27');
    expect(tasks.map((k) => k.kind).sort()).toEqual(['invite_event', 'send_housing', 'send_jobs']);
    for (const task of tasks) {
      expect(task.prospect).toEqual({ id: kari, name: 'Kari Nordmann', phone: '+4791234567' });
      expect(task).toMatchObject({ status: 'open', dueOn: '2026-12-04', overdue: false });
      expect(task.fromCall).toBe(true);
    }
    expect(assignees.map((a) => a.id)).toContain(colleague.id);
    expect(assignees.map((a) => a.id)).not.toContain(foreignHost.id);
    // Another municipality's host sees none of them, and cannot touch one.
    expect((await tasksOf(otherHost)).tasks).toEqual([]);
    const foreign = await patch(otherHost, tasks[0]!.id, { status: 'done' });
    expect(foreign.statusCode).toBe(404);
    expect((await tasksOf(leader, `?campaign=${campaignId}`)).tasks).toHaveLength(3);
  });

  it('assigns to a host of the municipality only, marks done, and undoes', async () => {
    const [task] = (await tasksOf(host)).tasks;
    const wrong = await patch(host, task!.id, { assigneeId: foreignHost.id });
    expect(wrong.statusCode).toBe(400);
    expect(wrong.json().error.details).toEqual([
      { field: 'assigneeId', message: 'Not a host of this municipality' },
    ]);
    const assigned = await patch(host, task!.id, {
      assigneeId: colleague.id,
      notes: 'Sender lenker',
    });
    expect(assigned.statusCode).toBe(200);
    expect(assigned.json()).toMatchObject({
      assignee: { id: colleague.id, name: 'Siri Vert' },
      notes: 'Sender lenker',
    });
    const colleagueSession = await signIn(t, colleague);
    expect((await tasksOf(colleagueSession, '?mine=true')).tasks.map((k) => k.id)).toEqual([
      task!.id,
    ]);

    const done = await patch(host, task!.id, { status: 'done' });
    expect(done.json()).toMatchObject({ status: 'done', overdue: false });
    expect(done.json().doneAt).not.toBeNull();
    expect((await tasksOf(host)).tasks).toHaveLength(2);
    expect((await tasksOf(host, '?status=done')).tasks.map((k) => k.id)).toEqual([task!.id]);
    const undone = await patch(host, task!.id, { status: 'open' });
    expect(undone.json()).toMatchObject({ status: 'open', doneAt: null });
    expect((await tasksOf(host)).tasks).toHaveLength(3);

    const audit = await t.deps.db
      .selectFrom('auditLog')
      .select(['action', 'details'])
      .where('targetId', '=', task!.id)
      .orderBy('id')
      .execute();
    expect(audit.map((a) => a.action)).toEqual([
      'followup.task_updated',
      'followup.task_updated',
      'followup.task_updated',
    ]);
    expect(audit.map((a) => a.details).join()).not.toContain('Sender lenker');
  });

  it('shows overdue tasks first and filters them', async () => {
    t.clock.advance(8 * 24 * HOUR);
    // Sessions time out while the clock jumps a week: sign in again.
    [leader, host, otherHost] = await Promise.all([
      signIn(t, leaderUser),
      signIn(t, hostUser),
      signIn(t, foreignHost),
    ]);
    const open = await tasksOf(host, '?overdue=true');
    expect(open.tasks).toHaveLength(3);
    expect(open.tasks.every((k) => k.overdue)).toBe(true);
    const added = await host.request({
      method: 'POST',
      url: '/api/follow-up-tasks',
      payload: { prospectId: kari, dueOn: '2027-01-10', notes: 'Ring etter jul' },
    });
    expect(added.statusCode).toBe(201);
    expect(added.json()).toMatchObject({ kind: 'other', fromCall: false, overdue: false });
    const all = await tasksOf(host);
    expect(all.tasks.map((k) => k.overdue)).toEqual([true, true, true, false]);
    const foreign = await host.request({
      method: 'POST',
      url: '/api/follow-up-tasks',
      payload: { prospectId: per, dueOn: '2027-01-10' },
    });
    expect(foreign.statusCode).toBe(404);
  });

  it('validates moving in and names the field', async () => {
    const post = (payload: Record<string, unknown>, as = host, id = kari) =>
      as.request({ method: 'POST', url: `/api/prospects/${id}/moved-in`, payload });
    const outside = await post({ on: '2026-12-01', municipalityCode: '0301' });
    expect(outside.statusCode).toBe(400);
    expect(outside.json().error.details).toEqual([
      { field: 'municipalityCode', message: 'Not a municipality of the region' },
    ]);
    const future = await post({ on: '2027-06-01', municipalityCode: '3427' });
    expect(future.statusCode).toBe(400);
    expect(future.json().error.details[0].field).toBe('on');
    const bad = await post({ on: 'soon', municipalityCode: '34' });
    expect(bad.statusCode).toBe(400);
    expect(
      bad
        .json()
        .error.details.map((d: { field: string }) => d.field)
        .sort(),
    ).toEqual(['municipalityCode', 'on']);
    expect((await post({ on: '2026-12-01', municipalityCode: '3427' }, otherHost)).statusCode).toBe(
      404,
    );
    const settledFirst = await host.request({
      method: 'POST',
      url: `/api/prospects/${kari}/settled`,
      payload: {},
    });
    expect(settledFirst.statusCode).toBe(409);
  });

  it('thanks each tipper who asked, in their language, once, through undo and redo', async () => {
    const thankYous = () =>
      t.deps.db
        .selectFrom('outbox')
        .select(['toAddress', 'subject', 'textBody'])
        .where('purpose', 'like', 'followup.thank_you:%')
        .orderBy('toAddress')
        .execute();
    const visiting = await host.request({
      method: 'POST',
      url: `/api/prospects/${kari}/visiting`,
      payload: { on: '2026-12-01' },
    });
    expect(visiting.json()).toMatchObject({ stage: 'visiting', visitingOn: '2026-12-01' });

    const moved = await host.request({
      method: 'POST',
      url: `/api/prospects/${kari}/moved-in`,
      payload: { on: '2026-12-03', municipalityCode: '3424' },
    });
    expect(moved.statusCode).toBe(200);
    expect(moved.json() as PipelineProspect).toMatchObject({
      stage: 'moved_in',
      movedInOn: '2026-12-03',
      movedInMunicipalityCode: '3424',
      tippersThanked: true,
    });
    const mails = await thankYous();
    expect(mails.map((m) => [m.toAddress, m.subject])).toEqual([
      ['anne@example.no', 'Thank you for your tip!'],
      ['ola@example.no', 'Takk for tipset ditt!'],
    ]);
    expect(mails[1]!.textBody).toContain('Hei Ola');
    expect(mails[1]!.textBody).toContain('No har Kari flytta til Rendalen');
    for (const m of mails) expect(m.textBody).not.toContain('Nordmann');

    const undo = await host.request({ method: 'DELETE', url: `/api/prospects/${kari}/moved-in` });
    expect(undo.json()).toMatchObject({ stage: 'visiting', movedInOn: null });
    const redo = await host.request({
      method: 'POST',
      url: `/api/prospects/${kari}/moved-in`,
      payload: { on: '2026-12-04', municipalityCode: '3427' },
    });
    expect(redo.json()).toMatchObject({ stage: 'moved_in', movedInOn: '2026-12-04' });
    expect(await thankYous()).toHaveLength(2);

    const settled = await host.request({
      method: 'POST',
      url: `/api/prospects/${kari}/settled`,
      payload: { on: '2026-12-05' },
    });
    expect(settled.json()).toMatchObject({ stage: 'settled', settledOn: '2026-12-05' });
    const blocked = await host.request({
      method: 'DELETE',
      url: `/api/prospects/${kari}/moved-in`,
    });
    expect(blocked.statusCode).toBe(409);
    const unsettled = await host.request({
      method: 'DELETE',
      url: `/api/prospects/${kari}/settled`,
    });
    expect(unsettled.json()).toMatchObject({ stage: 'moved_in', settledOn: null });
  });

  it('shows the pipeline by stage in scope', async () => {
    const own = await host.request({ url: `/api/campaigns/${campaignId}/pipeline` });
    expect(own.statusCode).toBe(200);
    const pipeline = own.json();
    expect(pipeline.prospects.map((p: PipelineProspect) => p.name)).toEqual(['Kari Nordmann']);
    expect(pipeline.municipalities.map((m: { code: string }) => m.code)).toEqual(['3427']);
    expect(pipeline.total).toMatchObject({ moved_in: 1, carded: 0 });
    const all = (await leader.request({ url: `/api/campaigns/${campaignId}/pipeline` })).json();
    expect(all.total).toMatchObject({ moved_in: 1, carded: 1 });
    expect(all.municipalities).toHaveLength(7);
    const alvdal = all.municipalities.find((m: { code: string }) => m.code === '3428');
    expect(alvdal.counts).toMatchObject({ carded: 1, moved_in: 0 });
  });
  it('thanks once when two people record the same move at the same moment', async () => {
    const tip = sampleTip({
      tipper: { name: 'Berit Tipsar', email: 'berit.tipsar@example.no' },
      person: { name: 'Trond Samtidig', phone: '945 67 890', addressLine: 'Samtidigvegen 2' },
    });
    expect((await postTip(t, campaignId, { ...tip, tipperWantsNews: true })).statusCode).toBe(201);
    const list = await leader.request({ url: `/api/campaigns/${campaignId}/prospects` });
    const id = (list.json().prospects as Array<{ id: string; name: string }>).find(
      (p) => p.name === 'Trond Samtidig',
    )!.id;
    const save = (as: TestSession) =>
      as.request({
        method: 'POST',
        url: `/api/prospects/${id}/moved-in`,
        payload: { on: '2026-12-05', municipalityCode: '3427' },
      });
    const answers = await Promise.all([save(host), save(leader)]);
    expect(answers.map((a) => a.statusCode)).toEqual([200, 200]);
    const mails = await t.deps.db
      .selectFrom('outbox')
      .select('id')
      .where('toAddress', '=', 'berit.tipsar@example.no')
      .execute();
    expect(mails).toHaveLength(1);
  });
});
