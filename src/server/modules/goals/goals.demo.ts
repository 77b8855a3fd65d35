import type { IndicatorInput, IndicatorSource, ProgrammeInput } from '../../../contracts/goals.js';
import type { Db } from '../../db/database.js';
import type { Clock } from '../../deps.js';
import type { DemoSeeder } from '../demo.js';
import * as repo from './goals.repo.js';
import { addMediaEntry, saveProgramme } from './goals.service.js';

/**
 * Fjellregionen's real programme goals (main goal and six sub-goals, phases from 2002), with
 * indicators bound to the data the product holds. Targets, the current phase and the media
 * entries are invented for the demo and say so («demo»).
 */

const t = (nb: string, nn: string, en: string) => ({ nb, nn, en });

function indicator(
  name: ReturnType<typeof t>,
  source: IndicatorSource,
  target: number,
  year: number,
): IndicatorInput {
  return {
    name,
    source,
    baseline: null,
    target,
    period: { from: `${year}-01-01`, to: `${year + 3}-12-31` },
  };
}

function demoProgramme(year: number): ProgrammeInput {
  const resident = (question: string): IndicatorSource => ({
    kind: 'survey',
    survey: 'resident',
    question,
  });
  const i = (name: ReturnType<typeof t>, source: IndicatorSource, target: number) =>
    indicator(name, source, target, year);
  return {
    mainGoal: t(
      'Å være en pionerregion i Norge og Norden for positiv markedsføring',
      'Å vere ein pionerregion i Noreg og Norden for positiv marknadsføring',
      'To be a pioneer region in Norway and the Nordic countries for positive marketing',
    ),
    phases: [
      { name: 'Løft (fase 1 og 2)', from: '2002-01-01', to: '2007-12-31' },
      { name: 'Fase 3', from: '2008-01-01', to: '2010-12-31' },
      { name: 'Dagens fase (demo)', from: `${year}-01-01`, to: `${year + 3}-12-31` },
    ],
    subGoals: [
      {
        title: t(
          'Økt stolthet og felles identitet blant innbyggerne',
          'Auka stoltheit og felles identitet blant innbyggjarane',
          'More pride and common identity among residents',
        ),
        indicators: [
          i(t('Stolte innbyggere', 'Stolte innbyggjarar', 'Proud residents'), resident('pride'), 4),
          i(
            t('Felles regional identitet', 'Felles regional identitet', 'Common regional identity'),
            resident('identity'),
            3.5,
          ),
        ],
      },
      {
        title: t(
          'Positiv nettoflytting for yngre aldersgrupper',
          'Positiv nettoflytting for yngre aldersgrupper',
          'Positive net migration for younger age groups',
        ),
        indicators: [
          i(
            t(
              'Endring i kullet 20–39 år',
              'Endring i kullet 20–39 år',
              'Cohort change, ages 20–39',
            ),
            { kind: 'statistics', series: 'cohortChange', ageBand: '20-39' },
            0,
          ),
          i(
            t(
              'Nettoinnflytting, alle aldre',
              'Nettoinnflytting, alle aldrar',
              'Net migration, all ages',
            ),
            { kind: 'statistics', series: 'netMigration', ageBand: null },
            0,
          ),
          i(
            t(
              'Flyttet hit innen 6 måneder etter ringedugnad',
              'Flytta hit innan 6 månader etter ringedugnad',
              'Moved here within 6 months of a calling day',
            ),
            { kind: 'campaign', measure: 'movedWithin6Months', campaignId: null },
            10,
          ),
        ],
      },
      {
        title: t('Flere nyetableringer', 'Fleire nyetableringar', 'More business start-ups'),
        indicators: [
          i(
            t(
              'Etablerte via «Start Her»',
              'Etablerte via «Start Her»',
              'Established via «Start Her»',
            ),
            { kind: 'count', measure: 'startups', mediaLevel: null },
            15,
          ),
        ],
      },
      {
        title: t(
          'Arbeidsgivere opplever god tilgang på kvalifisert arbeidskraft',
          'Arbeidsgivarar opplever god tilgang på kvalifisert arbeidskraft',
          'Employers report good access to qualified labour',
        ),
        indicators: [
          i(
            t(
              'God tilgang på arbeidskraft',
              'God tilgang på arbeidskraft',
              'Good access to labour',
            ),
            { kind: 'survey', survey: 'employer', question: 'labourAccess' },
            0.6,
          ),
        ],
      },
      {
        title: t(
          'Økt oppmerksomhet fra nasjonale aktører og samarbeidspartnere i regional utvikling',
          'Auka merksemd frå nasjonale aktørar og samarbeidspartnarar i regional utvikling',
          'More attention from national actors and partners in regional development',
        ),
        indicators: [
          i(
            t(
              'Omtaler i nasjonale medier',
              'Omtalar i nasjonale medium',
              'National media mentions',
            ),
            { kind: 'count', measure: 'mediaMentions', mediaLevel: 'national' },
            12,
          ),
          i(
            t('Besøk på nettsiden', 'Besøk på nettsida', 'Visits to the website'),
            { kind: 'siteVisits', measure: 'views' },
            20000,
          ),
        ],
      },
      {
        title: t(
          'Sterkere optimisme og tro på egen evne',
          'Sterkare optimisme og tru på eiga evne',
          'Stronger optimism and belief in the region’s own capacity',
        ),
        indicators: [
          i(
            t('Optimistiske innbyggere', 'Optimistiske innbyggjarar', 'Optimistic residents'),
            resident('optimism'),
            4,
          ),
        ],
      },
    ],
  };
}

async function seedGoalsDemo(db: Db, clock: Clock, regionId: string): Promise<void> {
  const year = clock.now().getUTCFullYear();
  await saveProgramme(db, clock, null, regionId, demoProgramme(year));
  for (const e of await repo.listMedia(db, regionId, { from: '0000-01-01', to: '9999-12-31' })) {
    await repo.deleteMedia(db, regionId, e.id);
  }
  const day = (monthsAgo: number) => {
    const d = new Date(clock.now());
    d.setUTCMonth(d.getUTCMonth() - monthsAgo);
    return d.toISOString().slice(0, 10);
  };
  const entries = [
    { monthsAgo: 1, outlet: 'NRK (demo)', level: 'national', tone: 'positive', reach: 250000 },
    {
      monthsAgo: 3,
      outlet: 'Østlendingen (demo)',
      level: 'regional',
      tone: 'positive',
      reach: 40000,
    },
    { monthsAgo: 5, outlet: 'Arbeidets Rett (demo)', level: 'local', tone: 'neutral', reach: 9000 },
  ] as const;
  for (const e of entries) {
    await addMediaEntry(db, clock, null, regionId, {
      publishedOn: day(e.monthsAgo),
      outlet: e.outlet,
      level: e.level,
      url: '',
      reach: e.reach,
      tone: e.tone,
      title: 'Ringedugnaden i Fjellregionen (demo)',
    });
  }
}

export const goalsDemoSeeder: DemoSeeder = { name: 'goals', seed: seedGoalsDemo };
