import type { FastifyInstance, FastifyRequest } from 'fastify';
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
import { requirePrincipal } from '../../plugins/access.js';
import { setSessionCookie } from '../../plugins/auth.js';
import { limitPerIp } from '../../plugins/rate-limit.js';
import { callerLinkRefusalPage } from './caller-links.page.js';
import {
  type Actor,
  CallerLinkRefused,
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

  r.get(
    '/ring/:token',
    {
      config: { access: 'public' },
      preHandler: linkLimit,
      schema: { params: CallerLinkTokenParamsSchema, hide: true },
    },
    async (request, reply) => {
      reply.header('cache-control', 'no-store').header('referrer-policy', 'no-referrer');
      // A HEAD (a link checker, a message app looking before it shows the link) must not use
      // the link up: only a real visit does.
      if (request.method === 'HEAD') return reply.type('text/html; charset=utf-8').send('');
      try {
        const session = await redeemCallerLink(db, clock, request.params.token, {
          ip: request.ip,
          userAgent: request.headers['user-agent'] ?? null,
        });
        setSessionCookie(reply, session.secret, session.absoluteExpiresAt, config.secureCookies);
        return reply.redirect('/office/calling', 302);
      } catch (error) {
        if (!(error instanceof CallerLinkRefused)) throw error;
        return reply
          .code(error.status)
          .type('text/html; charset=utf-8')
          .send(callerLinkRefusalPage(request.locale, error.reason));
      }
    },
  );
}
