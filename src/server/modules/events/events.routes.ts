import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import {
  AttendanceBodySchema,
  EventIdParamsSchema,
  EventInputSchema,
  EventListQuerySchema,
  EventListSchema,
  EventPatchSchema,
  EventSchema,
  InvitationBodySchema,
  InvitationResultSchema,
  InviteCandidateListSchema,
  OrganiserCreateSchema,
  OrganiserIdParamsSchema,
  OrganiserListSchema,
  OrganiserMemberBodySchema,
  OrganiserSchema,
  RegistrationIdParamsSchema,
  RegistrationListSchema,
} from '../../../contracts/events.js';
import { registerConsentWithdrawal } from '../notifications/consent.js';
import { actorOf } from '../referral/campaigns.routes.js';
import {
  listRegistrationsFor,
  setAttendance,
  tellCancelled,
  withdrawRegistrationConsent,
} from './attendees.service.js';
import { createEvent, getEventFor, listEventsFor, updateEventFor } from './events.service.js';
import { invite, listCandidates } from './invitations.service.js';
import {
  addMember,
  createOrganiser,
  listOrganisersFor,
  removeMember,
} from './organisers.service.js';
import { publicEventsRoutes } from './public.routes.js';
import { promoteWaiting } from './registrations.service.js';

export const EVENT_ROLES = ['admin', 'programme_leader', 'host', 'organiser'] as const;
export const INVITING_ROLES = ['admin', 'programme_leader', 'host'] as const;
const LEADERS = ['admin', 'programme_leader'] as const;
const tags = ['events'];

/**
 * Events in the office: organisers (leaders keep the list), events (organisers only their
 * organisation's, hosts their municipalities'), registrations and attendance, invitations.
 * Also registers the public calendar and the consent withdrawal of registration emails.
 */
export async function eventsRoutes(app: FastifyInstance) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const { db, clock, config } = app.deps;
  const links = { publicUrl: config.publicUrl, secret: config.sessionSecret };
  const events = { access: EVENT_ROLES };

  // A link in any registration email stops reminders and every other mail about it.
  registerConsentWithdrawal({
    prefix: 'event-registration',
    withdraw: (d, c, id) => withdrawRegistrationConsent(d, c, id),
  });

  r.get(
    '/api/event-organisers',
    { config: events, schema: { tags, response: { 200: OrganiserListSchema } } },
    async (request) => ({ organisers: await listOrganisersFor(db, actorOf(request)) }),
  );
  r.post(
    '/api/event-organisers',
    {
      config: { access: LEADERS },
      schema: {
        tags,
        body: OrganiserCreateSchema.extend({ regionId: z.uuid().optional() }),
        response: { 201: OrganiserSchema },
      },
    },
    async (request, reply) =>
      reply.code(201).send(await createOrganiser(db, clock, actorOf(request), request.body)),
  );
  r.post(
    '/api/event-organisers/:id/members',
    {
      config: { access: LEADERS },
      schema: {
        tags,
        params: OrganiserIdParamsSchema,
        body: OrganiserMemberBodySchema,
        response: { 200: OrganiserSchema },
      },
    },
    async (request) =>
      addMember(db, clock, actorOf(request), request.params.id, request.body.userId),
  );
  r.delete(
    '/api/event-organisers/:id/members/:userId',
    {
      config: { access: LEADERS },
      schema: {
        tags,
        params: z.strictObject({ id: z.uuid('Not an id'), userId: z.uuid('Not an id') }),
      },
    },
    async (request, reply) => {
      await removeMember(db, clock, actorOf(request), request.params.id, request.params.userId);
      return reply.code(204).send();
    },
  );

  r.get(
    '/api/events',
    {
      config: events,
      schema: { tags, querystring: EventListQuerySchema, response: { 200: EventListSchema } },
    },
    async (request) => ({
      events: await listEventsFor(db, clock, actorOf(request), request.query),
    }),
  );
  r.post(
    '/api/events',
    { config: events, schema: { tags, body: EventInputSchema, response: { 201: EventSchema } } },
    async (request, reply) =>
      reply.code(201).send(await createEvent(db, clock, actorOf(request), request.body)),
  );
  r.get(
    '/api/events/:id',
    {
      config: events,
      schema: { tags, params: EventIdParamsSchema, response: { 200: EventSchema } },
    },
    async (request) => getEventFor(db, actorOf(request), request.params.id),
  );
  r.patch(
    '/api/events/:id',
    {
      config: events,
      schema: {
        tags,
        summary: 'Change an event; `cancelled: true` cancels it and tells everyone registered',
        params: EventIdParamsSchema,
        body: EventPatchSchema,
        response: { 200: EventSchema },
      },
    },
    async (request) =>
      updateEventFor(db, clock, actorOf(request), request.params.id, request.body, {
        onCancel: (trx, event) => tellCancelled(trx, clock, links, event),
        onCapacity: async (trx, id) => {
          await promoteWaiting(trx, clock, links, id);
        },
      }),
  );

  r.get(
    '/api/events/:id/registrations',
    {
      config: events,
      schema: { tags, params: EventIdParamsSchema, response: { 200: RegistrationListSchema } },
    },
    async (request) => listRegistrationsFor(db, clock, actorOf(request), request.params.id),
  );
  r.put(
    '/api/events/:id/registrations/:registrationId/attendance',
    {
      config: events,
      schema: {
        tags,
        params: RegistrationIdParamsSchema,
        body: AttendanceBodySchema,
        response: { 200: RegistrationListSchema },
      },
    },
    async (request) =>
      setAttendance(
        db,
        clock,
        actorOf(request),
        request.params.id,
        request.params.registrationId,
        request.body.attended,
      ),
  );

  r.get(
    '/api/events/:id/invitation-candidates',
    {
      config: { access: INVITING_ROLES },
      schema: { tags, params: EventIdParamsSchema, response: { 200: InviteCandidateListSchema } },
    },
    async (request) => ({
      candidates: await listCandidates(db, clock, actorOf(request), request.params.id),
    }),
  );
  r.post(
    '/api/events/:id/invitations',
    {
      config: { access: INVITING_ROLES },
      schema: {
        tags,
        summary: 'Invite newcomers (email) and interested prospects (a follow-up task); once each',
        params: EventIdParamsSchema,
        body: InvitationBodySchema,
        response: { 200: InvitationResultSchema },
      },
    },
    async (request) => invite(db, clock, links, actorOf(request), request.params.id, request.body),
  );

  await publicEventsRoutes(app);
}
