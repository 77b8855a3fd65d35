import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import {
  OidcCallbackQuerySchema,
  OidcStartParamsSchema,
  ProviderListQuerySchema,
  ProviderListSchema,
} from '../../../contracts/sso.js';
import { setSessionCookie } from '../../plugins/auth.js';
import { limitPerIp } from '../../plugins/rate-limit.js';
import { listPublicProviders } from './providers.service.js';
import { ssoRefusalPage } from './sso.page.js';
import { beginOidcSignIn, completeOidcSignIn, SsoRefused } from './sso.service.js';

/** Binds a sign-in's state to the browser that started it (against login CSRF). */
const STATE_COOKIE = 'flytthit_oidc_state';
const CALLBACK_PATH = '/auth/oidc/callback';

/** Single sign-on with a region's OpenID Connect provider, beside passwords. */
export async function ssoRoutes(app: FastifyInstance) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const { db, clock, config } = app.deps;
  const limit = limitPerIp({ name: 'oidc:ip', max: 60, windowMs: 60_000 });
  const redirectUri = `${config.publicUrl}${CALLBACK_PATH}`;
  const stateCookie = {
    path: '/auth/oidc',
    httpOnly: true,
    sameSite: 'lax',
    secure: config.secureCookies,
  } as const;

  r.get(
    '/api/auth/providers',
    {
      config: { access: 'public' },
      schema: {
        tags: ['auth'],
        querystring: ProviderListQuerySchema,
        response: { 200: ProviderListSchema },
      },
    },
    async (request) => ({ providers: await listPublicProviders(db, request.query.region) }),
  );

  r.get(
    '/auth/oidc/:providerId/start',
    { config: { access: 'public' }, preHandler: limit, schema: { params: OidcStartParamsSchema } },
    async (request, reply) => {
      try {
        const started = await beginOidcSignIn(db, clock, request.params.providerId, redirectUri);
        reply.setCookie(STATE_COOKIE, started.state, { ...stateCookie, maxAge: 600 });
        return reply.redirect(started.authorizationUrl, 302);
      } catch (error) {
        if (!(error instanceof SsoRefused)) throw error;
        return reply
          .code(error.status)
          .type('text/html; charset=utf-8')
          .send(ssoRefusalPage(request.locale, error.reason));
      }
    },
  );

  r.get(
    CALLBACK_PATH,
    {
      config: { access: 'public' },
      preHandler: limit,
      schema: { querystring: OidcCallbackQuerySchema },
    },
    async (request, reply) => {
      reply.clearCookie(STATE_COOKIE, stateCookie);
      // The provider's answer, on the exact redirect URI it was given (what the token request
      // must repeat), whatever host or proxy the request came through.
      const queryAt = request.url.indexOf('?');
      const currentUrl = new URL(redirectUri + (queryAt >= 0 ? request.url.slice(queryAt) : ''));
      try {
        const { session } = await completeOidcSignIn(
          db,
          clock,
          {
            currentUrl,
            state: request.query.state,
            browserState: request.cookies[STATE_COOKIE],
            error: request.query.error,
          },
          { ip: request.ip, userAgent: request.headers['user-agent'] ?? null },
        );
        setSessionCookie(
          reply,
          session.secret,
          session.absoluteExpiresAt,
          clock.now(),
          config.secureCookies,
        );
        return reply.redirect('/office/', 302);
      } catch (error) {
        if (!(error instanceof SsoRefused)) throw error;
        return reply
          .code(error.status)
          .type('text/html; charset=utf-8')
          .send(ssoRefusalPage(request.locale, error.reason));
      }
    },
  );
}
