import type {
  JobAdSummary,
  JobMarket,
  JobSearchField,
  JobSearchQuery,
} from '../../../contracts/jobs.js';
import type { Region } from '../../../contracts/regions.js';
import type { Locale } from '../../i18n/locales.js';
import type { SiteAssets } from '../types.js';

/** What every job page is rendered from. */
export interface JobsPageInput {
  locale: Locale;
  /** The page's path without its language prefix, e.g. `/jobber`. */
  path: string;
  /** `https://host`, for canonical and alternate links and the JSON-LD. */
  origin: string;
  region: Region;
  assets: SiteAssets;
}

export interface GroupOption {
  code: string;
  name: string;
}

export interface SearchView {
  /** The query as typed (raw strings), so the form shows it back even when it is bad. */
  values: Partial<Record<JobSearchField, string>>;
  query: JobSearchQuery;
  occupations: GroupOption[];
  /** Null when the query was refused; `errors` then names the fields. */
  result: { total: number; page: number; pages: number; ads: JobAdSummary[] } | null;
  errors: JobSearchField[];
}

/** One ad as its page shows it. */
export interface AdView {
  id: string;
  title: string;
  employerName: string;
  employerOrgNumber: string | null;
  /** Stored sanitised HTML; the page passes it through safeDescriptionHtml once more. */
  descriptionHtml: string;
  occupation: string | null;
  occupationGroup: string | null;
  sector: string | null;
  extent: string | null;
  engagementType: string | null;
  applicationDueText: string | null;
  applicationDueDate: string | null;
  publishedAt: string;
  expiresAt: string | null;
  navLink: string;
  applicationUrl: string | null;
  workCity: string;
  postalCode: string | null;
  municipalityCode: string;
  municipalityName: string;
  countyName: string;
}

export type MarketView = JobMarket;
