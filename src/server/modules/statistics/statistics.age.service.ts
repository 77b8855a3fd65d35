import {
  AGE_GROUP_KEYS,
  type AgeStatistics,
  type AgeYear,
  YOUNGER_ADULTS,
} from '../../../contracts/statistics.js';
import { translator } from '../../../web/i18n/catalogue.js';
import type { Locale } from '../../../web/i18n/locales.js';
import type { Db } from '../../db/database.js';
import {
  AGE_GROUPS,
  type AgeYearCells,
  ageIndex,
  ageYears,
  municipalityAgeCounts,
  sumAgeCounts,
} from './statistics.age.js';
import type { FigureCell } from './statistics.figures.js';
import { listImports } from './statistics.import.js';
import { credit, presentProvenance } from './statistics.present.js';
import * as repo from './statistics.repo.js';
import { regionContext } from './statistics.service.js';
import { TABLE_07459 } from './statistics.tables.js';

type Values = AgeYear['population'];
type Symbols = AgeYear['populationSymbols'];

function present(cells: Record<(typeof AGE_GROUP_KEYS)[number], FigureCell>): {
  values: Values;
  symbols: Symbols;
} {
  const values = {} as Values;
  const symbols: Symbols = {};
  for (const key of AGE_GROUP_KEYS) {
    values[key] = cells[key].value;
    if (cells[key].value === null) symbols[key] = cells[key].status ?? 'none';
  }
  return { values, symbols };
}

function presentYear(y: AgeYearCells): AgeYear {
  const population = present(y.population);
  const cohort = present(y.cohortChange);
  return {
    year: y.year,
    population: population.values,
    populationSymbols: population.symbols,
    cohortChange: cohort.values,
    cohortChangeSymbols: cohort.symbols,
  };
}

/** The definitions shown beside the age figures, in the reader's language. */
export function ageDefinitions(locale: Locale): Record<string, string> {
  const t = translator(locale, 'statistics');
  return {
    population: t('age.definitions.population'),
    cohortChange: t('age.definitions.cohortChange'),
    youngerAdults: t('age.definitions.youngerAdults'),
    reforms: t('definitions.reforms'),
  };
}

/**
 * Population by age group per year (1 January, SSB table 07459) for a region and its members,
 * with the change in each cohort from the year before. Empty lists when nothing is imported.
 */
export async function getAgeStatistics(
  db: Db,
  slug: string,
  locale: Locale,
): Promise<AgeStatistics> {
  const ctx = await regionContext(db, slug);
  const index = ageIndex(await repo.findDimObservations(db, TABLE_07459.id, ctx.codes));
  const members = ctx.region.municipalities.map((m) => ({
    code: m.code,
    name: m.name,
    counts: municipalityAgeCounts(ctx.lineages.get(m.code)!, index),
  }));
  const region = sumAgeCounts(members.map((m) => m.counts));
  const [provenance] = await listImports(db, TABLE_07459.id, 1);
  return {
    region: { slug: ctx.region.slug, name: ctx.region.name },
    table: TABLE_07459.id,
    groups: AGE_GROUPS.map(({ key, from, to }) => ({ key, from, to })),
    youngerAdults: YOUNGER_ADULTS,
    regionYears: ageYears(region).map(presentYear),
    municipalities: members.map((m) => ({
      code: m.code,
      name: m.name,
      years: ageYears(m.counts).map(presentYear),
    })),
    definitions: ageDefinitions(locale),
    credit: credit(locale),
    provenance: presentProvenance(provenance ?? null),
  };
}
