import type { Municipality, Region } from '../../contracts/regions.js';
import type { AgeStatistics, Series, Summary } from '../../contracts/statistics.js';
import type { Locale } from '../i18n/locales.js';
import type { PublicEvent } from './events/types.js';
import type { Translate } from './text.js';

/** Stylesheet URLs of the site: the hashed bundle, and the region's colour sheet. */
export interface SiteAssets {
  css: string;
  regionCss: string | undefined;
  /** The region's visual profile (site module): hashed image URLs on this origin, if set. */
  logo?: string | undefined;
  favicon?: string | undefined;
  /** The social preview image: the region's own, or the default in its colour. */
  socialImage?: string | undefined;
}

export type SitePage =
  | { kind: 'front' }
  | { kind: 'municipality'; municipality: Municipality; about: MunicipalityAbout }
  | { kind: 'accessibility' }
  | { kind: 'statistics'; statistics: StatisticsView | null }
  | { kind: 'error'; status: number };

/** A municipality page's own text and live facts besides the register's. */
export interface MunicipalityAbout {
  /** The editors' text (content module), safe HTML, and the language it is in. */
  text: { title: string; html: string; lang: Locale } | null;
  /** The latest quarter's population at its end and net migration (SSB 01222). */
  facts: { quarter: string; population: number | null; netMigration: number | null } | null;
  /** The newcomer host's contact, if the office has set one. */
  host: { name: string; email: string | null; phone: string | null } | null;
}

/** What every page is rendered from. */
export interface RenderInput {
  locale: Locale;
  /** The page's path without its language prefix, e.g. `/kommune/tynset`. */
  path: string;
  /** `https://host` the page was asked for, for absolute alternate links. */
  origin: string;
  /** Null only when no region could be found (an error page with the database down). */
  region: Region | null;
  assets: SiteAssets;
  page: SitePage;
  /** Active vacancies (jobs module), for the front and municipality pages; absent elsewhere. */
  jobs?: { total: number; byMunicipality: Record<string, number> } | undefined;
  /** The next events (events module), for the front and municipality pages; absent elsewhere. */
  events?: PublicEvent[] | undefined;
}

export interface PageProps {
  input: RenderInput;
  t: Translate;
  regionName: string;
}

/** The statistics page's figures; null on the page when nothing has been imported. */
export interface StatisticsView {
  /** Quarters with figures for the region, oldest first. */
  quarters: string[];
  /** The quarter shown: the one asked for, or the latest. */
  quarter: string;
  /** Null when the quarter asked for has no figures. */
  summary: Summary | null;
  series: Series;
  /** Population by age (07459); null when nothing of it is imported for the region. */
  age: AgeStatistics | null;
}
