import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { CallableListSchema, MunicipalityQuerySchema } from '../../../contracts/caller-links.js';
import { CampaignIdParamsSchema } from '../../../contracts/referral.js';
import { requirePrincipal } from '../../plugins/access.js';
import { callSheetPdf, listCallable } from './call-sheets.service.js';
import type { Actor } from './caller-links.service.js';

const STAFF = ['admin', 'programme_leader', 'host'] as const;

const actorOf = (request: FastifyRequest): Actor => ({
  principal: requirePrincipal(request),
  ip: request.ip,
});

/** The paper fallback: call sheets to print, and who is still callable for the entry screen. */
export async function callSheetsRoutes(app: FastifyInstance) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const { db, clock } = app.deps;
  const tags = ['calling'];

  r.get(
    '/api/campaigns/:campaignId/callable',
    {
      config: { access: STAFF },
      schema: {
        tags,
        params: CampaignIdParamsSchema,
        querystring: MunicipalityQuerySchema,
        response: { 200: CallableListSchema },
      },
    },
    async (request) =>
      listCallable(
        db,
        clock,
        actorOf(request),
        request.params.campaignId,
        request.query.municipality,
      ),
  );

  r.get(
    '/api/campaigns/:campaignId/call-sheets.pdf',
    {
      config: { access: STAFF },
      schema: { tags, params: CampaignIdParamsSchema, querystring: MunicipalityQuerySchema },
    },
    async (request, reply) => {
      const { campaignId } = request.params;
      const { municipality } = request.query;
      const pdf = await callSheetPdf(
        db,
        clock,
        actorOf(request),
        campaignId,
        municipality,
        request.locale,
      );
      return reply
        .type('application/pdf')
        .header('cache-control', 'no-store')
        .header(
          'content-disposition',
          `attachment; filename="call-sheet-${municipality ?? ''}-${campaignId}.pdf"`,
        )
        .send(pdf);
    },
  );
}
