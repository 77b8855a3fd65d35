import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { DEFAULT_LOCALE, LOCALES, type Locale } from '../../../web/i18n/locales.js';
import { AppError } from '../../errors.js';
import { consumeLimit, type LimitRule } from '../limits/limits.service.js';
import {
  movedAwayPage,
  newcomerFormPage,
  newcomerThanksPage,
  type PageResult,
  type PublicContext,
  submitMovedAway,
  submitNewcomerForm,
} from './public.service.js';

const FORM_LIMIT: LimitRule = { name: 'newcomer-form:ip', max: 10, windowMs: 10 * 60_000 };
const MOVED_LIMIT: LimitRule = { name: 'newcomer-moved:ip', max: 20, windowMs: 10 * 60_000 };
const publicAccess = { access: 'public' } as const;
const FormBodySchema = z.record(z.string(), z.unknown());
const CodeParamsSchema = z.strictObject({ code: z.string().max(60) });

/** «Ny i kommunen?» (nb, nn, en), its thank-you, and the newcomer's "we have moved" page. */
export async function publicNewcomerRoutes(app: FastifyInstance) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const { db, clock, config } = app.deps;

  const ctxOf = (request: FastifyRequest, locale: Locale): PublicContext => ({
    db,
    clock,
    secret: config.sessionSecret,
    publicUrl: config.publicUrl,
    defaultRegion: config.defaultRegion,
    host: request.hostname,
    locale,
    ip: request.ip,
  });

  /** A spent rate limit shows on the form itself, so the visitor keeps what they wrote. */
  const overLimit = async (request: FastifyRequest, rule: LimitRule) => {
    try {
      await consumeLimit(db, clock, rule, request.ip);
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

  for (const locale of LOCALES) {
    const prefix = locale === DEFAULT_LOCALE ? '' : `/${locale}`;
    r.get(`${prefix}/ny-i-kommunen`, { config: publicAccess }, async (request, reply) =>
      send(reply, await newcomerFormPage(ctxOf(request, locale))),
    );
    r.post(
      `${prefix}/ny-i-kommunen`,
      { config: publicAccess, schema: { body: FormBodySchema } },
      async (request, reply) => {
        const limited = await overLimit(request, FORM_LIMIT);
        return send(reply, await submitNewcomerForm(ctxOf(request, locale), request.body, limited));
      },
    );
    r.get(`${prefix}/ny-i-kommunen/takk`, { config: publicAccess }, async (request, reply) =>
      send(reply, await newcomerThanksPage(ctxOf(request, locale))),
    );
    r.get(
      `${prefix}/ny-i-kommunen/flyttet/:code`,
      { config: publicAccess, schema: { params: CodeParamsSchema } },
      async (request, reply) =>
        send(reply, await movedAwayPage(ctxOf(request, locale), request.params.code)),
    );
    r.post(
      `${prefix}/ny-i-kommunen/flyttet/:code`,
      { config: publicAccess, schema: { params: CodeParamsSchema, body: FormBodySchema } },
      async (request, reply) => {
        const limited = await overLimit(request, MOVED_LIMIT);
        const ctx = ctxOf(request, locale);
        return send(reply, await submitMovedAway(ctx, request.params.code, request.body, limited));
      },
    );
  }
}
