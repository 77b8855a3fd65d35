import { createHash } from 'node:crypto';
import {
  type JobSearchField,
  type JobSearchQuery,
  JobSearchQuerySchema,
} from '../../../../contracts/jobs.js';
import type { Region } from '../../../../contracts/regions.js';
import type { Locale } from '../../../../web/i18n/locales.js';
import { AdPage } from '../../../../web/site/jobs/ad-page.js';
import { jobPostingJsonLd } from '../../../../web/site/jobs/json-ld.js';
import { MarketPage } from '../../../../web/site/jobs/market-page.js';
import { renderJobsDocument } from '../../../../web/site/jobs/render.js';
import { SearchPage } from '../../../../web/site/jobs/search-page.js';
import { jobsTranslator } from '../../../../web/site/jobs/text.js';
import type { AdView, JobsPageInput, SearchView } from '../../../../web/site/jobs/types.js';
import { localePath } from '../../../../web/site/text.js';
import type { Db } from '../../../db/database.js';
import type { Clock } from '../../../deps.js';
import { AppError, notFound } from '../../../errors.js';
import { findSiteRegion } from '../../regions/regions.service.js';
import { TtlCache } from '../../site/site.cache.js';
import { siteAssetsOf } from '../../site/site.page-assets.js';
import { getMarket } from '../map/market.service.js';
import { renderAtom } from './atom.js';
import { getAd, latestAds, searchAds } from './search.service.js';
import { STYRK_MAJOR_GROUPS, styrkName } from './styrk08.js';

export interface JobsTarget {
  host: string;
  origin: string;
  locale: Locale;
}

export interface RenderedJobsPage {
  status: number;
  body: string;
  etag: string;
}

const SEARCH_FIELDS: readonly JobSearchField[] = [
  'q',
  'municipality',
  'occupation',
  'sector',
  'extent',
  'deadline',
  'sort',
  'page',
];

const etagOf = (body: string) =>
  `"${createHash('sha256').update(body).digest('base64url').slice(0, 22)}"`;
const done = (body: string, status = 200): RenderedJobsPage => ({
  status,
  body,
  etag: etagOf(body),
});

/** The query string's known fields as typed, so the form can show them back. */
function rawValues(raw: Record<string, unknown>): SearchView['values'] {
  const values: SearchView['values'] = {};
  for (const f of SEARCH_FIELDS) {
    const v = raw[f];
    const s = Array.isArray(v) ? v[0] : v;
    if (typeof s === 'string' && s !== '') values[f] = s.slice(0, 200);
  }
  return values;
}

/** Bad query fields, named: the schema's findings, then the region's (occupation, municipality). */
function fieldsOf(error: unknown): JobSearchField[] {
  if (!(error instanceof AppError) || error.code !== 'validation') throw error;
  const details = Array.isArray(error.details) ? error.details : [];
  return details.map((d) => d.field as JobSearchField);
}

/**
 * The public job pages: search, an ad, the labour-market map and the Atom feed, rendered on
 * the server for the region the host names. Reads only.
 */
export function createJobPages(options: {
  db: Db;
  clock: Clock;
  defaultRegion: string | undefined;
}) {
  const { db, clock } = options;
  const regions = new TtlCache<Region | undefined>(clock, 5_000, 200);

  async function regionFor(host: string): Promise<Region> {
    const region = await regions.get(host, () => findSiteRegion(db, host, options.defaultRegion));
    if (!region) throw notFound('The region');
    return region;
  }

  const inputOf = async (
    target: JobsTarget,
    region: Region,
    path: string,
  ): Promise<JobsPageInput> => ({
    locale: target.locale,
    path,
    origin: target.origin,
    region,
    assets: await siteAssetsOf(db, region),
  });

  return {
    regionFor,

    /** The search page; a bad query gives the page with status 400 naming each bad field. */
    async search(target: JobsTarget, raw: Record<string, unknown>): Promise<RenderedJobsPage> {
      const region = await regionFor(target.host);
      const t = jobsTranslator(target.locale);
      const values = rawValues(raw);
      const occupations = STYRK_MAJOR_GROUPS.map((g) => ({ code: g.code, name: g[target.locale] }));
      const parsed = JobSearchQuerySchema.safeParse(raw);
      let query: JobSearchQuery = {};
      let errors: JobSearchField[] = [];
      let result: SearchView['result'] = null;
      if (!parsed.success) {
        errors = [...new Set(parsed.error.issues.map((i) => String(i.path[0]) as JobSearchField))];
      } else {
        query = parsed.data;
        try {
          result = await searchAds(db, clock, region, query);
        } catch (error) {
          errors = fieldsOf(error);
        }
      }
      const view: SearchView = { values, query, occupations, result, errors };
      const filtered = Object.keys(values).length > 0;
      const body = renderJobsDocument(await inputOf(target, region, '/jobber'), {
        title: t('search.title'),
        noindex: filtered || errors.length > 0,
        feed: {
          href: localePath(target.locale, '/jobber/atom.xml'),
          title: t('atom.title', { region: region.name }),
        },
        body: (props) => SearchPage({ ...props, view }),
      });
      return done(body, errors.length > 0 ? 400 : 200);
    },

    /** An ad's page with its JobPosting; not_found (the 404 page) once the ad is gone. */
    async ad(target: JobsTarget, id: string): Promise<RenderedJobsPage> {
      const region = await regionFor(target.host);
      const row = await getAd(db, clock, region, id);
      const municipality = region.municipalities.find((m) => m.code === row.municipalityCode);
      const ad: AdView = {
        ...row,
        occupation:
          row.occupationLevel2 ??
          (row.styrkCode ? (styrkName(row.styrkCode.slice(0, 2), target.locale) ?? null) : null),
        occupationGroup: row.styrkCode?.[0] ?? null,
        municipalityName: municipality?.name ?? row.workCity,
        countyName: municipality?.countyName ?? '',
      };
      const path = `/jobber/${row.id}`;
      const input = await inputOf(target, region, path);
      const body = renderJobsDocument(input, {
        title: row.title,
        jsonLd: jobPostingJsonLd(ad, target.origin + localePath(target.locale, path)),
        body: (props) => AdPage({ ...props, ad }),
      });
      return done(body);
    },

    async market(target: JobsTarget): Promise<RenderedJobsPage> {
      const region = await regionFor(target.host);
      const market = await getMarket(db, clock, region, target.locale);
      const t = jobsTranslator(target.locale);
      const body = renderJobsDocument(await inputOf(target, region, '/arbeidsmarked'), {
        title: t('market.title', { region: region.name }),
        body: (props) => MarketPage({ ...props, market }),
      });
      return done(body);
    },

    async atom(target: JobsTarget): Promise<RenderedJobsPage> {
      const region = await regionFor(target.host);
      const ads = await latestAds(db, clock, region);
      return done(renderAtom(target.origin, target.locale, region, ads, clock.now()));
    },
  };
}

export type JobPages = ReturnType<typeof createJobPages>;
