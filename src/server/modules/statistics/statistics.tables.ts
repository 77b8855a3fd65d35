import { FIGURE_KEYS } from '../../../contracts/statistics.js';
import { AppError } from '../../errors.js';

/** The figures Flytthit shows, named in code (one list, shared with the API contract). */
export const FIGURE_NAMES = FIGURE_KEYS;
export type FigureName = (typeof FIGURE_NAMES)[number];

/** Figures read straight from a contents code (movedIn is derived, see statistics.figures.ts). */
export type PublishedFigure = Exclude<FigureName, 'movedIn'>;

export interface ContentsDefinition {
  code: string;
  figure: PublishedFigure;
  /** 'stock' is a head count on a day; 'flow' a count of events over the period. */
  measure: 'stock' | 'flow';
  /** Labels SSB has used (nn, nb, en), for CSV files that carry labels instead of codes. */
  labels: string[];
}

export interface TableDefinition {
  id: string;
  title: string;
  periodPattern: RegExp;
  contents: ContentsDefinition[];
}

/**
 * Table 01222 (quarterly population change per municipality, 1997K4 onwards). Contents codes
 * and labels as observed in SSB's responses (shared data FORMATS.md §1.2). A file is checked
 * against this list, so a code SSB adds later is reported rather than silently dropped.
 */
export const TABLE_01222: TableDefinition = {
  id: '01222',
  title: 'Befolkning og kvartalsvise endringar, etter region, statistikkvariabel og kvartal',
  periodPattern: /^\d{4}K[1-4]$/,
  contents: [
    {
      code: 'Folketallet1',
      figure: 'popStart',
      measure: 'stock',
      labels: [
        'Folketalet ved inngangen av kvartalet',
        'Folketallet ved inngangen av kvartalet',
        'Population at the beginning of the quarter',
      ],
    },
    { code: 'Fodte2', figure: 'births', measure: 'flow', labels: ['Fødde', 'Fødte', 'Births'] },
    { code: 'Dode3', figure: 'deaths', measure: 'flow', labels: ['Døde', 'Deaths'] },
    {
      code: 'Fodselsoverskudd4',
      figure: 'naturalIncrease',
      measure: 'flow',
      labels: ['Fødselsoverskot', 'Fødselsoverskudd', 'Excess of births'],
    },
    {
      code: 'Innvandring5',
      figure: 'immigration',
      measure: 'flow',
      labels: ['Innvandring', 'Immigration'],
    },
    {
      code: 'Utvandring6',
      figure: 'emigration',
      measure: 'flow',
      labels: ['Utvandring', 'Emigration'],
    },
    {
      code: 'Tilflytting7',
      figure: 'domesticIn',
      measure: 'flow',
      labels: ['Innflytting, innalandsk', 'Innflytting, innenlandsk', 'In-migration, domestic'],
    },
    {
      code: 'Fraflytting8',
      figure: 'domesticOut',
      measure: 'flow',
      labels: [
        'Utflytting, innalandsk',
        'Utflytting, innenlandsk',
        'Emigration, domestic',
        'Out-migration, domestic',
      ],
    },
    {
      code: 'Nettoinnflytting9',
      figure: 'netMigration',
      measure: 'flow',
      labels: [
        'Nettoinnflytting, inkl. inn- og utvandring',
        'Net migration, immigration and emigration incl.',
      ],
    },
    {
      code: 'Folketilvekst10',
      figure: 'growth',
      measure: 'flow',
      labels: ['Folkevekst', 'Folketilvekst', 'Population growth'],
    },
    {
      code: 'Folketallet11',
      figure: 'popEnd',
      measure: 'stock',
      labels: [
        'Folketalet ved utgangen av kvartalet',
        'Folketallet ved utgangen av kvartalet',
        'Population at the end of the quarter',
      ],
    },
  ],
};

const TABLES: Record<string, TableDefinition> = { '01222': TABLE_01222 };

export const SUPPORTED_TABLES = Object.keys(TABLES);

export function getTableDefinition(id: string): TableDefinition {
  const table = TABLES[id];
  if (!table) {
    throw new AppError(
      'validation',
      `Table ${id} is not supported: Flytthit imports ${SUPPORTED_TABLES.join(', ')}.`,
      { details: [{ field: 'table', message: `Unknown table ${id}` }] },
    );
  }
  return table;
}

/** First day of an SSB period (2015K2 → 2015-04-01; 2015 → 2015-01-01), for validity checks. */
export function periodStart(period: string): string {
  const q = /^(\d{4})K([1-4])$/.exec(period);
  if (q) return `${q[1]}-${String((Number(q[2]) - 1) * 3 + 1).padStart(2, '0')}-01`;
  return `${period.slice(0, 4)}-01-01`;
}

/** The quarter after (2015K4 → 2016K1). */
export function nextQuarter(quarter: string): string {
  const year = Number(quarter.slice(0, 4));
  const q = Number(quarter.slice(5));
  return q === 4 ? `${year + 1}K1` : `${year}K${q + 1}`;
}

/** The quarter before (2016K1 → 2015K4). */
export function previousQuarter(quarter: string): string {
  const year = Number(quarter.slice(0, 4));
  const q = Number(quarter.slice(5));
  return q === 1 ? `${year - 1}K4` : `${year}K${q - 1}`;
}
