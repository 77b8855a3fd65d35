import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import {
  CheckInSettingsInputSchema,
  CheckInSettingsQuerySchema,
  CheckInSettingsSchema,
  SummaryQuerySchema,
  SurveyListQuerySchema,
  SurveyListSchema,
  SurveyParamsSchema,
  SurveySummarySchema,
} from '../../../contracts/surveys.js';
import { requirePrincipal } from '../../plugins/access.js';
import { summaryCsv, summaryXlsx } from './export.js';
import { publicSurveyRoutes } from './public.routes.js';
import {
  type Actor,
  exportSummary,
  getCheckInSettings,
  getSummary,
  listSurveys,
  updateCheckInSettings,
} from './results.service.js';

const READERS = ['admin', 'programme_leader', 'host'] as const;
const LEADERS = ['admin', 'programme_leader'] as const;
const tags = ['surveys'];

const actorOf = (request: FastifyRequest): Actor => ({
  principal: requirePrincipal(request),
  ip: request.ip,
});

/**
 * Survey results for staff (hosts: answers from their municipalities), with downloads that
 * hold the same suppressed figures, and the region's check-in waves (programme leaders).
 */
export async function surveysRoutes(app: FastifyInstance) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const { db, clock } = app.deps;
  await app.register(publicSurveyRoutes);

  r.get(
    '/api/surveys',
    {
      config: { access: READERS },
      schema: { tags, querystring: SurveyListQuerySchema, response: { 200: SurveyListSchema } },
    },
    async (request) => listSurveys(request.query.lang ?? request.locale),
  );

  r.get(
    '/api/surveys/:surveyKey/summary',
    {
      config: { access: READERS },
      schema: {
        tags,
        summary: 'Answers by group; groups under five and what could reveal them are hidden',
        params: SurveyParamsSchema,
        querystring: SummaryQuerySchema,
        response: { 200: SurveySummarySchema },
      },
    },
    async (request) => getSummary(db, actorOf(request), request.params.surveyKey, request.query),
  );

  const downloads = {
    csv: { type: 'text/csv; charset=utf-8', render: summaryCsv },
    xlsx: {
      type: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
      render: summaryXlsx,
    },
  } as const;
  for (const [format, download] of Object.entries(downloads)) {
    r.get(
      `/api/surveys/:surveyKey/summary.${format}`,
      {
        config: { access: READERS },
        schema: { tags, params: SurveyParamsSchema, querystring: SummaryQuerySchema },
      },
      async (request, reply) => {
        const { surveyKey } = request.params;
        const summary = await exportSummary(
          db,
          clock,
          actorOf(request),
          surveyKey,
          request.query,
          format as 'csv' | 'xlsx',
        );
        const locale = request.query.lang ?? request.locale;
        return reply
          .type(download.type)
          .header('content-disposition', `attachment; filename="survey-${surveyKey}.${format}"`)
          .header('cache-control', 'private, no-store')
          .send(await download.render(summary, locale));
      },
    );
  }

  r.get(
    '/api/surveys/check-ins',
    {
      config: { access: LEADERS },
      schema: {
        tags,
        summary: 'Months after moving in when newcomers get a well-being check-in',
        querystring: CheckInSettingsQuerySchema,
        response: { 200: CheckInSettingsSchema },
      },
    },
    async (request) => getCheckInSettings(db, actorOf(request), request.query.region),
  );

  r.put(
    '/api/surveys/check-ins',
    {
      config: { access: LEADERS },
      schema: {
        tags,
        body: CheckInSettingsInputSchema,
        response: { 200: CheckInSettingsSchema },
      },
    },
    async (request) => updateCheckInSettings(db, clock, actorOf(request), request.body),
  );
}
