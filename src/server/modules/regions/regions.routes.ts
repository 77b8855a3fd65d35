import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import {
  RegionListSchema,
  RegionSchema,
  RegionSlugParamsSchema,
} from '../../../contracts/regions.js';
import { requirePrincipal, scopeOf } from '../../plugins/access.js';
import { getRegionBySlug, listRegions } from './regions.service.js';

export async function regionsRoutes(app: FastifyInstance) {
  const r = app.withTypeProvider<ZodTypeProvider>();

  r.get(
    '/api/regions',
    {
      config: { access: 'authenticated' },
      schema: { tags: ['regions'], response: { 200: RegionListSchema } },
    },
    async (request) => ({
      regions: await listRegions(app.deps.db, scopeOf(requirePrincipal(request))),
    }),
  );

  // A region and its municipalities are public facts (the site shows them).
  r.get(
    '/api/public/regions/:slug',
    {
      config: { access: 'public' },
      schema: {
        tags: ['regions'],
        params: RegionSlugParamsSchema,
        response: { 200: RegionSchema },
      },
    },
    async (request) => getRegionBySlug(app.deps.db, request.params.slug),
  );
}
