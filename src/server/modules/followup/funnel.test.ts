import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../../../test/support/app.js';
import { createTestUser, signIn, type TestSession } from '../../../../test/support/auth.js';
import { seedProspects } from '../../../../test/support/calling.js';
import { testDialects } from '../../../../test/support/database.js';
import { createOpenCampaign } from '../../../../test/support/referral.js';
import type { Funnel } from '../../../contracts/followup.js';
import { newId } from '../../db/portable.js';

/** One seeded prospect: where they were tipped to, how far they came, when they moved in. */
interface Person {
  m: '3427' | '3428';
  carded?: true;
  called?: true;
  reached?: true;
  interested?: true;
  moved?: string;
}

const CALLING_DAY = '2025-12-01';
const PEOPLE: Person[] = [
  { m: '3427' },
  { m: '3427', carded: true },
  { m: '3427', carded: true, called: true },
  { m: '3427', carded: true, called: true, reached: true },
  { m: '3427', carded: true, called: true, reached: true, interested: true },
  { m: '3427', carded: true, called: true, reached: true, interested: true, moved: '2026-01-15' },
  { m: '3427', carded: true, called: true, reached: true, moved: '2026-05-31' },
  { m: '3427', carded: true, called: true, moved: '2026-06-01' },
  { m: '3427', carded: true, called: true, reached: true, interested: true, moved: '2026-11-20' },
  { m: '3427', carded: true, called: true },
  { m: '3428', carded: true, called: true, reached: true, interested: true, moved: '2026-02-01' },
  { m: '3428', carded: true },
  { m: '3428' },
];
/** One more person in 3428 opted out during a call: erased, only the call stays. */
const OPT_OUTS = { '3427': 0, '3428': 1 };

/** The funnel figures, counted here plainly from the list above. */
function expected(people: Person[], optOuts: number) {
  const n = (f: (p: Person) => boolean) => people.filter(f).length;
  const within = (p: Person, end: string) => p.moved !== undefined && p.moved < end;
  return {
    tipped: people.length + optOuts,
    carded: n((p) => !!p.carded) + optOuts,
    called: n((p) => !!p.called) + optOuts,
    reached: n((p) => !!p.reached) + optOuts,
    interested: n((p) => !!p.interested),
    movedWithin6Months: n((p) => within(p, '2026-06-01')),
    movedWithin12Months: n((p) => within(p, '2026-12-01')),
    reachedMoved: n((p) => !!p.reached && within(p, '2026-12-01')),
    notReachedCalled: n((p) => !!p.called && !p.reached),
    notReachedMoved: n((p) => !!p.called && !p.reached && within(p, '2026-12-01')),
  };
}

