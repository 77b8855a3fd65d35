import type { FastifyInstance } from 'fastify';
import type { Access } from './access.js';

export interface RegisteredRoute {
  method: string;
  url: string;
  /** undefined: the route declared none, so it answers 403 to everyone. */
  access: Access | undefined;
}

declare module 'fastify' {
  interface FastifyInstance {
    /** Every route with the access it declares, for the authorization-matrix test. */
    routeRegistry: RegisteredRoute[];
  }
}

/**
 * Records every route as it is added. Call it on the root instance before any plugin or
 * module adds routes. HEAD routes Fastify adds beside GET ones are left out: they share the
 * GET route's handler and access.
 */
export function collectRoutes(app: FastifyInstance): void {
  const registry: RegisteredRoute[] = [];
  app.decorate('routeRegistry', registry);
  app.addHook('onRoute', (route) => {
    for (const method of [route.method].flat()) {
      if (method === 'HEAD') continue;
      registry.push({ method, url: route.url, access: route.config?.access });
    }
  });
}
