import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import {
  SiteColorSchema,
  SiteImageParamsSchema,
  SiteImageUploadSchema,
  SiteProfileSchema,
  SiteRegionQuerySchema,
  SiteVisitsQuerySchema,
  SiteVisitsSchema,
} from '../../../contracts/site.js';
import { requirePrincipal } from '../../plugins/access.js';
import { actorOf } from '../referral/campaigns.routes.js';
import {
  getSiteProfile,
  regionOf,
  removeSiteImage,
  setBrandColor,
  setSiteImage,
} from './site.profile.service.js';
import { visitsReport } from './site.visits.js';

const LEADERS = ['admin', 'programme_leader'] as const;
const tags = ['site'];

/** The office's side of the site: the region's visual profile and its visit counts. */
export async function siteProfileRoutes(app: FastifyInstance) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const { db, clock } = app.deps;
  const config = { access: LEADERS };

  r.get(
    '/api/site/profile',
    {
      config,
      schema: { tags, querystring: SiteRegionQuerySchema, response: { 200: SiteProfileSchema } },
    },
    async (request) =>
      getSiteProfile(db, regionOf(requirePrincipal(request), request.query.region)),
  );

  r.put(
    '/api/site/profile/color',
    {
      config,
      schema: {
        tags,
        querystring: SiteRegionQuerySchema,
        body: SiteColorSchema,
        response: { 200: SiteProfileSchema },
      },
    },
    async (request) => {
      const actor = actorOf(request);
      const regionId = regionOf(actor.principal, request.query.region);
      return setBrandColor(db, clock, actor, regionId, request.body.brandColor);
    },
  );

  r.put(
    '/api/site/profile/images/:kind',
    {
      config,
      // Base64 of a 1 MB image, with room for the JSON around it; the service checks per kind.
      bodyLimit: 3 * 1024 * 1024,
      schema: {
        tags,
        params: SiteImageParamsSchema,
        querystring: SiteRegionQuerySchema,
        body: SiteImageUploadSchema,
        response: { 200: SiteProfileSchema },
      },
    },
    async (request) => {
      const actor = actorOf(request);
      const regionId = regionOf(actor.principal, request.query.region);
      return setSiteImage(db, clock, actor, regionId, request.params.kind, request.body);
    },
  );

  r.delete(
    '/api/site/profile/images/:kind',
    {
      config,
      schema: {
        tags,
        params: SiteImageParamsSchema,
        querystring: SiteRegionQuerySchema,
        response: { 200: SiteProfileSchema },
      },
    },
    async (request) => {
      const actor = actorOf(request);
      const regionId = regionOf(actor.principal, request.query.region);
      return removeSiteImage(db, clock, actor, regionId, request.params.kind);
    },
  );

  r.get(
    '/api/site/visits',
    {
      config,
      schema: { tags, querystring: SiteVisitsQuerySchema, response: { 200: SiteVisitsSchema } },
    },
    async (request) => {
      const regionId = regionOf(requirePrincipal(request), request.query.region);
      const today = clock.now().toISOString().slice(0, 10);
      const to = request.query.to ?? today;
      // Default: this year so far, by month.
      const from = request.query.from ?? `${to.slice(0, 4)}-01-01`;
      // This process's views not yet written are part of the answer.
      await app.siteHooks.flushVisits();
      return visitsReport(db, { regionId, from, to });
    },
  );
}
