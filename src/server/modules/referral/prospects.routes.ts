import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { CampaignIdParamsSchema } from '../../../contracts/referral.js';
import {
  DuplicateProposalListSchema,
  MergeInputSchema,
  MergeResultSchema,
  OkSchema,
  ProposalIdParamsSchema,
  ProspectDetailSchema,
  ProspectIdParamsSchema,
  ProspectListSchema,
  ProspectPatchSchema,
} from '../../../contracts/referral-office.js';
import { actorOf, STAFF } from './campaigns.routes.js';
import { keepApart, listProposals, mergeProposal } from './duplicates.service.js';
import { editProspect } from './prospect-edit.service.js';
import { eraseProspect, getProspect, listProspects, releaseProspect } from './prospects.service.js';

/**
 * Prospects and duplicate proposals: hosts for their municipalities, programme leaders for
 * the region, admins for all. Another municipality's prospect answers 404.
 */
export async function prospectsRoutes(app: FastifyInstance) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const { db, clock } = app.deps;
  const tags = ['prospects'];
  const config = { access: STAFF };

  for (const held of [false, true]) {
    r.get(
      held ? '/api/campaigns/:campaignId/prospects/held' : '/api/campaigns/:campaignId/prospects',
      {
        config,
        schema: { tags, params: CampaignIdParamsSchema, response: { 200: ProspectListSchema } },
      },
      async (request) => ({
        prospects: await listProspects(
          db,
          clock,
          actorOf(request),
          request.params.campaignId,
          held,
        ),
        held,
      }),
    );
  }

  r.get(
    '/api/prospects/:id',
    {
      config,
      schema: { tags, params: ProspectIdParamsSchema, response: { 200: ProspectDetailSchema } },
    },
    async (request) => getProspect(db, clock, actorOf(request), request.params.id),
  );

  r.patch(
    '/api/prospects/:id',
    {
      config,
      schema: {
        tags,
        params: ProspectIdParamsSchema,
        body: ProspectPatchSchema,
        response: { 200: ProspectDetailSchema },
      },
    },
    async (request) => editProspect(db, clock, actorOf(request), request.params.id, request.body),
  );

  r.post(
    '/api/prospects/:id/release',
    {
      config,
      schema: { tags, params: ProspectIdParamsSchema, response: { 200: ProspectDetailSchema } },
    },
    async (request) => releaseProspect(db, clock, actorOf(request), request.params.id),
  );

  r.delete(
    '/api/prospects/:id',
    { config, schema: { tags, params: ProspectIdParamsSchema } },
    async (request, reply) => {
      await eraseProspect(db, clock, actorOf(request), request.params.id);
      return reply.code(204).send();
    },
  );

  r.get(
    '/api/campaigns/:campaignId/duplicates',
    {
      config,
      schema: {
        tags,
        params: CampaignIdParamsSchema,
        response: { 200: DuplicateProposalListSchema },
      },
    },
    async (request) => ({
      proposals: await listProposals(db, clock, actorOf(request), request.params.campaignId),
    }),
  );

  r.post(
    '/api/duplicates/:id/merge',
    {
      config,
      schema: {
        tags,
        params: ProposalIdParamsSchema,
        body: MergeInputSchema,
        response: { 200: MergeResultSchema },
      },
    },
    async (request) => ({
      prospect: await mergeProposal(
        db,
        clock,
        actorOf(request),
        request.params.id,
        request.body.keepId,
      ),
    }),
  );

  r.post(
    '/api/duplicates/:id/keep-apart',
    { config, schema: { tags, params: ProposalIdParamsSchema, response: { 200: OkSchema } } },
    async (request) => {
      await keepApart(db, clock, actorOf(request), request.params.id);
      return { ok: true as const };
    },
  );
}
