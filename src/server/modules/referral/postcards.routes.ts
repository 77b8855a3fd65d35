import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { CampaignIdParamsSchema } from '../../../contracts/referral.js';
import {
  BatchIdParamsSchema,
  PostcardBatchListSchema,
  PostcardBatchSchema,
} from '../../../contracts/referral-office.js';
import { actorOf, LEADERS } from './campaigns.routes.js';
import {
  createBatch,
  listBatches,
  markBatchSent,
  openBatchCsv,
  openBatchPdf,
} from './postcards.service.js';

/** Postcard batches: made, printed and marked sent by the region's programme leader. */
export async function postcardsRoutes(app: FastifyInstance) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const { db, clock, config } = app.deps;
  const tags = ['postcards'];
  const access = { access: LEADERS };

  r.post(
    '/api/campaigns/:campaignId/postcard-batches',
    {
      config: access,
      schema: { tags, params: CampaignIdParamsSchema, response: { 201: PostcardBatchSchema } },
    },
    async (request, reply) =>
      reply
        .code(201)
        .send(await createBatch(db, clock, actorOf(request), request.params.campaignId)),
  );

  r.get(
    '/api/campaigns/:campaignId/postcard-batches',
    {
      config: access,
      schema: { tags, params: CampaignIdParamsSchema, response: { 200: PostcardBatchListSchema } },
    },
    async (request) => ({
      batches: await listBatches(db, actorOf(request), request.params.campaignId),
    }),
  );

  r.post(
    '/api/postcard-batches/:id/sent',
    {
      config: access,
      schema: { tags, params: BatchIdParamsSchema, response: { 200: PostcardBatchSchema } },
    },
    async (request) => markBatchSent(db, clock, actorOf(request), request.params.id),
  );

  r.get(
    '/api/postcard-batches/:id/postcards.pdf',
    { config: access, schema: { tags, params: BatchIdParamsSchema } },
    async (request, reply) => {
      const pdf = await openBatchPdf(
        db,
        clock,
        actorOf(request),
        request.params.id,
        config.publicUrl,
      );
      return reply
        .type('application/pdf')
        .header('content-disposition', `attachment; filename="postcards-${request.params.id}.pdf"`)
        .send(pdf);
    },
  );

  r.get(
    '/api/postcard-batches/:id/postcards.csv',
    { config: access, schema: { tags, params: BatchIdParamsSchema } },
    async (request, reply) => {
      const csv = await openBatchCsv(db, clock, actorOf(request), request.params.id);
      return reply
        .type('text/csv; charset=utf-8')
        .header('content-disposition', `attachment; filename="postcards-${request.params.id}.csv"`)
        .send(csv);
    },
  );
}
