import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import {
  InvitationBodySchema,
  UserIdParamsSchema,
  UserListQuerySchema,
  UserListSchema,
  UserResponseSchema,
  UserUpdateBodySchema,
} from '../../../contracts/users.js';
import { requirePrincipal } from '../../plugins/access.js';
import { addUser, reinviteUser, setUserDisabled, updateUser } from './manage-users.service.js';
import { type Actor, listUsersAsActor } from './users.service.js';

const actorOf = (request: FastifyRequest): Actor => ({
  kind: 'user',
  principal: requirePrincipal(request),
  ip: request.ip,
});

const MANAGERS = ['admin', 'programme_leader'] as const;

/** User administration: admins for every region, programme leaders for their own. */
export async function usersRoutes(app: FastifyInstance) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const { db, clock, config } = app.deps;

  r.get(
    '/api/users',
    {
      config: { access: MANAGERS },
      schema: {
        tags: ['users'],
        querystring: UserListQuerySchema,
        response: { 200: UserListSchema },
      },
    },
    async (request) => ({
      users: await listUsersAsActor(db, clock, actorOf(request), request.query),
    }),
  );

  r.post(
    '/api/users/invitations',
    {
      config: { access: MANAGERS },
      schema: {
        tags: ['users'],
        body: InvitationBodySchema,
        response: { 201: UserResponseSchema },
      },
    },
    async (request, reply) => {
      const { user } = await addUser(db, clock, actorOf(request), request.body, {
        publicUrl: config.publicUrl,
        sendEmail: true,
      });
      return reply.code(201).send({ user });
    },
  );

  r.patch(
    '/api/users/:id',
    {
      config: { access: MANAGERS },
      schema: {
        tags: ['users'],
        params: UserIdParamsSchema,
        body: UserUpdateBodySchema,
        response: { 200: UserResponseSchema },
      },
    },
    async (request) => ({
      user: await updateUser(db, clock, actorOf(request), request.params.id, request.body),
    }),
  );

  for (const [action, disabled] of [
    ['disable', true],
    ['enable', false],
  ] as const) {
    r.post(
      `/api/users/:id/${action}`,
      {
        config: { access: MANAGERS },
        schema: {
          tags: ['users'],
          params: UserIdParamsSchema,
          response: { 200: UserResponseSchema },
        },
      },
      async (request) => ({
        user: await setUserDisabled(db, clock, actorOf(request), request.params.id, disabled),
      }),
    );
  }

  // A fresh invitation for someone whose link was lost or expired; earlier links stop working.
  r.post(
    '/api/users/:id/invitation',
    {
      config: { access: MANAGERS },
      schema: {
        tags: ['users'],
        params: UserIdParamsSchema,
        response: { 200: UserResponseSchema },
      },
    },
    async (request) => {
      const { user } = await reinviteUser(db, clock, actorOf(request), request.params.id, {
        publicUrl: config.publicUrl,
        sendEmail: true,
      });
      return { user };
    },
  );
}
