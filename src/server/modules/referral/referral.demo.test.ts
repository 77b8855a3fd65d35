import type { KyselyPlugin } from 'kysely';
import { parsePhoneNumberFromString as parseWithFullMetadata } from 'libphonenumber-js/max';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../../../test/support/app.js';
import { createTestUser, signIn, type TestSession } from '../../../../test/support/auth.js';
import { seedCallingCampaign, seedProspects } from '../../../../test/support/calling.js';
import { testDialects } from '../../../../test/support/database.js';
import type { Interest } from '../../../contracts/calling.js';
import { type CampaignProgress, REACHED_OUTCOMES } from '../../../contracts/calling-progress.js';
import type { Funnel, Pipeline } from '../../../contracts/followup.js';
import type { Campaign } from '../../../contracts/referral.js';
import { toDbTime } from '../../db/portable.js';
import { recreateDemo } from '../demo.js';
import { todayInOslo } from '../followup/tasks.service.js';
import { referralDemoSeeder } from './referral.demo.js';
import { DEMO_CAMPAIGN } from './referral.demo.people.js';

const OTHER_REGION = '22222222-2222-4222-8222-222222222222';
/** Outcomes after which the calling module calls no more (ADR 0010). */
const CLOSING = new Set<string>([...REACHED_OUTCOMES, 'wrong_number']);
const REACHED = new Set<string>(REACHED_OUTCOMES);

