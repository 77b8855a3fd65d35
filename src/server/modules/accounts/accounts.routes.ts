import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import {
  AcceptInvitationBodySchema,
  PasswordResetCompleteBodySchema,
  PasswordResetRequestBodySchema,
} from '../../../contracts/accounts.js';
import { limitPerIp } from '../../plugins/rate-limit.js';
import {
  acceptInvitation,
  completePasswordReset,
  requestPasswordReset,
} from './accounts.service.js';

/** The public account links: accepting an invitation and resetting a forgotten password. */
export async function accountsRoutes(app: FastifyInstance) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const { db, clock, config } = app.deps;
  const linkLimit = limitPerIp({ name: 'account-link:ip', max: 20, windowMs: 15 * 60_000 });
  const resetLimit = limitPerIp({ name: 'password-reset:ip', max: 10, windowMs: 15 * 60_000 });

  r.post(
    '/api/auth/invitations/accept',
    {
      config: { access: 'public' },
      preHandler: linkLimit,
      schema: { tags: ['auth'], body: AcceptInvitationBodySchema, response: { 204: z.null() } },
    },
    async (request, reply) => {
      await acceptInvitation(db, clock, request.body, { ip: request.ip });
      return reply.code(204).send(null);
    },
  );

  r.post(
    '/api/auth/password-reset',
    {
      config: { access: 'public' },
      preHandler: resetLimit,
      schema: {
        tags: ['auth'],
        body: PasswordResetRequestBodySchema,
        response: { 202: z.null() },
      },
    },
    async (request, reply) => {
      await requestPasswordReset(db, clock, request.body.email, {
        publicUrl: config.publicUrl,
        ip: request.ip,
      });
      return reply.code(202).send(null);
    },
  );

  r.post(
    '/api/auth/password-reset/complete',
    {
      config: { access: 'public' },
      preHandler: linkLimit,
      schema: {
        tags: ['auth'],
        body: PasswordResetCompleteBodySchema,
        response: { 204: z.null() },
      },
    },
    async (request, reply) => {
      await completePasswordReset(db, clock, request.body, { ip: request.ip });
      return reply.code(204).send(null);
    },
  );
}
