import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import {
  EvaluateQuerySchema,
  GoalsEvaluationSchema,
  MediaEntryInputSchema,
  MediaEntrySchema,
  MediaIdParamsSchema,
  MediaListQuerySchema,
  MediaListSchema,
  ProgrammeInputSchema,
  ProgrammeSchema,
  RegionQuerySchema,
  ResidentInviteResultSchema,
  ResidentInviteSchema,
} from '../../../contracts/goals.js';
import { actorOf, LEADERS } from '../referral/campaigns.routes.js';
import { evaluateGoals } from './goals.evaluate.js';
import {
  addMediaEntry,
  defaultPeriod,
  deleteMediaEntry,
  getProgrammeOrEmpty,
  listMediaEntries,
  regionOf,
  saveProgramme,
  updateMediaEntry,
} from './goals.service.js';
import { registerResidentConsent, sendResidentSurvey } from './resident-survey.service.js';

const tags = ['goals'];

/**
 * The programme's goals, the dashboard's evaluation, the media log and the resident survey.
 * Programme leaders and administrators only: goals steer the whole region (ADR 0013).
 */
export async function goalsRoutes(app: FastifyInstance) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const { db, clock } = app.deps;
  const access = { access: LEADERS };
  registerResidentConsent();

  r.get(
    '/api/goals/programme',
    {
      config: access,
      schema: { tags, querystring: RegionQuerySchema, response: { 200: ProgrammeSchema } },
    },
    async (request) =>
      getProgrammeOrEmpty(db, await regionOf(db, actorOf(request), request.query.region)),
  );

  r.put(
    '/api/goals/programme',
    {
      config: access,
      schema: {
        tags,
        querystring: RegionQuerySchema,
        body: ProgrammeInputSchema,
        response: { 200: ProgrammeSchema },
      },
    },
    async (request) => {
      const actor = actorOf(request);
      const regionId = await regionOf(db, actor, request.query.region);
      return saveProgramme(db, clock, actor, regionId, request.body);
    },
  );

  r.get(
    '/api/goals/evaluation',
    {
      config: access,
      schema: {
        tags,
        summary: 'Every indicator with its yearly data points, latest value and status',
        querystring: EvaluateQuerySchema,
        response: { 200: GoalsEvaluationSchema },
      },
    },
    async (request) => {
      const regionId = await regionOf(db, actorOf(request), request.query.region);
      const period = defaultPeriod(clock.now());
      return evaluateGoals(db, {
        regionId,
        from: request.query.from ?? period.from,
        to: request.query.to ?? period.to,
      });
    },
  );

  r.get(
    '/api/goals/media',
    {
      config: access,
      schema: { tags, querystring: MediaListQuerySchema, response: { 200: MediaListSchema } },
    },
    async (request) => {
      const regionId = await regionOf(db, actorOf(request), request.query.region);
      return { entries: await listMediaEntries(db, regionId, request.query.year) };
    },
  );

  r.post(
    '/api/goals/media',
    {
      config: access,
      schema: {
        tags,
        querystring: RegionQuerySchema,
        body: MediaEntryInputSchema,
        response: { 201: MediaEntrySchema },
      },
    },
    async (request, reply) => {
      const actor = actorOf(request);
      const regionId = await regionOf(db, actor, request.query.region);
      return reply.code(201).send(await addMediaEntry(db, clock, actor, regionId, request.body));
    },
  );

  r.put(
    '/api/goals/media/:id',
    {
      config: access,
      schema: {
        tags,
        params: MediaIdParamsSchema,
        querystring: RegionQuerySchema,
        body: MediaEntryInputSchema,
        response: { 200: MediaEntrySchema },
      },
    },
    async (request) => {
      const regionId = await regionOf(db, actorOf(request), request.query.region);
      return updateMediaEntry(db, clock, regionId, request.params.id, request.body);
    },
  );

  r.delete(
    '/api/goals/media/:id',
    {
      config: access,
      schema: { tags, params: MediaIdParamsSchema, querystring: RegionQuerySchema },
    },
    async (request, reply) => {
      const regionId = await regionOf(db, actorOf(request), request.query.region);
      await deleteMediaEntry(db, regionId, request.params.id);
      return reply.code(204).send();
    },
  );

  r.post(
    '/api/goals/resident-survey/invitations',
    {
      config: access,
      schema: {
        tags,
        summary: 'Invite residents to the anonymous resident survey (one-time links by email)',
        querystring: RegionQuerySchema,
        body: ResidentInviteSchema,
        response: { 200: ResidentInviteResultSchema },
      },
    },
    async (request) => {
      const actor = actorOf(request);
      const regionId = await regionOf(db, actor, request.query.region);
      return sendResidentSurvey(db, clock, actor, regionId, request.body);
    },
  );
}
