import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { DEFAULT_LOCALE, LOCALES, type Locale } from '../../../web/i18n/locales.js';
import { type ConsentPageState, renderConsentPage } from '../../../web/site/consent-page.js';
import { notFound } from '../../errors.js';
import { limitPerIp } from '../../plugins/rate-limit.js';
import type { LimitRule } from '../limits/limits.service.js';
import { findSiteRegion } from '../regions/regions.service.js';
import { siteAssetsOf } from '../site/site.page-assets.js';
import { isWithdrawable, withdrawConsent } from './consent.js';

const CONSENT_LIMIT: LimitRule = { name: 'consent:ip', max: 30, windowMs: 10 * 60_000 };
const TokenParamsSchema = z.strictObject({ token: z.string().max(200) });
const AnyBodySchema = z.unknown();

/**
 * The withdrawal link of every email about a person. Opening it (or a mail program's link
 * preview) only asks; the button, or a mail program's one-click POST (RFC 8058), withdraws.
 */
export async function consentRoutes(app: FastifyInstance) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const { db, clock, config } = app.deps;

  const page = async (
    request: FastifyRequest,
    reply: FastifyReply,
    locale: Locale,
    state: ConsentPageState,
  ) => {
    const region = await findSiteRegion(db, request.hostname, config.defaultRegion);
    if (!region) throw notFound('The region');
    const token = (request.params as { token: string }).token;
    const html = renderConsentPage(
      {
        locale,
        path: `/samtykke/${token}`,
        region,
        assets: await siteAssetsOf(db, region),
      },
      state,
    );
    // An unknown link answers 404 with the same friendly page, so nothing tells links apart.
    return reply
      .code(state === 'unknown' ? 404 : 200)
      .header('cache-control', 'no-store')
      .header('referrer-policy', 'no-referrer')
      .type('text/html; charset=utf-8')
      .send(html);
  };

  for (const locale of LOCALES) {
    const prefix = locale === DEFAULT_LOCALE ? '' : `/${locale}`;
    r.get(
      `${prefix}/samtykke/:token`,
      { config: { access: 'public' }, schema: { params: TokenParamsSchema } },
      async (request, reply) =>
        page(
          request,
          reply,
          locale,
          isWithdrawable(config.sessionSecret, request.params.token) ? 'ask' : 'unknown',
        ),
    );
    r.post(
      `${prefix}/samtykke/:token`,
      {
        config: { access: 'public' },
        preValidation: limitPerIp(CONSENT_LIMIT),
        schema: { params: TokenParamsSchema, body: AnyBodySchema },
      },
      async (request, reply) => {
        const result = await withdrawConsent(db, clock, config.sessionSecret, request.params.token);
        return page(request, reply, locale, result === 'withdrawn' ? 'done' : 'unknown');
      },
    );
  }
}
