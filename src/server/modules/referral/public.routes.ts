import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import {
  CampaignIdParamsSchema,
  IdempotencyHeadersSchema,
  TipInputSchema,
  TipReceivedSchema,
} from '../../../contracts/referral.js';
import { DEFAULT_LOCALE, LOCALES, type Locale } from '../../../web/i18n/locales.js';
import { AppError } from '../../errors.js';
import { limitPerIp } from '../../plugins/rate-limit.js';
import { consumeLimit, type LimitRule } from '../limits/limits.service.js';
import { getCampaignTakingTips } from './campaigns.service.js';
import {
  optOutPage,
  type PageResult,
  type PublicContext,
  submitOptOut,
  submitTipForm,
  thanksPage,
  tipFormPage,
  tipListPage,
} from './public.service.js';
import { submitTip } from './tips.service.js';

const TIP_LIMIT: LimitRule = { name: 'tip:ip', max: 20, windowMs: 10 * 60_000 };
const OPT_OUT_LIMIT: LimitRule = { name: 'opt-out:ip', max: 20, windowMs: 10 * 60_000 };
const publicAccess = { access: 'public' } as const;
const SlugParamsSchema = z.strictObject({ slug: z.string().regex(/^[a-z0-9-]{1,64}$/) });
const OptOutQuerySchema = z.object({ kode: z.string().max(40).optional() });
const FormBodySchema = z.record(z.string(), z.unknown());

/** The public side of «Savner du noen?»: the JSON tip API, the tip form and the opt-out page. */
export async function publicReferralRoutes(app: FastifyInstance) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const { db, clock, config } = app.deps;

  r.post(
    '/api/public/campaigns/:campaignId/tips',
    {
      config: publicAccess,
      preValidation: limitPerIp(TIP_LIMIT),
      schema: {
        tags: ['tips'],
        summary: 'Send a tip (no sign-in). Idempotency-Key makes a retry safe.',
        params: CampaignIdParamsSchema,
        headers: IdempotencyHeadersSchema,
        body: TipInputSchema,
        response: { 201: TipReceivedSchema },
      },
    },
    async (request, reply) => {
      const campaign = await getCampaignTakingTips(db, { id: request.params.campaignId });
      await submitTip(db, clock, campaign, request.body, request.headers['idempotency-key']);
      return reply.code(201).send({ status: 'received' as const });
    },
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

  // The postcard's QR code: short and upper case, so the code stays small and quick to scan.
  for (const path of ['/r/:code', '/R/:code']) {
    r.get(
      path,
      { config: publicAccess, schema: { params: z.strictObject({ code: z.string().max(20) }) } },
      async (request, reply) =>
        reply
          .header('cache-control', 'no-store')
          .redirect(`/reservasjon?kode=${encodeURIComponent(request.params.code)}`, 302),
    );
  }

  for (const locale of LOCALES) {
    const prefix = locale === DEFAULT_LOCALE ? '' : `/${locale}`;
    r.get(`${prefix}/tips`, { config: publicAccess }, async (request, reply) =>
      send(reply, await tipListPage(ctxOf(request, locale))),
    );
    r.get(
      `${prefix}/tips/:slug`,
      { config: publicAccess, schema: { params: SlugParamsSchema } },
      async (request, reply) =>
        send(reply, await tipFormPage(ctxOf(request, locale), request.params.slug)),
    );
    r.post(
      `${prefix}/tips/:slug`,
      { config: publicAccess, schema: { params: SlugParamsSchema, body: FormBodySchema } },
      async (request, reply) => {
        const limited = await overLimit(request, TIP_LIMIT);
        const ctx = ctxOf(request, locale);
        return send(reply, await submitTipForm(ctx, request.params.slug, request.body, limited));
      },
    );
    r.get(
      `${prefix}/tips/:slug/takk`,
      { config: publicAccess, schema: { params: SlugParamsSchema } },
      async (request, reply) =>
        send(reply, await thanksPage(ctxOf(request, locale), request.params.slug)),
    );
    r.get(
      `${prefix}/reservasjon`,
      { config: publicAccess, schema: { querystring: OptOutQuerySchema } },
      async (request, reply) =>
        send(reply, await optOutPage(ctxOf(request, locale), request.query.kode ?? '')),
    );
    r.post(
      `${prefix}/reservasjon`,
      { config: publicAccess, schema: { body: FormBodySchema } },
      async (request, reply) => {
        const limited = await overLimit(request, OPT_OUT_LIMIT);
        const ctx = ctxOf(request, locale);
        return send(reply, await submitOptOut(ctx, request.body, request.ip, limited));
      },
    );
  }
}
