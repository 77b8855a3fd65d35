import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../../../test/support/app.js';
import { createTestUser, signIn, type TestSession } from '../../../../test/support/auth.js';
import { seedProspects } from '../../../../test/support/calling.js';
import { testDialects } from '../../../../test/support/database.js';
import { createOpenCampaign } from '../../../../test/support/referral.js';
import { createTestRegion } from '../../../../test/support/regions.js';
import { fixture } from '../../../../test/support/ssb.js';
import { insertResponses, runSurveys, surveyMailsTo } from '../../../../test/support/surveys.js';
import type {
  GoalsEvaluation,
  IndicatorInput,
  MediaEntry,
  ProgrammeInput,
} from '../../../contracts/goals.js';
import { recreateDemo } from '../demo.js';
import { consentToken } from '../notifications/consent.js';
import { getAgeStatistics } from '../statistics/statistics.age.service.js';
import { importTable } from '../statistics/statistics.import.js';
import { parseStatFile } from '../statistics/statistics.parse.js';
import { evaluateGoals } from './goals.evaluate.js';

const text = (nb: string) => ({ nb, nn: '', en: '' });
const PERIOD = { from: '2019-01-01', to: '2027-12-31' };

function ind(source: IndicatorInput['source'], target: number, baseline: number | null = null) {
  return { name: text('Indikator'), source, baseline, target, period: PERIOD };
}

function programme(indicators: unknown[]): ProgrammeInput {
  return {
    mainGoal: text('Å være en pionerregion i Norge og Norden for positiv markedsføring'),
    phases: [{ name: 'Løft', from: '2002-01-01', to: '2007-12-31' }],
    subGoals: [{ title: text('Delmål'), indicators: indicators as IndicatorInput[] }],
  };
}

const media = {
  publishedOn: '2026-10-01',
  outlet: 'NRK',
  level: 'national',
  url: 'https://www.nrk.no/innlandet/sak',
  reach: 120000,
  tone: 'positive',
  title: 'Ringedugnad i fjellet',
};

