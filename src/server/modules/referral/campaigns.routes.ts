import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import {
  CampaignCreateSchema,
  CampaignIdParamsSchema,
  CampaignListSchema,
  CampaignPatchSchema,
  CampaignSchema,
  FrontImageUploadSchema,
} from '../../../contracts/referral.js';
import { requirePrincipal, scopeOf } from '../../plugins/access.js';
import {
  type Actor,
  createCampaign,
  getCampaign,
  getFrontImage,
  listCampaigns,
  setFrontImage,
  updateCampaign,
} from './campaigns.service.js';

export const LEADERS = ['admin', 'programme_leader'] as const;
export const STAFF = ['admin', 'programme_leader', 'host'] as const;

export const actorOf = (request: FastifyRequest): Actor => ({
  principal: requirePrincipal(request),
  ip: request.ip,
});

/** Campaigns in the office: programme leaders run their region's, admins any; hosts read. */
export async function campaignsRoutes(app: FastifyInstance) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const { db, clock } = app.deps;
  const tags = ['campaigns'];

  r.get(
    '/api/campaigns',
    { config: { access: STAFF }, schema: { tags, response: { 200: CampaignListSchema } } },
    async (request) => ({
      campaigns: await listCampaigns(db, scopeOf(requirePrincipal(request))),
    }),
  );

  r.post(
    '/api/campaigns',
    {
      config: { access: LEADERS },
      schema: { tags, body: CampaignCreateSchema, response: { 201: CampaignSchema } },
    },
    async (request, reply) =>
      reply.code(201).send(await createCampaign(db, clock, actorOf(request), request.body)),
  );

  r.get(
    '/api/campaigns/:campaignId',
    {
      config: { access: STAFF },
      schema: { tags, params: CampaignIdParamsSchema, response: { 200: CampaignSchema } },
    },
    async (request) =>
      getCampaign(db, scopeOf(requirePrincipal(request)), request.params.campaignId),
  );

  r.patch(
    '/api/campaigns/:campaignId',
    {
      config: { access: LEADERS },
      schema: {
        tags,
        params: CampaignIdParamsSchema,
        body: CampaignPatchSchema,
        response: { 200: CampaignSchema },
      },
    },
    async (request) =>
      updateCampaign(db, clock, actorOf(request), request.params.campaignId, request.body),
  );

  r.put(
    '/api/campaigns/:campaignId/front-image',
    {
      config: { access: LEADERS },
      // Base64 of a 2 MB image, with room for the JSON around it.
      bodyLimit: 3 * 1024 * 1024,
      schema: {
        tags,
        params: CampaignIdParamsSchema,
        body: FrontImageUploadSchema,
        response: { 200: CampaignSchema },
      },
    },
    async (request) =>
      setFrontImage(db, clock, actorOf(request), request.params.campaignId, request.body),
  );

  r.get(
    '/api/campaigns/:campaignId/front-image',
    { config: { access: STAFF }, schema: { tags, params: CampaignIdParamsSchema } },
    async (request, reply) => {
      const scope = scopeOf(requirePrincipal(request));
      const image = await getFrontImage(db, scope, request.params.campaignId);
      return reply.type(image.type).header('cache-control', 'private, no-cache').send(image.bytes);
    },
  );
}
