import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import fp from 'fastify-plugin';
import { AppError } from '../errors.js';

export const ROLES = ['admin', 'programme_leader', 'host', 'caller', 'organiser'] as const;
export type Role = (typeof ROLES)[number];

/**
 * Who may call a route. Every route declares one in `config.access`; a route without it
 * answers 403 to everyone (deny by default) and fails the authorization-matrix test.
 * - 'public': anyone, signed in or not
 * - 'authenticated': any signed-in staff user (any role)
 * - a list of roles: only those
 */
export type Access = 'public' | 'authenticated' | readonly Role[];

/** The signed-in user as every service sees them. */
export interface Principal {
  userId: string;
  email: string;
  name: string;
  role: Role;
  /** null only for admins, who see every region. */
  regionId: string | null;
  /**
   * Municipalities a host or caller is limited to; empty for admin and programme leader, and
   * for an organiser (who sees no one's records, only their organisation's events).
   */
  municipalityCodes: string[];
  campaignId: string | null;
  via: 'session' | 'token';
  sessionId?: string;
  /** An admin or programme leader without a second factor may only set one up. */
  mfaEnrolmentRequired: boolean;
}

/**
 * What a principal may see. Repos take a Scope and filter by it in SQL, so a query cannot
 * forget it: 'all' means unrestricted on that axis.
 */
export interface Scope {
  regionIds: 'all' | string[];
  municipalityCodes: 'all' | string[];
}

export function scopeOf(p: Principal): Scope {
  if (p.role === 'admin') return { regionIds: 'all', municipalityCodes: 'all' };
  const regionIds = p.regionId ? [p.regionId] : [];
  if (p.role === 'programme_leader') return { regionIds, municipalityCodes: 'all' };
  return { regionIds, municipalityCodes: p.municipalityCodes };
}

declare module 'fastify' {
  interface FastifyContextConfig {
    access?: Access;
    /** Reachable by a signed-in admin or programme leader who has not set up TOTP yet. */
    duringMfaEnrolment?: boolean;
  }
  interface FastifyRequest {
    principal: Principal | null;
  }
}

export function isAllowed(access: Access | undefined, principal: Principal | null): boolean {
  if (access === undefined) return false;
  if (access === 'public') return true;
  if (!principal) return false;
  if (access === 'authenticated') return true;
  return access.includes(principal.role);
}

/** Throws unless the request's principal may use the route. */
export function enforceAccess(request: FastifyRequest): void {
  const access = request.routeOptions.config.access;
  if (access === 'public') return;
  if (access !== undefined && !request.principal) {
    throw new AppError('unauthenticated', 'Sign in first.');
  }
  if (!isAllowed(access, request.principal)) {
    throw new AppError('forbidden', 'You do not have access to this.');
  }
  if (request.principal?.mfaEnrolmentRequired && !request.routeOptions.config.duringMfaEnrolment) {
    throw new AppError('forbidden', 'Set up two-step verification first.', {
      details: { reason: 'mfa_enrolment_required' },
    });
  }
}

/** Returns the principal or throws 401: for handlers on routes that need a signed-in user. */
export function requirePrincipal(request: FastifyRequest): Principal {
  if (!request.principal) throw new AppError('unauthenticated', 'Sign in first.');
  return request.principal;
}

export const accessPlugin = fp(async (app: FastifyInstance) => {
  app.decorateRequest('principal', null);
  // After authentication (onRequest) and before validation, so an anonymous caller gets 401
  // rather than a list of what was wrong with a body they may not send at all.
  app.addHook('preValidation', async (request: FastifyRequest, _reply: FastifyReply) => {
    if (request.is404) return;
    enforceAccess(request);
  });
});
