import type { FastifyInstance } from 'fastify';
import { healthRoutes } from './health/health.routes.js';
import { regionsRoutes } from './regions/regions.routes.js';

/** Every module's routes, registered in this order. A new module adds one line. */
export const modules: Array<(app: FastifyInstance) => Promise<void>> = [
  healthRoutes,
  regionsRoutes,
];
