import { createHash } from 'node:crypto';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { RegistrationInputSchema } from '../../../contracts/events.js';
import { IdempotencyHeadersSchema } from '../../../contracts/referral.js';
import { DEFAULT_LOCALE, LOCALES, type Locale } from '../../../web/i18n/locales.js';
import { AppError } from '../../errors.js';
import { limitPerIp } from '../../plugins/rate-limit.js';
import { consumeLimit, type LimitRule } from '../limits/limits.service.js';
import { findSiteRegion } from '../regions/regions.service.js';
import {
  calendarFeed,
  calendarPage,
  cancelPage,
  eventPage,
  type PageResult,
  type PublicContext,
  submitCancel,
  submitRegistrationForm,
} from './public.service.js';
import { register } from './registrations.service.js';

const REGISTRATION_LIMIT: LimitRule = {
  name: 'event-registration:ip',
  max: 20,
  windowMs: 10 * 60_000,
};
const CANCEL_LIMIT: LimitRule = { name: 'event-cancel:ip', max: 30, windowMs: 10 * 60_000 };
const publicAccess = { access: 'public' } as const;
const IdParamsSchema = z.strictObject({ id: z.string().max(64) });
const TokenParamsSchema = z.strictObject({ token: z.string().max(200) });
// Not strict: a shared link may carry tracking parameters.
const CalendarQuerySchema = z.object({ kommune: z.string().max(100).optional() });
const FormBodySchema = z.record(z.string(), z.unknown());

const RegistrationResultSchema = z.object({
  status: z.enum(['confirmed', 'waiting', 'cancelled']),
  seats: z.number(),
  position: z.number().nullable(),
});

/** The public calendar, event pages with their registration form, cancel links, iCalendar. */
export async function publicEventsRoutes(app: FastifyInstance) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const { db, clock, config } = app.deps;
  const links = { publicUrl: config.publicUrl, secret: config.sessionSecret };

  const ctxOf = (request: FastifyRequest, locale: Locale): PublicContext => ({
    db,
    clock,
    links,
    defaultRegion: config.defaultRegion,
    host: request.hostname,
    origin: `${request.protocol}://${request.host}`,
    locale,
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

  // Seats change by the minute: never cached by the page cache or a proxy.
  const send = (reply: FastifyReply, result: PageResult) =>
    reply
      .header('cache-control', 'no-store')
      .code(result.status)
      .type('text/html; charset=utf-8')
      .send(result.html);

  // A page read: the same rule for proxies, but a browser may revalidate by ETag (seats change
  // the HTML, so the ETag) and get a 304 instead of the page again.
  const sendPage = (request: FastifyRequest, reply: FastifyReply, result: PageResult) => {
    if (result.status !== 200) return send(reply, result);
    const etag = `"${createHash('sha256').update(result.html).digest('base64url').slice(0, 22)}"`;
    reply.header('etag', etag).header('cache-control', 'no-cache');
    const inm = request.headers['if-none-match'];
    if (inm?.split(',').some((t) => t.trim().replace(/^W\//, '') === etag)) {
      return reply.code(304).send();
    }
    return reply.type('text/html; charset=utf-8').send(result.html);
  };

  const sendIcs = (reply: FastifyReply, body: string, name: string) =>
    reply
      .header('cache-control', 'public, max-age=300')
      .header('content-disposition', `inline; filename="${name}.ics"`)
      .type('text/calendar; charset=utf-8')
      .send(body);

  r.post(
    '/api/public/events/:id/registrations',
    {
      config: publicAccess,
      preValidation: limitPerIp(REGISTRATION_LIMIT),
      schema: {
        tags: ['events'],
        summary: 'Register for an event (no sign-in). Idempotency-Key makes a retry safe.',
        params: z.strictObject({ id: z.uuid('Not an event id') }),
        headers: IdempotencyHeadersSchema,
        body: RegistrationInputSchema.extend({ locale: z.enum(LOCALES).default('nb') }),
        response: { 201: RegistrationResultSchema },
      },
    },
    async (request, reply) => {
      const region = await findSiteRegion(db, request.hostname, config.defaultRegion);
      if (!region) throw new AppError('not_found', 'The region was not found.');
      const { locale, ...input } = request.body;
      const out = await register(
        { db, clock, links, regionId: region.id },
        request.params.id,
        input,
        {
          key: request.headers['idempotency-key'] ?? crypto.randomUUID(),
          locale,
        },
      );
      return reply.code(201).send({ status: out.status, seats: out.seats, position: out.position });
    },
  );

  for (const locale of LOCALES) {
    const prefix = locale === DEFAULT_LOCALE ? '' : `/${locale}`;
    r.get(
      `${prefix}/arrangementer`,
      { config: publicAccess, schema: { querystring: CalendarQuerySchema } },
      async (request, reply) =>
        sendPage(request, reply, await calendarPage(ctxOf(request, locale), request.query.kommune)),
    );
    r.get(
      `${prefix}/arrangementer/kalender.ics`,
      { config: publicAccess },
      async (request, reply) =>
        sendIcs(reply, await calendarFeed(ctxOf(request, locale)), 'arrangementer'),
    );
    r.get(
      `${prefix}/arrangementer/:id`,
      { config: publicAccess, schema: { params: IdParamsSchema } },
      async (request, reply) =>
        sendPage(request, reply, await eventPage(ctxOf(request, locale), request.params.id)),
    );
    r.post(
      `${prefix}/arrangementer/:id`,
      { config: publicAccess, schema: { params: IdParamsSchema, body: FormBodySchema } },
      async (request, reply) => {
        const limited = await overLimit(request, REGISTRATION_LIMIT);
        const ctx = ctxOf(request, locale);
        return send(
          reply,
          await submitRegistrationForm(ctx, request.params.id, request.body, limited),
        );
      },
    );
    r.get(
      `${prefix}/arrangementer/:id/kalender.ics`,
      { config: publicAccess, schema: { params: IdParamsSchema } },
      async (request, reply) =>
        sendIcs(
          reply,
          await calendarFeed(ctxOf(request, locale), request.params.id),
          'arrangement',
        ),
    );
    r.get(
      `${prefix}/arrangementer/avmelding/:token`,
      { config: publicAccess, schema: { params: TokenParamsSchema } },
      async (request, reply) => {
        reply.header('referrer-policy', 'no-referrer');
        return send(reply, await cancelPage(ctxOf(request, locale), request.params.token));
      },
    );
    r.post(
      `${prefix}/arrangementer/avmelding/:token`,
      { config: publicAccess, schema: { params: TokenParamsSchema } },
      async (request, reply) => {
        if (await overLimit(request, CANCEL_LIMIT))
          throw new AppError('rate_limited', 'Too many attempts.', { retryAfterSeconds: 600 });
        return send(reply, await submitCancel(ctxOf(request, locale), request.params.token));
      },
    );
  }
}
