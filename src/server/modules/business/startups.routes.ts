import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import {
  IndicatorQuerySchema,
  InquiryIdParamsSchema,
  InquiryListQuerySchema,
  InquiryListSchema,
  InquiryPatchSchema,
  InquirySchema,
  StageChangeSchema,
  StartupsIndicatorSchema,
  TaskCreateSchema,
  TaskIdParamsSchema,
  TaskPatchSchema,
} from '../../../contracts/business.js';
import { DEFAULT_LOCALE, LOCALES, type Locale } from '../../../web/i18n/locales.js';
import { AppError } from '../../errors.js';
import { consumeLimit, type LimitRule } from '../limits/limits.service.js';
import { actorOf, STAFF } from '../referral/campaigns.routes.js';
import { registerEmployerContactConsent } from './business.privacy.js';
import { regionOf } from './employers.service.js';
import {
  addTask,
  changeStage,
  getInquiry,
  listInquiries,
  setTaskStatus,
  undoStage,
  updateInquiry,
} from './startups.pipeline.js';
import {
  type PageResult,
  type PublicContext,
  startFormPage,
  startThanksPage,
  submitStartForm,
} from './startups.public.js';
import { registerEntrepreneurConsent, startupsEstablishedIndicator } from './startups.service.js';

const START_LIMIT: LimitRule = { name: 'start-her:ip', max: 10, windowMs: 10 * 60_000 };
const FormBodySchema = z.record(z.string(), z.unknown());
const tags = ['start-her'];

/** «Start Her»: the public inquiry form, and the pipeline in the office. */
export async function startupsRoutes(app: FastifyInstance) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const { db, clock, config } = app.deps;
  registerEntrepreneurConsent();
  registerEmployerContactConsent();

  r.get(
    '/api/entrepreneurs',
    {
      config: { access: STAFF },
      schema: { tags, querystring: InquiryListQuerySchema, response: { 200: InquiryListSchema } },
    },
    async (request) => listInquiries(db, clock, actorOf(request), request.query),
  );
  r.get(
    '/api/entrepreneurs/established',
    {
      config: { access: STAFF },
      schema: {
        tags,
        querystring: IndicatorQuerySchema,
        response: { 200: StartupsIndicatorSchema },
      },
    },
    async (request) =>
      startupsEstablishedIndicator(db, {
        regionId: regionOf(actorOf(request).principal, request.query.region),
        year: request.query.year,
      }),
  );
  r.get(
    '/api/entrepreneurs/:id',
    {
      config: { access: STAFF },
      schema: { tags, params: InquiryIdParamsSchema, response: { 200: InquirySchema } },
    },
    async (request) => getInquiry(db, clock, actorOf(request), request.params.id),
  );
  r.patch(
    '/api/entrepreneurs/:id',
    {
      config: { access: STAFF },
      schema: {
        tags,
        summary: 'Advisor and notes',
        params: InquiryIdParamsSchema,
        body: InquiryPatchSchema,
        response: { 200: InquirySchema },
      },
    },
    async (request) =>
      updateInquiry(db, clock, actorOf(request), request.params.id, request.body, config.publicUrl),
  );
  r.post(
    '/api/entrepreneurs/:id/stage',
    {
      config: { access: STAFF },
      schema: {
        tags,
        params: InquiryIdParamsSchema,
        body: StageChangeSchema,
        response: { 200: InquirySchema },
      },
    },
    async (request) => changeStage(db, clock, actorOf(request), request.params.id, request.body),
  );
  r.post(
    '/api/entrepreneurs/:id/stage/undo',
    {
      config: { access: STAFF },
      schema: {
        tags,
        summary: 'Undo the last stage change',
        params: InquiryIdParamsSchema,
        response: { 200: InquirySchema },
      },
    },
    async (request) => undoStage(db, clock, actorOf(request), request.params.id),
  );
  r.post(
    '/api/entrepreneurs/:id/tasks',
    {
      config: { access: STAFF },
      schema: {
        tags,
        params: InquiryIdParamsSchema,
        body: TaskCreateSchema,
        response: { 201: InquirySchema },
      },
    },
    async (request, reply) =>
      reply
        .code(201)
        .send(await addTask(db, clock, actorOf(request), request.params.id, request.body)),
  );
  r.patch(
    '/api/entrepreneur-tasks/:id',
    {
      config: { access: STAFF },
      schema: {
        tags,
        params: TaskIdParamsSchema,
        body: TaskPatchSchema,
        response: { 200: InquirySchema },
      },
    },
    async (request) =>
      setTaskStatus(db, clock, actorOf(request), request.params.id, request.body.status),
  );

  const ctxOf = (request: FastifyRequest, locale: Locale): PublicContext => ({
    db,
    clock,
    secret: config.sessionSecret,
    defaultRegion: config.defaultRegion,
    host: request.hostname,
    locale,
  });
  /** A spent rate limit shows on the form itself, so the visitor keeps what they wrote. */
  const overLimit = async (request: FastifyRequest) => {
    try {
      await consumeLimit(db, clock, START_LIMIT, request.ip);
      return false;
    } catch (error) {
      if (error instanceof AppError && error.code === 'rate_limited') return true;
      throw error;
    }
  };
  const send = (reply: FastifyReply, result: PageResult) => {
    reply.header('cache-control', 'no-store');
    if ('redirect' in result) return reply.redirect(result.redirect, 303);
    return reply.code(result.status).type('text/html; charset=utf-8').send(result.html);
  };
  const publicAccess = { access: 'public' } as const;
  for (const locale of LOCALES) {
    const prefix = locale === DEFAULT_LOCALE ? '' : `/${locale}`;
    r.get(`${prefix}/start-her`, { config: publicAccess }, async (request, reply) =>
      send(reply, await startFormPage(ctxOf(request, locale))),
    );
    r.post(
      `${prefix}/start-her`,
      { config: publicAccess, schema: { body: FormBodySchema } },
      async (request, reply) => {
        const limited = await overLimit(request);
        return send(reply, await submitStartForm(ctxOf(request, locale), request.body, limited));
      },
    );
    r.get(`${prefix}/start-her/takk`, { config: publicAccess }, async (request, reply) =>
      send(reply, await startThanksPage(ctxOf(request, locale))),
    );
  }
}
