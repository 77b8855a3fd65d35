import { FIGURE_KEYS } from '../../../contracts/statistics.js';
import { AppError } from '../../errors.js';

/** The figures Flytthit shows, named in code (one list, shared with the API contract). */
export const FIGURE_NAMES = FIGURE_KEYS;
export type FigureName = (typeof FIGURE_NAMES)[number];

/** Figures read straight from a contents code (movedIn is derived, see statistics.figures.ts). */
export type PublishedFigure = Exclude<FigureName, 'movedIn'>;

export interface ContentsDefinition<F extends string = PublishedFigure> {
  code: string;
  figure: F;
  /** 'stock' is a head count on a day; 'flow' a count of events over the period. */
  measure: 'stock' | 'flow';
  /** Labels SSB has used (nn, nb, en), for CSV files that carry labels instead of codes. */
  labels: string[];
}

/**
 * A dimension besides region, contents and time (07459's Kjonn and Alder). Its cells are stored
 * under a key of all extra dimensions (`Kjonn=1;Alder=020`), in the order the table lists them.
 */
export interface ExtraDimension {
  id: string;
  /** CSV column headers SSB has used for it (nn, nb, en). */
  csvHeaders: RegExp;
  /** What a code looks like; a file with other codes is refused. */
  code: RegExp;
  /** A CSV cell that carries a label instead of a code ("20 år", "Kvinner") as its code. */
  fromLabel(label: string): string | null;
}

export interface TableDefinition<F extends string = PublishedFigure> {
  id: string;
  title: string;
  periodPattern: RegExp;
  contents: ContentsDefinition<F>[];
  /** Extra dimensions every file of the table must carry; none for 01222. */
  dimensions?: ExtraDimension[];
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

const SEX_LABELS: Record<string, string> = {
  menn: '1',
  mann: '1',
  males: '1',
  male: '1',
  kvinner: '2',
  kvinne: '2',
  females: '2',
  female: '2',
};

/** "20 år" → 020, "105 år eller eldre" → 105+, "20-24 år" → 020-024. */
function ageFromLabel(label: string): string | null {
  const pad = (n: string) => n.padStart(3, '0');
  const range = /^(\d{1,3})\s*-\s*(\d{1,3})\s*(år|years)?$/i.exec(label);
  if (range) return `${pad(range[1]!)}-${pad(range[2]!)}`;
  const open = /^(\d{1,3})\s*(\+|år eller eldre|år og eldre|years or older|years and over)$/i.exec(
    label,
  );
  if (open) return `${pad(open[1]!)}+`;
  const single = /^(\d{1,3})\s*(år|years?)?$/i.exec(label);
  return single ? pad(single[1]!) : null;
}

/**
 * Table 07459 (population 1 January by region, sex, age and year; FORMATS.md §6). Ages are
 * single years (`000` … `104`, `105+`) or, with codelist agg_FemAarigGruppering, ranges.
 */
export const TABLE_07459: TableDefinition<'persons'> = {
  id: '07459',
  title: 'Befolkning, etter region, kjønn, alder, statistikkvariabel og år',
  periodPattern: /^\d{4}$/,
  contents: [
    {
      code: 'Personer1',
      figure: 'persons',
      measure: 'stock',
      labels: ['Personar', 'Personer', 'Persons'],
    },
  ],
  dimensions: [
    {
      id: 'Kjonn',
      csvHeaders: /^(kjønn|kjonn|sex)$/i,
      code: /^[12]$/,
      fromLabel: (label) => SEX_LABELS[label.toLowerCase()] ?? null,
    },
    {
      id: 'Alder',
      csvHeaders: /^(alder|age)$/i,
      code: /^F?\d{3}(\+|-\d{3})?$/,
      fromLabel: ageFromLabel,
    },
  ],
};

const TABLES: Record<string, TableDefinition<string>> = {
  '01222': TABLE_01222,
  '07459': TABLE_07459,
};

export const SUPPORTED_TABLES = Object.keys(TABLES);

export function getTableDefinition(id: string): TableDefinition<string> {
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

/** The key a cell's extra dimensions are stored under: `Kjonn=1;Alder=020` ('' for none). */
export function dimsKey(table: TableDefinition<string>, codes: Record<string, string>): string {
  return (table.dimensions ?? []).map((d) => `${d.id}=${codes[d.id] ?? ''}`).join(';');
}

/** The codes of a stored key, back as a record. */
export function parseDimsKey(key: string): Record<string, string> {
  if (key === '') return {};
  return Object.fromEntries(key.split(';').map((part) => part.split('=', 2) as [string, string]));
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
