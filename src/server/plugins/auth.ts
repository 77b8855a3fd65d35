import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import fp from 'fastify-plugin';
import { AppError } from '../errors.js';
import { csrfTokenFor, safeEqual } from '../modules/auth/secrets.js';
import {
  principalOf,
  resolveApiToken,
  resolveSession,
  SESSION_COOKIE,
} from '../modules/auth/session.service.js';

declare module 'fastify' {
  interface FastifyRequest {
    /** A signed-in session still waiting for its second factor. */
    pendingMfa: { sessionId: string; userId: string } | null;
  }
}

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

/**
 * The cookie lives as long as the session may (its absolute limit), counted by the browser
 * from when it gets it (Max-Age), so a browser whose clock differs from the server's neither
 * keeps nor drops the cookie early.
 */
export function setSessionCookie(
  reply: FastifyReply,
  secret: string,
  expires: Date,
  now: Date,
  secure: boolean,
) {
  reply.setCookie(SESSION_COOKIE, secret, {
    path: '/',
    httpOnly: true,
    sameSite: 'lax',
    secure,
    maxAge: Math.max(0, Math.floor((expires.getTime() - now.getTime()) / 1000)),
  });
}

export function clearSessionCookie(reply: FastifyReply, secure: boolean) {
  reply.clearCookie(SESSION_COOKIE, { path: '/', httpOnly: true, sameSite: 'lax', secure });
}

/**
 * Who is calling: a Bearer token (no CSRF needed: a browser never sends it by itself) or the
 * session cookie (then every write must carry the session's CSRF token in `x-csrf-token`).
 */
export const authPlugin = fp(async (app: FastifyInstance) => {
  app.decorateRequest('pendingMfa', null);
  const { db, clock, config } = app.deps;

  app.addHook('onRequest', async (request: FastifyRequest, reply: FastifyReply) => {
    const header = request.headers.authorization;
    if (header) {
      const match = /^Bearer\s+(\S+)$/i.exec(header);
      const user = match ? await resolveApiToken(db, clock, match[1]!) : undefined;
      if (!user) throw new AppError('unauthenticated', 'The API token is not valid.');
      request.principal = await principalOf(db, user, 'token');
      return;
    }
    const cookie = request.cookies[SESSION_COOKIE];
    if (!cookie) return;
    const resolved = await resolveSession(db, clock, cookie);
    if (!resolved) {
      clearSessionCookie(reply, config.secureCookies);
      return;
    }
    if (resolved.session.mfaDone !== 1) {
      request.pendingMfa = { sessionId: resolved.session.id, userId: resolved.user.id };
      return;
    }
    request.principal = await principalOf(
      db,
      resolved.user,
      'session',
      resolved.session.id,
      resolved.session.signInMethod,
    );
  });

  // JSON API writes must be JSON (or multipart uploads): a cross-site HTML form cannot send
  // either without CORS, which closes the sign-in CSRF hole on top of SameSite cookies.
  app.addHook('preValidation', async (request) => {
    if (SAFE_METHODS.has(request.method) || !request.url.startsWith('/api/')) return;
    const type = (request.headers['content-type'] ?? '').split(';')[0]!.trim().toLowerCase();
    if (
      request.body !== undefined &&
      type !== 'application/json' &&
      type !== 'multipart/form-data'
    ) {
      throw new AppError('unsupported_media_type', 'Send JSON (Content-Type: application/json).');
    }
    // Signing in replaces whatever session the browser had, and a sign-in still waiting for
    // its code may be abandoned (sign-in again, or sign out) from a tab that never saw its token.
    const path = request.routeOptions.url;
    if (path === '/api/auth/sign-in') return;
    if (!request.principal && path === '/api/auth/sign-out') return;
    const sessionId =
      request.principal?.via === 'session'
        ? request.principal.sessionId
        : request.pendingMfa?.sessionId;
    if (!sessionId) return;
    const sent = request.headers['x-csrf-token'];
    const expected = csrfTokenFor(config.sessionSecret, sessionId);
    if (typeof sent !== 'string' || !safeEqual(sent, expected)) {
      throw new AppError('forbidden', 'The CSRF token is missing or wrong. Reload the page.', {
        details: { reason: 'csrf' },
      });
    }
  });
});
