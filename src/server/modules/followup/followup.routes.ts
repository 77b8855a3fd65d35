import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import {
  FollowUpTaskSchema,
  FunnelSchema,
  MovedInInputSchema,
  PipelineProspectSchema,
  PipelineSchema,
  SettledInputSchema,
  TaskCreateSchema,
  TaskIdParamsSchema,
  TaskListQuerySchema,
  TaskListSchema,
  TaskPatchSchema,
  VisitingInputSchema,
} from '../../../contracts/followup.js';
import { CampaignIdParamsSchema } from '../../../contracts/referral.js';
import { ProspectIdParamsSchema } from '../../../contracts/referral-office.js';
import { actorOf, STAFF } from '../referral/campaigns.routes.js';
import { funnelCsv, funnelXlsx } from './funnel.export.js';
import { exportFunnel, getFunnel } from './funnel.service.js';
import { changePipeline, getPipeline } from './pipeline.service.js';
import { createTask, listTasks, updateTask } from './tasks.service.js';

/**
 * Follow-up and conversion, for staff in their scope (hosts: their municipalities): tasks,
 * the pipeline and its steps (each with an undo), and the funnel with its downloads.
 */
export async function followupRoutes(app: FastifyInstance) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const { db, clock } = app.deps;
  const config = { access: STAFF };

  r.get(
    '/api/follow-up-tasks',
    {
      config,
      schema: {
        tags: ['follow-up'],
        querystring: TaskListQuerySchema,
        response: { 200: TaskListSchema },
      },
    },
    async (request) => listTasks(db, clock, actorOf(request), request.query),
  );

  r.post(
    '/api/follow-up-tasks',
    {
      config,
      schema: {
        tags: ['follow-up'],
        body: TaskCreateSchema,
        response: { 201: FollowUpTaskSchema },
      },
    },
    async (request, reply) =>
      reply.code(201).send(await createTask(db, clock, actorOf(request), request.body)),
  );

  r.patch(
    '/api/follow-up-tasks/:id',
    {
      config,
      schema: {
        tags: ['follow-up'],
        summary: 'Assign, note, close (done or cancelled) or reopen a task',
        params: TaskIdParamsSchema,
        body: TaskPatchSchema,
        response: { 200: FollowUpTaskSchema },
      },
    },
    async (request) => updateTask(db, clock, actorOf(request), request.params.id, request.body),
  );

  r.get(
    '/api/campaigns/:campaignId/pipeline',
    {
      config,
      schema: {
        tags: ['pipeline'],
        params: CampaignIdParamsSchema,
        response: { 200: PipelineSchema },
      },
    },
    async (request) => getPipeline(db, clock, actorOf(request), request.params.campaignId),
  );

  const steps = [
    { step: 'visiting', body: VisitingInputSchema },
    { step: 'moved-in', body: MovedInInputSchema },
    { step: 'settled', body: SettledInputSchema },
  ] as const;
  for (const { step, body } of steps) {
    r.post(
      `/api/prospects/:id/${step}`,
      {
        config,
        schema: {
          tags: ['pipeline'],
          summary: `Record the prospect's step "${step}" (again: changes it)`,
          params: ProspectIdParamsSchema,
          body,
          response: { 200: PipelineProspectSchema },
        },
      },
      async (request) => {
        const input = request.body as Record<string, string | undefined>;
        const change =
          step === 'moved-in'
            ? { step, input: { on: input.on!, municipalityCode: input.municipalityCode! } }
            : step === 'visiting'
              ? { step, on: input.on! }
              : { step, on: input.on };
        return changePipeline(db, clock, actorOf(request), request.params.id, change);
      },
    );
    r.delete(
      `/api/prospects/:id/${step}`,
      {
        config,
        schema: {
          tags: ['pipeline'],
          summary: `Undo the prospect's step "${step}"`,
          params: ProspectIdParamsSchema,
          response: { 200: PipelineProspectSchema },
        },
      },
      async (request) =>
        changePipeline(db, clock, actorOf(request), request.params.id, { step, undo: true }),
    );
  }

  r.get(
    '/api/campaigns/:campaignId/funnel',
    {
      config,
      schema: { tags: ['funnel'], params: CampaignIdParamsSchema, response: { 200: FunnelSchema } },
    },
    async (request) => getFunnel(db, actorOf(request), request.params.campaignId),
  );

  const downloads = {
    csv: { type: 'text/csv; charset=utf-8', render: funnelCsv },
    xlsx: {
      type: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
      render: funnelXlsx,
    },
  } as const;
  for (const [format, download] of Object.entries(downloads)) {
    r.get(
      `/api/campaigns/:campaignId/funnel.${format}`,
      { config, schema: { tags: ['funnel'], params: CampaignIdParamsSchema } },
      async (request, reply) => {
        const { campaignId } = request.params;
        const funnel = await exportFunnel(
          db,
          clock,
          actorOf(request),
          campaignId,
          format as 'csv' | 'xlsx',
        );
        return reply
          .type(download.type)
          .header('content-disposition', `attachment; filename="funnel-${campaignId}.${format}"`)
          .header('cache-control', 'private, no-store')
          .send(await download.render(funnel, request.locale));
      },
    );
  }
}
