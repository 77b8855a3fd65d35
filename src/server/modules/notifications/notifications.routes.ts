import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import {
  OutboxIdParamsSchema,
  OutboxListQuerySchema,
  OutboxListSchema,
  OutboxMessageSchema,
} from '../../../contracts/notifications.js';
import { requirePrincipal } from '../../plugins/access.js';
import { getOutboxMessage, listOutbox, type OutboxReader } from './notifications.service.js';

function readerOf(request: FastifyRequest): OutboxReader {
  const principal = requirePrincipal(request);
  return { userId: principal.userId, email: principal.email, ip: request.ip };
}

/** The email outbox, for administrators: what was sent, what is waiting, what failed or is held. */
export async function notificationsRoutes(app: FastifyInstance) {
  const r = app.withTypeProvider<ZodTypeProvider>();

  r.get(
    '/api/outbox',
    {
      config: { access: ['admin'] },
      schema: {
        tags: ['notifications'],
        querystring: OutboxListQuerySchema,
        response: { 200: OutboxListSchema },
      },
    },
    async (request) => listOutbox(app.deps.db, app.deps.clock, readerOf(request), request.query),
  );

  r.get(
    '/api/outbox/:id',
    {
      config: { access: ['admin'] },
      schema: {
        tags: ['notifications'],
        params: OutboxIdParamsSchema,
        response: { 200: OutboxMessageSchema },
      },
    },
    async (request) =>
      getOutboxMessage(app.deps.db, app.deps.clock, readerOf(request), request.params.id),
  );
}
