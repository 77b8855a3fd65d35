import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import {
  MunicipalityHostListSchema,
  MunicipalityHostParamsSchema,
  MunicipalityHostSaveSchema,
  MunicipalityHostSchema,
  SiteRegionQuerySchema,
} from '../../../contracts/site.js';
import { requirePrincipal } from '../../plugins/access.js';
import { actorOf } from '../referral/campaigns.routes.js';
import {
  listMunicipalityHosts,
  removeMunicipalityHost,
  saveMunicipalityHost,
} from './site.hosts.service.js';
import { regionOf } from './site.profile.service.js';

const LEADERS = ['admin', 'programme_leader'] as const;
const tags = ['site'];

/** The host contact per municipality, shown on the municipality's public page. */
export async function siteHostRoutes(app: FastifyInstance) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const { db, clock } = app.deps;
  const config = { access: LEADERS };

  r.get(
    '/api/site/municipality-hosts',
    {
      config,
      schema: {
        tags,
        querystring: SiteRegionQuerySchema,
        response: { 200: MunicipalityHostListSchema },
      },
    },
    async (request) => ({
      hosts: await listMunicipalityHosts(
        db,
        regionOf(requirePrincipal(request), request.query.region),
      ),
    }),
  );

  r.put(
    '/api/site/municipality-hosts/:code',
    {
      config,
      schema: {
        tags,
        params: MunicipalityHostParamsSchema,
        querystring: SiteRegionQuerySchema,
        body: MunicipalityHostSaveSchema,
        response: { 200: MunicipalityHostSchema },
      },
    },
    async (request) => {
      const actor = actorOf(request);
      const regionId = regionOf(actor.principal, request.query.region);
      return saveMunicipalityHost(db, clock, actor, regionId, request.params.code, request.body);
    },
  );

  r.delete(
    '/api/site/municipality-hosts/:code',
    {
      config,
      schema: { tags, params: MunicipalityHostParamsSchema, querystring: SiteRegionQuerySchema },
    },
    async (request, reply) => {
      const actor = actorOf(request);
      const regionId = regionOf(actor.principal, request.query.region);
      await removeMunicipalityHost(db, clock, actor, regionId, request.params.code);
      return reply.code(204).send();
    },
  );
}
