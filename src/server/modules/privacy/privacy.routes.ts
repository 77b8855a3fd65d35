import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import {
  AccessExportBodySchema,
  DataMapSchema,
  ErasureBodySchema,
  ErasureResultSchema,
  PrivacyAlertListSchema,
  PrivacyRequestCreateSchema,
  PrivacyRequestListSchema,
  PrivacyRequestPatchSchema,
  PrivacyRequestSchema,
  RecordsQuerySchema,
  RequestIdParamsSchema,
  RetentionSchema,
  RetentionUpdateSchema,
} from '../../../contracts/privacy.js';
import { requirePrincipal } from '../../plugins/access.js';
import { privacyActorOf } from './actor.js';
import { listAlerts } from './alerts.service.js';
import { erasePerson, exportPerson, exportPersonPdf } from './privacy.service.js';
import { exportRecords, getDataMap } from './records.service.js';
import { createRequest, listRequests, setRequestStatus } from './requests.service.js';
import { listRetention, setRetention } from './retention.service.js';

const MANAGERS = ['admin', 'programme_leader'] as const;
const ADMINS = ['admin'] as const;

const actorOf = (request: FastifyRequest) => privacyActorOf(requirePrincipal(request), request.ip);

/**
 * Privacy operations for the region's data protection work: programme leaders for their
 * region, admins for all. Every action is audited by the services.
 */
export async function privacyRoutes(app: FastifyInstance) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const { db, clock } = app.deps;
  const tags = ['privacy'];
  const config = { access: MANAGERS };

  r.get(
    '/api/privacy/data-map',
    { config, schema: { tags, response: { 200: DataMapSchema } } },
    async () => getDataMap(),
  );

  const types = {
    pdf: 'application/pdf',
    xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  } as const;
  for (const format of ['pdf', 'xlsx'] as const) {
    r.get(
      `/api/privacy/records.${format}`,
      { config, schema: { tags, querystring: RecordsQuerySchema } },
      async (request, reply) => {
        const locale = request.query.lang ?? request.locale;
        const file = await exportRecords(db, clock, actorOf(request), format, locale);
        return reply
          .type(types[format])
          .header('content-disposition', `attachment; filename="records-of-processing.${format}"`)
          .send(file);
      },
    );
  }

  r.post(
    '/api/privacy/access-exports',
    { config, schema: { tags, body: AccessExportBodySchema } },
    async (request, reply) => {
      const { format, ...input } = request.body;
      const stamp = clock.now().toISOString().slice(0, 10);
      reply.header('cache-control', 'no-store');
      if (format === 'pdf') {
        const pdf = await exportPersonPdf(db, clock, actorOf(request), input, request.locale);
        return reply
          .type('application/pdf')
          .header('content-disposition', `attachment; filename="access-${stamp}.pdf"`)
          .send(pdf);
      }
      const data = await exportPerson(db, clock, actorOf(request), input);
      return reply
        .type('application/json; charset=utf-8')
        .header('content-disposition', `attachment; filename="access-${stamp}.json"`)
        .send(JSON.stringify(data, null, 2));
    },
  );

  r.post(
    '/api/privacy/erasures',
    { config, schema: { tags, body: ErasureBodySchema, response: { 200: ErasureResultSchema } } },
    async (request) => ({ counts: await erasePerson(db, clock, actorOf(request), request.body) }),
  );

  r.get(
    '/api/privacy/requests',
    { config, schema: { tags, response: { 200: PrivacyRequestListSchema } } },
    async (request) => listRequests(db, clock, actorOf(request)),
  );

  r.post(
    '/api/privacy/requests',
    {
      config,
      schema: { tags, body: PrivacyRequestCreateSchema, response: { 201: PrivacyRequestSchema } },
    },
    async (request, reply) =>
      reply.code(201).send(await createRequest(db, clock, actorOf(request), request.body)),
  );

  r.patch(
    '/api/privacy/requests/:id',
    {
      config,
      schema: {
        tags,
        params: RequestIdParamsSchema,
        body: PrivacyRequestPatchSchema,
        response: { 200: PrivacyRequestSchema },
      },
    },
    async (request) =>
      setRequestStatus(db, clock, actorOf(request), request.params.id, request.body.status),
  );

  r.get(
    '/api/privacy/retention',
    { config, schema: { tags, response: { 200: RetentionSchema } } },
    async () => ({ periods: await listRetention(db, clock) }),
  );

  r.put(
    '/api/privacy/retention',
    {
      config: { access: ADMINS },
      schema: { tags, body: RetentionUpdateSchema, response: { 200: RetentionSchema } },
    },
    async (request) => {
      const actor = actorOf(request);
      const periods = await setRetention(
        db,
        clock,
        { userId: actor.userId!, label: actor.label, ip: actor.ip },
        request.body.periods,
      );
      return { periods };
    },
  );

  r.get(
    '/api/privacy/alerts',
    { config, schema: { tags, response: { 200: PrivacyAlertListSchema } } },
    async (request) => listAlerts(db, clock, actorOf(request)),
  );
}