describe.each(testDialects)('programme goals on %s', (dialect) => {
  let t: TestApp;
  let leader: TestSession;
  let otherLeader: TestSession;
  let host: TestSession;
  let admin: TestSession;

  beforeAll(async () => {
    t = await createTestApp(dialect);
    leader = await signIn(t, await createTestUser(t, { role: 'programme_leader' }));
    host = await signIn(t, await createTestUser(t, { role: 'host' }));
    admin = await signIn(t, await createTestUser(t, { role: 'admin' }));
    const other = await createTestRegion(t);
    otherLeader = await signIn(
      t,
      await createTestUser(t, { role: 'programme_leader', regionId: other }),
    );
  });
  afterAll(async () => t?.close());

  const put = (s: TestSession, body: unknown, query = '') =>
    s.request({ method: 'PUT', url: `/api/goals/programme${query}`, payload: body as object });

  it('documents its routes in the OpenAPI document', async () => {
    const doc = (await t.app.inject('/api/openapi.json')).json();
    expect(doc.paths['/api/goals/programme'].put.requestBody).toBeDefined();
    expect(doc.paths['/api/goals/evaluation'].get).toBeDefined();
    expect(doc.paths['/api/goals/media/{id}'].delete).toBeDefined();
  });

  it('refuses a target without a period, naming the field', async () => {
    const res = await put(
      leader,
      programme([
        { ...ind({ kind: 'count', measure: 'startups', mediaLevel: null }, 5), period: null },
      ]),
    );
    expect(res.statusCode).toBe(400);
    expect(res.json().error.details).toEqual([
      { field: 'subGoals.0.indicators.0.period', message: 'A target needs a period (from and to)' },
    ]);
  });

  it('refuses an indicator bound to a series or age band that does not exist', async () => {
    const res = await put(
      leader,
      programme([
        ind({ kind: 'statistics', series: 'births', ageBand: null }, 0),
        ind({ kind: 'statistics', series: 'cohortChange', ageBand: '18-25' }, 0),
        ind({ kind: 'survey', survey: 'resident', question: 'happiness' }, 0.5),
      ]),
    );
    expect(res.statusCode).toBe(400);
    const details = res.json().error.details as { field: string; message: string }[];
    expect(details.map((d) => d.field)).toEqual([
      'subGoals.0.indicators.0.source.series',
      'subGoals.0.indicators.1.source.ageBand',
      'subGoals.0.indicators.2.source.question',
    ]);
    expect(details[0]!.message).toContain('no statistics series "births"');
    expect(details[1]!.message).toContain('20-39');
    expect(details[2]!.message).toContain('pride');
  });

  it('saves the programme, keeps indicator ids, and hides it from other regions', async () => {
    const body = programme([ind({ kind: 'count', measure: 'mediaMentions', mediaLevel: null }, 4)]);
    const first = await put(leader, body);
    expect(first.statusCode).toBe(200);
    const id = first.json().subGoals[0].indicators[0].id as string;
    expect(first.json().subGoals[0].indicators[0].unit).toBe('count');
    const again = await put(leader, body);
    expect(again.json().subGoals[0].indicators[0].id).toBe(id);
    const read = await leader.request({ url: '/api/goals/programme' });
    expect(read.json().mainGoal.nb).toContain('pionerregion');

    const asked = await otherLeader.request({
      url: `/api/goals/programme?region=${t.demoRegionId}`,
    });
    expect(asked.statusCode).toBe(404);
    expect((await otherLeader.request({ url: '/api/goals/programme' })).json().subGoals).toEqual(
      [],
    );
    expect((await host.request({ url: '/api/goals/programme' })).statusCode).toBe(403);
    expect((await admin.request({ url: '/api/goals/programme' })).statusCode).toBe(400);
    const byAdmin = await admin.request({ url: `/api/goals/programme?region=${t.demoRegionId}` });
    expect(byAdmin.json().subGoals[0].indicators[0].id).toBe(id);
  });

  it('keeps a media log with validation, and another region cannot touch it', async () => {
    const bad = await leader.request({
      method: 'POST',
      url: '/api/goals/media',
      payload: { ...media, level: 'global', url: 'nrk.no', reach: -1 },
    });
    expect(bad.statusCode).toBe(400);
    expect((bad.json().error.details as { field: string }[]).map((d) => d.field).sort()).toEqual([
      'level',
      'reach',
      'url',
    ]);
    const res = await leader.request({ method: 'POST', url: '/api/goals/media', payload: media });
    expect(res.statusCode).toBe(201);
    const entry = res.json() as MediaEntry;
    expect(entry).toMatchObject(media);

    const url = `/api/goals/media/${entry.id}`;
    const theirs = await otherLeader.request({ method: 'PUT', url, payload: media });
    expect(theirs.statusCode).toBe(404);
    expect((await otherLeader.request({ method: 'DELETE', url })).statusCode).toBe(404);
    expect((await otherLeader.request({ url: '/api/goals/media' })).json().entries).toEqual([]);

    const edited = await leader.request({
      method: 'PUT',
      url,
      payload: { ...media, tone: 'neutral' },
    });
    expect(edited.json().tone).toBe('neutral');
    const list = await leader.request({ url: '/api/goals/media?year=2026' });
    expect(list.json().entries.map((e: MediaEntry) => e.id)).toEqual([entry.id]);
    await leader.request({
      method: 'POST',
      url: '/api/goals/media',
      payload: { ...media, publishedOn: '2025-03-01', level: 'local' },
    });
    const toDelete = await leader.request({
      method: 'POST',
      url: '/api/goals/media',
      payload: { ...media, publishedOn: '2025-04-01' },
    });
    expect(
      (await leader.request({ method: 'DELETE', url: `/api/goals/media/${toDelete.json().id}` }))
        .statusCode,
    ).toBe(204);
  });

  it('evaluates indicators from statistics, campaign results, media and surveys', async () => {
    // Real data points: 07459 (constructed fixture), a campaign with move-ins, media entries.
    const file = '07459_2019-2020_fjellregionen_jsonstat2-constructed.json';
    const parsed = parseStatFile(readFileSync(fixture(file), 'utf8'), '07459');
    await importTable(t.deps.db, t.clock, parsed, { kind: 'file', name: file });
    const age = await getAgeStatistics(t.deps.db, 'fjellregionen', 'nb');
    const cohort2020 = age.regionYears.find((y) => y.year === '2020')!.cohortChange['20-39'];
    expect(cohort2020).not.toBeNull();

    const campaignId = (
      await createOpenCampaign(leader, {
        startsOn: '2025-10-01',
        endsOn: '2025-12-31',
        callingDays: ['2025-12-01'],
      })
    ).id;
    const ids = await seedProspects(t.deps.db, campaignId, t.demoRegionId, 3, {
      municipalityCode: '3427',
    });
    await t.deps.db
      .updateTable('prospects')
      .set({ firstCalledAt: '2025-12-01T10:00:00.000Z' })
      .where('id', 'in', ids)
      .execute();
    for (const [i, on] of ['2026-01-15', '2026-05-20'].entries()) {
      const res = await leader.request({
        method: 'POST',
        url: `/api/prospects/${ids[i]}/moved-in`,
        payload: { on, municipalityCode: '3427' },
      });
      expect(res.statusCode).toBe(200);
    }
    // Four answers in the 2026 wave: a group under five, never shown.
    await insertResponses(t, 4, {
      surveyKey: 'resident',
      wave: '2026',
      answers: { pride: 5, identity: 4, optimism: 2 },
    });

    const saved = await put(
      leader,
      programme([
        ind({ kind: 'statistics', series: 'cohortChange', ageBand: '20-39' }, 1_000_000),
        ind({ kind: 'campaign', measure: 'movedWithin6Months', campaignId: null }, 2),
        ind({ kind: 'campaign', measure: 'called', campaignId }, 10, 0),
        ind({ kind: 'count', measure: 'mediaMentions', mediaLevel: 'national' }, 1),
        ind({ kind: 'survey', survey: 'resident', question: 'pride' }, 4),
        ind({ kind: 'siteVisits', measure: 'views' }, 100),
      ]),
    );
    expect(saved.statusCode).toBe(200);
    const res = await leader.request({
      url: '/api/goals/evaluation?from=2019-01-01&to=2026-12-31',
    });
    expect(res.statusCode).toBe(200);
    const evaluation = res.json() as GoalsEvaluation;
    const [cohort, moved, called, mentions, pride, visits] = evaluation.subGoals[0]!.indicators;
    expect(evaluation.programme.mainGoal?.nb).toContain('pionerregion');

    expect(cohort!.points.slice(0, 2)).toEqual([
      { label: '2019', value: null, suppressed: false },
      { label: '2020', value: cohort2020, suppressed: false },
    ]);
    expect(cohort!.latest).toEqual({ label: '2020', value: cohort2020 });
    expect(cohort!.status).toBe('off_track');

    expect(moved!.points.find((p) => p.label === '2025')!.value).toBe(2);
    expect(moved!.status).toBe('on_track');
    expect(called!.latest).toEqual({ label: '2025', value: 3 });
    expect(called!.status).toBe('at_risk');

    // One national entry in 2026 (the other, local one in 2025 is another level).
    expect(mentions!.points.find((p) => p.label === '2026')!.value).toBe(1);
    expect(mentions!.status).toBe('on_track');

    expect(pride!.points.find((p) => p.label === '2026')).toEqual({
      label: '2026',
      value: null,
      suppressed: true,
    });
    expect(pride!.status).toBe('no_data');
    expect(JSON.stringify(pride)).not.toContain('"value":1');
    expect(visits!.unit).toBe('views');
    expect(visits!.status).toBe('off_track');

    // Two more answers make the group five or more: the mean of 5, 5, 5, 5, 4 and 2.
    await insertResponses(t, 1, { surveyKey: 'resident', wave: '2026', answers: { pride: 4 } });
    await insertResponses(t, 1, { surveyKey: 'resident', wave: '2026', answers: { pride: 2 } });
    const after = await evaluateGoals(t.deps.db, {
      regionId: t.demoRegionId,
      from: '2026-01-01',
      to: '2026-12-31',
    });
    const share = after.subGoals[0]!.indicators[4]!;
    expect(share.unit).toBe('mean5');
    expect(share.points).toEqual([{ label: '2026', value: 4.3, suppressed: false }]);
    expect(share.status).toBe('on_track');
  });

  it('answers an empty evaluation for a region without a programme, and refuses bad periods', async () => {
    const empty = await otherLeader.request({ url: '/api/goals/evaluation' });
    expect(empty.statusCode).toBe(200);
    expect(empty.json()).toMatchObject({ programme: { mainGoal: null }, subGoals: [] });
    const bad = await leader.request({
      url: '/api/goals/evaluation?from=2026-12-31&to=2026-01-01',
    });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error.details[0].field).toBe('to');
  });

  it('invites residents to the anonymous survey once per address and wave', async () => {
    const url = '/api/goals/resident-survey/invitations';
    const bad = await leader.request({
      method: 'POST',
      url,
      payload: { emails: ['kari@example.no', 'ikke en adresse'], municipalityCode: null },
    });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error.details[0].field).toBe('emails.1');
    const payload = { emails: ['kari@example.no', 'Ola@example.no'], municipalityCode: '3427' };
    const first = await leader.request({ method: 'POST', url, payload });
    expect(first.json()).toEqual({ wave: '2026', scheduled: 2, alreadySent: 0 });
    const again = await leader.request({
      method: 'POST',
      url,
      payload: { ...payload, emails: ['ola@example.no'] },
    });
    expect(again.json()).toEqual({ wave: '2026', scheduled: 0, alreadySent: 1 });
    const rows = await t.deps.db
      .selectFrom('surveyInvitations')
      .select(['surveyKey', 'subjectRef'])
      .where('surveyKey', '=', 'resident')
      .execute();
    expect(rows).toHaveLength(2);
    expect(rows.every((r) => r.subjectRef.startsWith('resident:'))).toBe(true);

    // The survey job sends them; the one-click unsubscribe stops that address's invitation.
    await runSurveys(t);
    const [mail] = await surveyMailsTo(t, 'kari@example.no');
    expect(mail?.subject).toContain('Tre spørsmål fra');
    const kari = rows[0]!;
    const token = consentToken(t.deps.config.sessionSecret, kari.subjectRef);
    const res = await t.app.inject({
      method: 'POST',
      url: `/samtykke/${token}`,
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      payload: 'List-Unsubscribe=One-Click',
    });
    expect(res.statusCode).toBe(200);
    const cancelled = await t.deps.db
      .selectFrom('surveyInvitations')
      .select(['cancelledAt'])
      .where('subjectRef', '=', kari.subjectRef)
      .executeTakeFirstOrThrow();
    expect(cancelled.cancelledAt).not.toBeNull();
  });

  // Last: it replaces the demo region's programme with Fjellregionen's real goals.
  it('gives the demo region its real main goal and six sub-goals, evaluated from its data', async () => {
    await recreateDemo(t.deps.db, t.clock);
    await recreateDemo(t.deps.db, t.clock);
    const e = await evaluateGoals(t.deps.db, {
      regionId: t.demoRegionId,
      from: '2022-01-01',
      to: '2026-12-31',
    });
    expect(e.programme.mainGoal?.nb).toBe(
      'Å være en pionerregion i Norge og Norden for positiv markedsføring',
    );
    expect(e.programme.phases.map((p) => p.name).slice(0, 2)).toEqual([
      'Løft (fase 1 og 2)',
      'Fase 3',
    ]);
    expect(e.subGoals).toHaveLength(6);
    const kinds = new Set(e.subGoals.flatMap((s) => s.indicators.map((i) => i.source.kind)));
    expect([...kinds].sort()).toEqual(['campaign', 'count', 'siteVisits', 'statistics', 'survey']);
    const national = e.subGoals[4]!.indicators[0]!;
    // Run twice, the demo's three media entries are not doubled: one national this year.
    expect(national.points.at(-1)).toEqual({ label: '2026', value: 1, suppressed: false });
  });
});