describe.each(testDialects)('the campaign funnel on %s', (dialect) => {
  let t: TestApp;
  let leader: TestSession;
  let host: TestSession;
  let campaignId: string;

  beforeAll(async () => {
    t = await createTestApp(dialect);
    leader = await signIn(t, await createTestUser(t, { role: 'programme_leader' }));
    host = await signIn(t, await createTestUser(t, { role: 'host', municipalityCodes: ['3427'] }));
    campaignId = (
      await createOpenCampaign(leader, {
        startsOn: '2025-10-01',
        endsOn: '2025-12-31',
        callingDays: ['2025-12-03', CALLING_DAY],
      })
    ).id;
    const db = t.deps.db;
    const at = `${CALLING_DAY}T10:00:00.000Z`;
    for (const p of PEOPLE) {
      const [id] = await seedProspects(db, campaignId, t.demoRegionId, 1, {
        municipalityCode: p.m,
        cardedAt: p.carded ? '2025-11-20T10:00:00.000Z' : null,
      });
      // The calling module's stamps, as a saved call leaves them.
      await db
        .updateTable('prospects')
        .set({
          firstCalledAt: p.called ? at : null,
          reachedAt: p.reached ? at : null,
          interestedAt: p.interested ? at : null,
        })
        .where('id', '=', id!)
        .execute();
      if (p.moved) {
        const res = await leader.request({
          method: 'POST',
          url: `/api/prospects/${id}/moved-in`,
          payload: { on: p.moved, municipalityCode: p.m },
        });
        expect(res.statusCode).toBe(200);
      }
    }
    await db
      .insertInto('calls')
      .values({
        id: newId(),
        campaignId,
        regionId: t.demoRegionId,
        municipalityCode: '3428',
        prospectId: null,
        claimId: null,
        callerId: null,
        outcome: 'opt_out',
        notes: null,
        interests: '[]',
        callBackAt: null,
        calledAt: at,
        recordedAt: at,
        recordedBy: 'seed',
        source: 'paper',
        idempotencyKey: null,
      })
      .execute();
  });
  afterAll(async () => t?.close());

  const of = (m: '3427' | '3428') =>
    expected(
      PEOPLE.filter((p) => p.m === m),
      OPT_OUTS[m],
    );

  it('counts the funnel per municipality and in all, from the first calling day', async () => {
    const res = await leader.request({ url: `/api/campaigns/${campaignId}/funnel` });
    expect(res.statusCode).toBe(200);
    const funnel = res.json() as Funnel;
    expect(funnel.callingDay).toBe(CALLING_DAY);
    const total = expected(PEOPLE, 1);
    expect(funnel.total).toMatchObject(total);
    expect(funnel.total.reachedMoveRate).toBeCloseTo(total.reachedMoved / total.reached, 10);
    expect(funnel.total.notReachedMoveRate).toBeCloseTo(
      total.notReachedMoved / total.notReachedCalled,
      10,
    );
    const byCode = Object.fromEntries(funnel.municipalities.map((m) => [m.code, m.figures]));
    expect(byCode['3427']).toMatchObject(of('3427'));
    expect(byCode['3428']).toMatchObject(of('3428'));
    expect(byCode['5025']).toMatchObject({ tipped: 0, reachedMoveRate: null });

    // Moves by month after 1 December 2025: month m ends on the 1st of the next month.
    const ends = Array.from({ length: 12 }, (_, i) => {
      const d = new Date(Date.UTC(2025, 11 + i + 1, 1));
      return d.toISOString().slice(0, 10);
    });
    const moves = PEOPLE.filter((p) => p.moved).map((p) => p.moved!);
    expect(funnel.cohort.map((c) => c.cumulative)).toEqual(
      ends.map((end) => moves.filter((d) => d < end).length),
    );
    expect(funnel.cohort.map((c) => c.month)).toEqual(ends.map((_, i) => i + 1));
    expect(funnel.cohort.reduce((sum, c) => sum + c.moves, 0)).toBe(total.movedWithin12Months);
  });

  it('shows a host only their municipalities', async () => {
    const funnel = (await host.request({ url: `/api/campaigns/${campaignId}/funnel` })).json();
    expect(funnel.municipalities.map((m: { code: string }) => m.code)).toEqual(['3427']);
    expect(funnel.total).toMatchObject(of('3427'));
  });

  it('exports CSV with the header and the numbers, audited', async () => {
    const res = await leader.request({ url: `/api/campaigns/${campaignId}/funnel.csv` });
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toBe('text/csv; charset=utf-8');
    expect(res.headers['content-disposition']).toContain('attachment');
    const lines = res.body
      .replace(/^\uFEFF/, '')
      .trimEnd()
      .split('\r\n');
    expect(lines[0]).toBe(
      'municipality_code;municipality;tipped;carded;called;reached;interested;' +
        'moved_within_6_months;moved_within_12_months;reached_moved_12_months;' +
        'called_not_reached;called_not_reached_moved_12_months',
    );
    const figures = (f: ReturnType<typeof expected>) =>
      [
        f.tipped,
        f.carded,
        f.called,
        f.reached,
        f.interested,
        f.movedWithin6Months,
        f.movedWithin12Months,
        f.reachedMoved,
        f.notReachedCalled,
        f.notReachedMoved,
      ].join(';');
    expect(lines[1]).toBe(`;Til sammen;${figures(expected(PEOPLE, 1))}`);
    expect(lines).toContain(`3427;Tynset;${figures(of('3427'))}`);
    expect(lines).toContain(`3428;Alvdal;${figures(of('3428'))}`);
    expect(lines).toHaveLength(1 + 1 + 7);

    const hostCsv = await host.request({ url: `/api/campaigns/${campaignId}/funnel.csv` });
    expect(hostCsv.body.trimEnd().split('\r\n')).toHaveLength(3);
    const audit = await t.deps.db
      .selectFrom('auditLog')
      .select('action')
      .where('action', '=', 'followup.funnel_exported')
      .execute();
    expect(audit).toHaveLength(2);
  });

  it('exports XLSX that a spreadsheet reads: figures as numbers, the cohort on its own sheet', async () => {
    const res = await leader.request({ url: `/api/campaigns/${campaignId}/funnel.xlsx` });
    expect(res.statusCode).toBe(200);
    const { default: ExcelJS } = await import('exceljs');
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(res.rawPayload as unknown as ArrayBuffer);
    const sheet = book.getWorksheet('funnel')!;
    expect((sheet.getRow(1).values as unknown[]).slice(1, 4)).toEqual([
      'municipality_code',
      'municipality',
      'tipped',
    ]);
    const total = expected(PEOPLE, 1);
    expect((sheet.getRow(2).values as unknown[]).slice(3, 10)).toEqual([
      total.tipped,
      total.carded,
      total.called,
      total.reached,
      total.interested,
      total.movedWithin6Months,
      total.movedWithin12Months,
    ]);
    const cohort = book.getWorksheet('cohort')!;
    expect(cohort.getRow(13).values).toEqual([undefined, 12, 1, total.movedWithin12Months]);
  });
});
