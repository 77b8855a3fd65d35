import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { DEFAULT_LOCALE, LOCALES, type Locale } from '../../../web/i18n/locales.js';
import { AppError } from '../../errors.js';
import { consumeLimit, type LimitRule } from '../limits/limits.service.js';
import {
  type SurveyPageContext,
  type SurveyPageResult,
  submitSurvey,
  surveyPage,
  thanksPage,
} from './answer.service.js';
import { surveyPath } from './delivery.service.js';

const ANSWER_LIMIT: LimitRule = { name: 'survey-answer:ip', max: 30, windowMs: 10 * 60_000 };
const OPEN_LIMIT: LimitRule = { name: 'survey-open:ip', max: 120, windowMs: 10 * 60_000 };
const publicAccess = { access: 'public' } as const;
// Any text: a malformed link must get the same friendly page as an unknown one, not a 400.
const TokenParamsSchema = z.strictObject({ token: z.string().max(200) });
const FormBodySchema = z.record(z.string(), z.unknown());

/** The survey page behind the personal link in an invitation: `/undersokelse/<token>`. */
export async function publicSurveyRoutes(app: FastifyInstance) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const { db, clock, config } = app.deps;

  const ctxOf = (request: FastifyRequest, locale: Locale): SurveyPageContext => ({
    db,
    clock,
    secret: config.sessionSecret,
    defaultRegion: config.defaultRegion,
    host: request.hostname,
    locale,
  });

  /** A spent limit shows on the form itself, so the answers are kept. */
  const overLimit = async (request: FastifyRequest, rule: LimitRule) => {
    try {
      await consumeLimit(db, clock, rule, request.ip);
      return false;
    } catch (error) {
      if (error instanceof AppError && error.code === 'rate_limited') return true;
      throw error;
    }
  };

  const send = (reply: FastifyReply, result: SurveyPageResult) => {
    // The link is a secret: never cached, never sent on as a referrer.
    reply.header('cache-control', 'no-store').header('referrer-policy', 'no-referrer');
    if ('redirect' in result) return reply.redirect(result.redirect, 303);
    return reply.code(result.status).type('text/html; charset=utf-8').send(result.html);
  };

  for (const locale of LOCALES) {
    const prefix = locale === DEFAULT_LOCALE ? '' : `/${locale}`;
    r.get(`${prefix}${surveyPath}/takk`, { config: publicAccess }, async (request, reply) =>
      send(reply, await thanksPage(ctxOf(request, locale))),
    );
    r.get(
      `${prefix}${surveyPath}/:token`,
      { config: publicAccess, schema: { params: TokenParamsSchema } },
      async (request, reply) => {
        if (await overLimit(request, OPEN_LIMIT)) {
          throw new AppError('rate_limited', 'Too many requests. Wait a little.');
        }
        return send(reply, await surveyPage(ctxOf(request, locale), request.params.token));
      },
    );
    r.post(
      `${prefix}${surveyPath}/:token`,
      { config: publicAccess, schema: { params: TokenParamsSchema, body: FormBodySchema } },
      async (request, reply) => {
        const limited = await overLimit(request, ANSWER_LIMIT);
        const ctx = ctxOf(request, locale);
        return send(reply, await submitSurvey(ctx, request.params.token, request.body, limited));
      },
    );
  }
}
