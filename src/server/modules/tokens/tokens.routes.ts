import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import {
  ApiTokenIdParamsSchema,
  ApiTokenListSchema,
  CreateApiTokenBodySchema,
  CreatedApiTokenSchema,
} from '../../../contracts/tokens.js';
import { requirePrincipal } from '../../plugins/access.js';
import { createApiToken, listApiTokens, revokeApiToken } from './tokens.service.js';

/** Personal API tokens: every signed-in user manages their own. */
export async function tokensRoutes(app: FastifyInstance) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const { db, clock } = app.deps;

  r.get(
    '/api/tokens',
    {
      config: { access: 'authenticated' },
      schema: { tags: ['tokens'], response: { 200: ApiTokenListSchema } },
    },
    async (request) => ({ tokens: await listApiTokens(db, requirePrincipal(request).userId) }),
  );

  r.post(
    '/api/tokens',
    {
      config: { access: 'authenticated' },
      schema: {
        tags: ['tokens'],
        body: CreateApiTokenBodySchema,
        response: { 201: CreatedApiTokenSchema },
      },
    },
    async (request, reply) => {
      const principal = requirePrincipal(request);
      const actor = { kind: 'user' as const, principal, ip: request.ip };
      const created = await createApiToken(db, clock, actor, principal.userId, request.body);
      return reply.code(201).send(created);
    },
  );

  r.delete(
    '/api/tokens/:id',
    {
      config: { access: 'authenticated' },
      schema: { tags: ['tokens'], params: ApiTokenIdParamsSchema, response: { 204: z.null() } },
    },
    async (request, reply) => {
      const principal = requirePrincipal(request);
      const actor = { kind: 'user' as const, principal, ip: request.ip };
      await revokeApiToken(db, clock, actor, request.params.id, principal.userId);
      return reply.code(204).send(null);
    },
  );
}
