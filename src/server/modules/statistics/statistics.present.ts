import type { Summary } from '../../../contracts/statistics.js';
import { translator } from '../../../web/i18n/catalogue.js';
import type { Locale } from '../../../web/i18n/locales.js';
import type { FigureSet } from './statistics.figures.js';
import type { ImportRecord } from './statistics.import.js';
import type { QuarterSummary } from './statistics.service.js';
import { FIGURE_NAMES, type FigureName } from './statistics.tables.js';

type Figures = Summary['figures'];
type Symbols = Summary['symbols'];

/** A figure set as the contract shows it: numbers, and the symbol for each missing one. */
export function presentFigures(set: FigureSet): { figures: Figures; symbols: Symbols } {
  const figures = {} as Figures;
  const symbols: Symbols = {};
  for (const name of FIGURE_NAMES) {
    const cell = set[name];
    figures[name] = cell.value;
    if (cell.value === null) symbols[name] = cell.status ?? 'none';
  }
  return { figures, symbols };
}

/** The definitions shown beside the figures, in the reader's language. */
export function definitions(locale: Locale): Record<string, string> {
  const t = translator(locale, 'statistics');
  return {
    movedIn: t('definitions.movedIn'),
    netMigration: t('definitions.netMigration'),
    growth: t('definitions.growth'),
    reforms: t('definitions.reforms'),
  };
}

export const credit = (locale: Locale) => translator(locale, 'statistics')('credit');

export const figureLabel = (locale: Locale, name: FigureName) =>
  translator(locale, 'statistics')(`figures.${name}`);

export function presentProvenance(p: ImportRecord | null): Summary['provenance'] {
  return p
    ? {
        tableId: p.tableId,
        source: p.source,
        ssbUpdated: p.ssbUpdated,
        fetchedAt: p.fetchedAt,
        importedAt: p.importedAt,
        cellCount: p.cellCount,
      }
    : null;
}

export function presentSummary(s: QuarterSummary): Summary {
  return {
    region: s.region,
    table: s.tableId,
    quarter: s.quarter,
    lang: s.locale,
    text: s.text,
    ...presentFigures(s.figures),
    municipalities: s.municipalities.map((m) => ({
      code: m.code,
      name: m.name,
      ...presentFigures(m.figures),
      earlierNumbers: m.history,
      splitFrom: m.splits,
    })),
    largestNetInMigration: s.largestNetInMigration,
    definitions: definitions(s.locale),
    credit: credit(s.locale),
    provenance: presentProvenance(s.provenance),
  };
}