describe.each(testDialects)('the referral demo on %s', { timeout: 60_000 }, (dialect) => {
  let t: TestApp;
  let leader: TestSession;
  let otherCampaignId: string;

  beforeAll(async () => {
    t = await createTestApp(dialect);
    leader = await signIn(t, await createTestUser(t, { role: 'programme_leader' }));
    const db = t.deps.db;
    await db
      .insertInto('regions')
      .values({
        id: OTHER_REGION,
        slug: 'nord-osterdal',
        name: 'Nord-Østerdal',
        hostname: null,
        isDemo: 0,
        themeColor: '#123456',
        createdAt: toDbTime(t.clock.now()),
      })
      .execute();
    await db
      .insertInto('regionMunicipalities')
      .values({ regionId: OTHER_REGION, municipalityCode: '3427' })
      .execute();
    otherCampaignId = await seedCallingCampaign(db, t.clock, OTHER_REGION);
    await seedProspects(db, otherCampaignId, OTHER_REGION, 3);
  });
  afterAll(async () => t?.close());

  const db = () => t.deps.db;
  const demoCampaign = async (): Promise<Campaign> => {
    const res = await leader.request({ url: '/api/campaigns' });
    expect(res.statusCode).toBe(200);
    const campaigns = (res.json() as { campaigns: Campaign[] }).campaigns;
    expect(campaigns).toHaveLength(1);
    return campaigns[0]!;
  };
  const rowsOf = async (campaignId: string) => ({
    prospects: await db()
      .selectFrom('prospects')
      .selectAll()
      .where('campaignId', '=', campaignId)
      .orderBy('name')
      .execute(),
    calls: await db()
      .selectFrom('calls')
      .selectAll()
      .where('campaignId', '=', campaignId)
      .orderBy('calledAt')
      .execute(),
    tips: await db().selectFrom('tips').selectAll().where('campaignId', '=', campaignId).execute(),
  });
  /** How much of each table the demo region holds. */
  const counts = async () => {
    const n = async (table: 'campaigns' | 'prospects' | 'tips' | 'calls' | 'followUpTasks') =>
      Number(
        (
          await db()
            .selectFrom(table)
            .select((eb) => eb.fn.countAll<number>().as('n'))
            .where('regionId', '=', t.demoRegionId)
            .executeTakeFirstOrThrow()
        ).n,
      );
    const demoProspects = db()
      .selectFrom('prospects')
      .select('id')
      .where('regionId', '=', t.demoRegionId);
    const viaProspect = async (table: 'postcardBatchItems' | 'prospectTips' | 'claims') =>
      Number(
        (
          await db()
            .selectFrom(table)
            .select((eb) => eb.fn.countAll<number>().as('n'))
            .where('prospectId', 'in', demoProspects)
            .executeTakeFirstOrThrow()
        ).n,
      );
    return {
      campaigns: await n('campaigns'),
      prospects: await n('prospects'),
      tips: await n('tips'),
      calls: await n('calls'),
      followUpTasks: await n('followUpTasks'),
      postcardBatchItems: await viaProspect('postcardBatchItems'),
      prospectTips: await viaProspect('prospectTips'),
      claims: await viaProspect('claims'),
    };
  };
  const otherRegionRows = async () => ({
    campaigns: await db()
      .selectFrom('campaigns')
      .selectAll()
      .where('regionId', '=', OTHER_REGION)
      .execute(),
    prospects: await db()
      .selectFrom('prospects')
      .selectAll()
      .where('regionId', '=', OTHER_REGION)
      .orderBy('id')
      .execute(),
  });

  let firstCounts: Awaited<ReturnType<typeof counts>>;
  let firstPeople: unknown[];
  const people = async (campaignId: string) =>
    (await rowsOf(campaignId)).prospects.map((p) => [
      p.name,
      p.municipalityCode,
      p.phoneE164,
      p.callAttempts,
      p.lastOutcome,
      p.movedInOn,
    ]);

  it('seeds one open campaign with invented people, in a few dozen statements', async () => {
    await recreateDemo(db(), t.clock);
    let statements = 0;
    const counter: KyselyPlugin = {
      transformQuery: (args) => args.node,
      transformResult: async (args) => {
        statements += 1;
        return args.result;
      },
    };
    await db()
      .withPlugin(counter)
      .transaction()
      .execute((trx) => referralDemoSeeder.seed(trx, t.clock, t.demoRegionId));
    expect(statements).toBeGreaterThan(0);
    expect(statements).toBeLessThanOrEqual(60);

    const campaign = await demoCampaign();
    expect(campaign).toMatchObject({
      name: DEMO_CAMPAIGN.name,
      status: 'open',
      kind: 'referral',
      callingHours: null,
      targets: DEMO_CAMPAIGN.targets,
    });
    expect(Object.keys(campaign.texts).sort()).toEqual(['en', 'nb', 'nn']);
    expect(campaign.callingDays).toHaveLength(1);
    expect(campaign.callingDays[0]! < todayInOslo(t.clock.now())).toBe(true);

    const { prospects, tips } = await rowsOf(campaign.id);
    expect(new Set(prospects.map((p) => p.municipalityCode)).size).toBe(7);
    for (const p of prospects) {
      // Callable by the module's rules, yet in a series Norway has not given out.
      expect(p.phoneE164).toMatch(/^\+4742\d{6}$/);
      expect(parseWithFullMetadata(p.phoneE164!)?.isValid()).toBe(false);
      expect(p.addressLine).toMatch(/^Demoveien \d+$/);
      expect(p.cardedAt! < `${campaign.callingDays[0]}`).toBe(true);
    }
    for (const tip of tips) {
      if (tip.tipperEmail) expect(tip.tipperEmail).toMatch(/@example\.org$/);
      if (tip.tipperWantsNews) expect(tip.tipperEmail).not.toBeNull();
    }
    firstCounts = await counts();
    firstPeople = await people(campaign.id);
  });

  it('keeps every prospect’s calling and pipeline stamps consistent with its calls', async () => {
    const campaign = await demoCampaign();
    const callingDay = campaign.callingDays[0]!;
    const { prospects, calls } = await rowsOf(campaign.id);
    for (const p of prospects) {
      const mine = calls.filter((c) => c.prospectId === p.id);
      const first = (f: (o: string) => boolean) => mine.find((c) => f(c.outcome))?.calledAt ?? null;
      expect(p.callAttempts).toBe(mine.length);
      expect(p.lastOutcome).toBe(mine.at(-1)?.outcome ?? null);
      expect(p.firstCalledAt).toBe(mine[0]?.calledAt ?? null);
      expect(p.reachedAt).toBe(first((o) => REACHED.has(o)));
      expect(p.interestedAt).toBe(first((o) => o === 'interested'));
      expect(p.callingClosedAt).toBe(first((o) => CLOSING.has(o)));
      expect(p.nextCallAt === null).toBe(p.callingClosedAt !== null || mine.length === 0);
      if (p.visitingAt) expect(p.interestedAt).not.toBeNull();
      if (p.movedInOn) expect(p.movedInOn > callingDay).toBe(true);
      if (p.settledAt) expect(p.settledAt >= p.movedInOn!).toBe(true);
    }
    const tasks = await db()
      .selectFrom('followUpTasks')
      .selectAll()
      .where('campaignId', '=', campaign.id)
      .execute();
    const interested = calls.filter((c) => c.outcome === 'interested');
    // One task per interest, and an invitation to the next event for each.
    const expectedTasks = interested.reduce(
      (n, c) => n + (JSON.parse(c.interests) as Interest[]).length + 1,
      0,
    );
    expect(tasks).toHaveLength(expectedTasks);
    expect(interested.length).toBeGreaterThan(0);
  });

  it('shows sensible progress, pipeline and funnel through the API', async () => {
    const campaign = await demoCampaign();
    const { prospects, calls, tips } = await rowsOf(campaign.id);
    const optOuts = calls.filter((c) => c.outcome === 'opt_out' && c.prospectId === null).length;
    const distinct = (f: (o: string) => boolean) =>
      new Set(calls.filter((c) => c.prospectId && f(c.outcome)).map((c) => c.prospectId)).size;

    const progress = (
      await leader.request({ url: `/api/campaigns/${campaign.id}/progress` })
    ).json() as CampaignProgress;
    expect(progress.isDemo).toBe(true);
    expect(progress.municipalities).toHaveLength(7);
    const remaining = prospects.filter((p) => p.cardedAt && !p.callingClosedAt).length;
    expect(progress.totals).toEqual({
      calls: calls.length,
      reached: calls.filter((c) => REACHED.has(c.outcome)).length,
      interested: calls.filter((c) => c.outcome === 'interested').length,
      remaining,
      inProgress: 0,
      carded: prospects.length,
    });
    expect(remaining).toBeGreaterThan(0);
    expect(progress.target).toEqual({
      calls: DEMO_CAMPAIGN.targets.calls,
      percent: Math.floor((100 * calls.length) / DEMO_CAMPAIGN.targets.calls),
    });

    const pipeline = (
      await leader.request({ url: `/api/campaigns/${campaign.id}/pipeline` })
    ).json() as Pipeline;
    const { total: stages } = pipeline;
    const moved = prospects.filter((p) => p.movedInOn).length;
    expect(stages.settled).toBe(prospects.filter((p) => p.settledAt).length);
    expect(stages.moved_in + stages.settled).toBe(moved);
    expect(stages.visiting + stages.moved_in + stages.settled).toBe(
      prospects.filter((p) => p.visitingAt).length,
    );
    expect(stages.interested + stages.visiting + stages.moved_in + stages.settled).toBe(
      distinct((o) => o === 'interested'),
    );
    expect(Object.values(stages).reduce((a, b) => a + b, 0)).toBe(prospects.length);
    for (const stage of ['interested', 'visiting', 'moved_in', 'settled'] as const) {
      expect(stages[stage]).toBeGreaterThan(0);
    }

    const funnel = (
      await leader.request({ url: `/api/campaigns/${campaign.id}/funnel` })
    ).json() as Funnel;
    expect(funnel.callingDay).toBe(campaign.callingDays[0]);
    expect(funnel.total).toMatchObject({
      tipped: prospects.length + optOuts,
      carded: prospects.length + optOuts,
      called: distinct(() => true) + optOuts,
      reached: distinct((o) => REACHED.has(o)) + optOuts,
      interested: distinct((o) => o === 'interested'),
      movedWithin6Months: moved,
      movedWithin12Months: moved,
      reachedMoved: moved,
      notReachedMoved: 0,
    });
    expect(optOuts).toBe(1);
    // The opted-out person's tip stays as a count, with nothing about them.
    expect(tips.filter((tip) => tip.erasedAt && tip.personName === null)).toHaveLength(optOuts);
  });

  it('has people left to call on the calling screen', async () => {
    const campaign = await demoCampaign();
    const progress = (
      await leader.request({ url: `/api/campaigns/${campaign.id}/progress` })
    ).json() as CampaignProgress;
    const withPeople = progress.municipalities.find((m) => m.remaining > 0)!;
    const res = await leader.request({
      method: 'POST',
      url: `/api/campaigns/${campaign.id}/claims?municipality=${withPeople.code}`,
    });
    expect(res.statusCode).toBe(201);
    const body = res.json() as { prospect: { tipCount: number }; script: string };
    expect(body.prospect.tipCount).toBeGreaterThan(0);
    expect(body.script).toBe(DEMO_CAMPAIGN.callScript);
  });

  it('gives the same data when run again, and leaves another region alone', async () => {
    const before = await otherRegionRows();
    expect(before.campaigns).toHaveLength(1);
    expect(before.prospects).toHaveLength(3);
    expect((await counts()).claims).toBe(1);

    await recreateDemo(db(), t.clock);

    expect(await counts()).toEqual(firstCounts);
    expect(firstCounts.claims).toBe(0);
    expect(await people((await demoCampaign()).id)).toEqual(firstPeople);
    expect(await otherRegionRows()).toEqual(before);
    expect(before.campaigns[0]!.id).toBe(otherCampaignId);
  });
});
