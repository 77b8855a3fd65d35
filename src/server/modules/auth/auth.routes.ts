import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import {
  MeSchema,
  SignInBodySchema,
  SignInResultSchema,
  TotpCodeBodySchema,
  TotpSetupSchema,
  UpdateMeBodySchema,
} from '../../../contracts/auth.js';
import { AppError } from '../../errors.js';
import { requirePrincipal } from '../../plugins/access.js';
import { clearSessionCookie, setSessionCookie } from '../../plugins/auth.js';
import { limitPerIp } from '../../plugins/rate-limit.js';
import { recordAudit } from '../audit/audit.service.js';
import {
  beginTotpSetup,
  currentUser,
  enableTotp,
  principalOf,
  signInWithPassword,
  updateCurrentUser,
  verifySecondFactor,
} from './auth.service.js';
import { csrfTokenFor } from './secrets.js';
import { endSession } from './session.service.js';

const SignInResponseSchema = SignInResultSchema.extend({ csrfToken: z.string() });

export async function authRoutes(app: FastifyInstance) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const { db, clock, config } = app.deps;
  const signInLimit = limitPerIp({ name: 'sign-in:ip', max: 30, windowMs: 60_000 });

  r.post(
    '/api/auth/sign-in',
    {
      config: { access: 'public' },
      preHandler: signInLimit,
      schema: { tags: ['auth'], body: SignInBodySchema, response: { 200: SignInResponseSchema } },
    },
    async (request, reply) => {
      const meta = { ip: request.ip, userAgent: request.headers['user-agent'] ?? null };
      const outcome = await signInWithPassword(db, clock, request.body, meta);
      // A new session id at every sign-in: any earlier cookie on this browser is dropped.
      setSessionCookie(
        reply,
        outcome.session.secret,
        outcome.session.absoluteExpiresAt,
        clock.now(),
        config.secureCookies,
      );
      const csrfToken = csrfTokenFor(config.sessionSecret, outcome.session.id);
      if (outcome.mfaRequired) return { mfaRequired: true, csrfToken };
      const principal = await principalOf(db, outcome.user, 'session', outcome.session.id);
      return { mfaRequired: false, user: await currentUser(db, principal), csrfToken };
    },
  );

  r.post(
    '/api/auth/totp/verify',
    {
      config: { access: 'public' },
      preHandler: signInLimit,
      schema: { tags: ['auth'], body: TotpCodeBodySchema, response: { 200: MeSchema } },
    },
    async (request) => {
      const pending = request.pendingMfa;
      if (!pending) throw new AppError('unauthenticated', 'Sign in with your password first.');
      const user = await verifySecondFactor(db, clock, pending, request.body.code, request.ip);
      const principal = await principalOf(db, user, 'session', pending.sessionId);
      return {
        user: await currentUser(db, principal),
        csrfToken: csrfTokenFor(config.sessionSecret, pending.sessionId),
      };
    },
  );

  r.post(
    '/api/auth/sign-out',
    { config: { access: 'public' }, schema: { tags: ['auth'], response: { 204: z.null() } } },
    async (request, reply) => {
      const sessionId = request.principal?.sessionId ?? request.pendingMfa?.sessionId;
      if (sessionId) {
        await endSession(db, sessionId);
        await recordAudit(db, clock.now(), {
          action: 'auth.sign_out',
          actor: {
            userId: request.principal?.userId ?? request.pendingMfa?.userId ?? null,
            label: request.principal?.email ?? 'pending',
          },
          ip: request.ip,
          regionId: request.principal?.regionId ?? null,
        });
      }
      clearSessionCookie(reply, config.secureCookies);
      return reply.code(204).send(null);
    },
  );

  r.get(
    '/api/auth/me',
    {
      config: { access: 'authenticated', duringMfaEnrolment: true },
      schema: { tags: ['auth'], response: { 200: MeSchema } },
    },
    async (request) => {
      const principal = requirePrincipal(request);
      return {
        user: await currentUser(db, principal),
        csrfToken: principal.sessionId
          ? csrfTokenFor(config.sessionSecret, principal.sessionId)
          : '',
      };
    },
  );

  r.patch(
    '/api/auth/me',
    {
      config: { access: 'authenticated', duringMfaEnrolment: true },
      schema: { tags: ['auth'], body: UpdateMeBodySchema, response: { 200: MeSchema } },
    },
    async (request) => {
      const principal = requirePrincipal(request);
      await updateCurrentUser(db, clock, principal, request.body);
      return {
        user: await currentUser(db, principal),
        csrfToken: principal.sessionId
          ? csrfTokenFor(config.sessionSecret, principal.sessionId)
          : '',
      };
    },
  );

  r.post(
    '/api/auth/totp/setup',
    {
      config: { access: 'authenticated', duringMfaEnrolment: true },
      schema: { tags: ['auth'], response: { 200: TotpSetupSchema } },
    },
    async (request) => beginTotpSetup(db, clock, requirePrincipal(request)),
  );

  r.post(
    '/api/auth/totp/enable',
    {
      config: { access: 'authenticated', duringMfaEnrolment: true },
      schema: { tags: ['auth'], body: TotpCodeBodySchema, response: { 204: z.null() } },
    },
    async (request, reply) => {
      await enableTotp(db, clock, requirePrincipal(request), request.body.code, request.ip);
      return reply.code(204).send(null);
    },
  );
}
