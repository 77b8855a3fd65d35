import type { FastifyRequest } from 'fastify';
import { consumeLimit, type LimitRule } from '../modules/limits/limits.service.js';

/**
 * A preHandler that limits a route per client IP (counted in the database, so shared by
 * every process). Use on sign-in and every public form.
 */
export function limitPerIp(rule: LimitRule) {
  return async (request: FastifyRequest) => {
    await consumeLimit(request.server.deps.db, request.server.deps.clock, rule, request.ip);
  };
}
