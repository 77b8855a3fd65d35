import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import {
  CallerLinkCreateSchema,
  CallerLinkListSchema,
  CallerLinkSchema,
  CallerLinkTokenParamsSchema,
  CreatedCallerLinkSchema,
} from '../../../contracts/caller-links.js';
import { CampaignIdParamsSchema } from '../../../contracts/referral.js';
import type { Locale } from '../../../web/i18n/locales.js';
import { requirePrincipal } from '../../plugins/access.js';
import { setSessionCookie } from '../../plugins/auth.js';
import { limitPerIp } from '../../plugins/rate-limit.js';
import { callerLinkRefusalPage, callerLinkStartPage } from './caller-links.page.js';
import {
  type Actor,
  CallerLinkRefused,
  checkCallerLink,
  createCallerLink,
  listCallerLinks,
  redeemCallerLink,
  revokeCallerLink,
} from './caller-links.service.js';

const LEADERS = ['admin', 'programme_leader'] as const;

const RevokeParamsSchema = z.strictObject({
  campaignId: z.uuid('Not a campaign id'),
  callerId: z.uuid('Not a caller id'),
});

const actorOf = (request: FastifyRequest): Actor => ({
  principal: requirePrincipal(request),
  ip: request.ip,
});

/** Caller links: made and withdrawn by the programme leader, opened once by a volunteer. */
export async function callerLinksRoutes(app: FastifyInstance) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const { db, clock, config } = app.deps;
  const tags = ['calling'];
  const linkLimit = limitPerIp({ name: 'caller-link:ip', max: 30, windowMs: 15 * 60_000 });

  r.post(
    '/api/campaigns/:campaignId/caller-links',
    {
      config: { access: LEADERS },
      schema: {
        tags,
        params: CampaignIdParamsSchema,
        body: CallerLinkCreateSchema,
        response: { 201: CreatedCallerLinkSchema },
      },
    },
    async (request, reply) => {
      const created = await createCallerLink(
        db,
        clock,
        actorOf(request),
        request.params.campaignId,
        request.body,
        config.publicUrl,
      );
      return reply.code(201).header('cache-control', 'no-store').send(created);
    },
  );

  r.get(
    '/api/campaigns/:campaignId/caller-links',
    {
      config: { access: LEADERS },
      schema: { tags, params: CampaignIdParamsSchema, response: { 200: CallerLinkListSchema } },
    },
    async (request) => ({
      links: await listCallerLinks(db, clock, actorOf(request), request.params.campaignId),
    }),
  );

  r.post(
    '/api/campaigns/:campaignId/caller-links/:callerId/revoke',
    {
      config: { access: LEADERS },
      schema: { tags, params: RevokeParamsSchema, response: { 200: CallerLinkSchema } },
    },
    async (request) =>
      revokeCallerLink(
        db,
        clock,
        actorOf(request),
        request.params.campaignId,
        request.params.callerId,
      ),
  );

  const refusal = (reply: FastifyReply, locale: Locale, error: unknown) => {
    if (!(error instanceof CallerLinkRefused)) throw error;
    return reply
      .code(error.status)
      .type('text/html; charset=utf-8')
      .send(callerLinkRefusalPage(locale, error.reason));
  };
  const linkRoute = {
    config: { access: 'public' as const },
    preHandler: linkLimit,
    schema: { params: CallerLinkTokenParamsSchema, hide: true },
  };

  // Opening the link shows a button; only pressing it (a POST) uses the link up. Message
  // apps and link checkers open links to preview them and must not spend a volunteer's link.
  r.get('/ring/:token', linkRoute, async (request, reply) => {
    reply.header('cache-control', 'no-store').header('referrer-policy', 'no-referrer');
    if (request.method === 'HEAD') return reply.type('text/html; charset=utf-8').send('');
    try {
      await checkCallerLink(db, clock, request.params.token);
    } catch (error) {
      return refusal(reply, request.locale, error);
    }
    return reply
      .type('text/html; charset=utf-8')
      .send(callerLinkStartPage(request.locale, request.params.token));
  });

  r.post('/ring/:token', linkRoute, async (request, reply) => {
    reply.header('cache-control', 'no-store').header('referrer-policy', 'no-referrer');
    try {
      const session = await redeemCallerLink(db, clock, request.params.token, {
        ip: request.ip,
        userAgent: request.headers['user-agent'] ?? null,
      });
      setSessionCookie(
        reply,
        session.secret,
        session.absoluteExpiresAt,
        clock.now(),
        config.secureCookies,
      );
      return reply.redirect('/office/calling', 303);
    } catch (error) {
      return refusal(reply, request.locale, error);
    }
  });
}
