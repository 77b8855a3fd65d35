import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import {
  ChecklistInputSchema,
  ChecklistListSchema,
  ChecklistParamsSchema,
  ChecklistSchema,
  MatchConfirmSchema,
  MatchIdParamsSchema,
  MatchListSchema,
  MatchSchema,
  MovedAwayInputSchema,
  NewcomerIdParamsSchema,
  NewcomerInputSchema,
  NewcomerListQuerySchema,
  NewcomerListSchema,
  NewcomerPatchSchema,
  NewcomerSchema,
  NewcomerTaskSchema,
  StartPageSchema,
  TaskParamsSchema,
  TaskPatchSchema,
} from '../../../contracts/newcomers.js';
import { IdempotencyHeadersSchema } from '../../../contracts/referral.js';
import { registerConsentWithdrawal } from '../notifications/consent.js';
import { actorOf, LEADERS, STAFF } from '../referral/campaigns.routes.js';
import { listChecklists, setChecklist, updateNewcomerTask } from './checklists.service.js';
import { withdrawNewcomerConsent } from './contact.js';
import { confirmMatch, listMatches, rejectMatch } from './matches.service.js';
import { setMovedAway, updateNewcomer } from './newcomer-edit.service.js';
import { getNewcomer, listNewcomers, registerNewcomer } from './newcomers.service.js';
import { publicNewcomerRoutes } from './public.routes.js';
import { retentionRoutes } from './retention.routes.js';
import { getStartPage } from './start-page.service.js';

/**
 * Newcomer hosting in the office: registrations (hosts: their municipalities; another's
 * answers 404), conversion proposals, welcome checklists, moves away, the start page.
 */
export async function newcomersRoutes(app: FastifyInstance) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const { db, clock, config } = app.deps;
  const staff = { access: STAFF };
  const tags = ['newcomers'];

  // A link in any newcomer email withdraws both consents at once.
  registerConsentWithdrawal({
    prefix: 'newcomer',
    withdraw: async (d, c, id) => {
      await withdrawNewcomerConsent(d, c, id);
    },
  });

  r.get(
    '/api/newcomers',
    {
      config: staff,
      schema: { tags, querystring: NewcomerListQuerySchema, response: { 200: NewcomerListSchema } },
    },
    async (request) => listNewcomers(db, clock, actorOf(request), request.query),
  );

  r.post(
    '/api/newcomers',
    {
      config: staff,
      schema: {
        tags,
        summary: 'Register a newcomer household. Idempotency-Key makes a retry safe.',
        headers: IdempotencyHeadersSchema,
        body: NewcomerInputSchema,
        response: { 201: NewcomerSchema },
      },
    },
    async (request, reply) => {
      const actor = actorOf(request);
      const key = request.headers['idempotency-key'];
      const { id } = await registerNewcomer(db, clock, { kind: 'staff', actor }, request.body, {
        publicUrl: config.publicUrl,
        idempotencyKey: key ? `office:${actor.principal.userId}:${key}` : undefined,
      });
      return reply.code(201).send(await getNewcomer(db, clock, actor, id));
    },
  );

  r.get(
    '/api/newcomers/:id',
    {
      config: staff,
      schema: { tags, params: NewcomerIdParamsSchema, response: { 200: NewcomerSchema } },
    },
    async (request) => getNewcomer(db, clock, actorOf(request), request.params.id),
  );

  r.patch(
    '/api/newcomers/:id',
    {
      config: staff,
      schema: {
        tags,
        params: NewcomerIdParamsSchema,
        body: NewcomerPatchSchema,
        response: { 200: NewcomerSchema },
      },
    },
    async (request) => updateNewcomer(db, clock, actorOf(request), request.params.id, request.body),
  );

  r.post(
    '/api/newcomers/:id/moved-away',
    {
      config: staff,
      schema: {
        tags,
        summary: 'Record that the household moved away (again: changes the date)',
        params: NewcomerIdParamsSchema,
        body: MovedAwayInputSchema,
        response: { 200: NewcomerSchema },
      },
    },
    async (request) =>
      setMovedAway(db, clock, actorOf(request), request.params.id, request.body.on),
  );

  r.delete(
    '/api/newcomers/:id/moved-away',
    {
      config: staff,
      schema: { tags, params: NewcomerIdParamsSchema, response: { 200: NewcomerSchema } },
    },
    async (request) => setMovedAway(db, clock, actorOf(request), request.params.id, null),
  );

  r.patch(
    '/api/newcomers/:id/checklist/:taskId',
    {
      config: staff,
      schema: {
        tags,
        summary: 'Tick off (or undo) a checklist item, or change who does it and when',
        params: TaskParamsSchema,
        body: TaskPatchSchema,
        response: { 200: NewcomerTaskSchema },
      },
    },
    async (request) =>
      updateNewcomerTask(
        db,
        clock,
        actorOf(request),
        request.params.id,
        request.params.taskId,
        request.body,
      ),
  );

  r.get(
    '/api/newcomer-matches',
    { config: staff, schema: { tags, response: { 200: MatchListSchema } } },
    async (request) => listMatches(db, clock, actorOf(request)),
  );

  r.post(
    '/api/newcomer-matches/:id/confirm',
    {
      config: staff,
      schema: {
        tags,
        summary: 'Confirm the conversion: the prospect is recorded as moved in',
        params: MatchIdParamsSchema,
        body: MatchConfirmSchema,
        response: { 200: MatchSchema },
      },
    },
    async (request) => confirmMatch(db, clock, actorOf(request), request.params.id, request.body),
  );

  r.post(
    '/api/newcomer-matches/:id/reject',
    {
      config: staff,
      schema: { tags, params: MatchIdParamsSchema, response: { 200: MatchSchema } },
    },
    async (request) => rejectMatch(db, clock, actorOf(request), request.params.id),
  );

  r.get(
    '/api/welcome-checklists',
    { config: staff, schema: { tags, response: { 200: ChecklistListSchema } } },
    async (request) => listChecklists(db, actorOf(request)),
  );

  r.put(
    '/api/welcome-checklists/:municipalityCode',
    {
      config: { access: LEADERS },
      schema: {
        tags,
        params: ChecklistParamsSchema,
        body: ChecklistInputSchema,
        response: { 200: ChecklistSchema },
      },
    },
    async (request) =>
      setChecklist(db, clock, actorOf(request), request.params.municipalityCode, request.body),
  );

  r.get(
    '/api/start-page',
    {
      config: staff,
      schema: {
        tags: ['start'],
        summary: "The host's day: tasks, new registrations, proposals, overdue items, events",
        response: { 200: StartPageSchema },
      },
    },
    async (request) => getStartPage(db, clock, actorOf(request), request.locale),
  );

  await retentionRoutes(app);
  await publicNewcomerRoutes(app);
}
