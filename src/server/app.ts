import cookie from '@fastify/cookie';
import formbody from '@fastify/formbody';
import Fastify, { type FastifyInstance, LogController } from 'fastify';
import {
  serializerCompiler,
  validatorCompiler,
  type ZodTypeProvider,
} from 'fastify-type-provider-zod';
import type { AppDeps } from './deps.js';
import { modules } from './modules/index.js';
import { accessPlugin } from './plugins/access.js';
import { authPlugin } from './plugins/auth.js';
import { errorsPlugin } from './plugins/errors.js';
import { i18nPlugin } from './plugins/i18n.js';
import { openapiPlugin } from './plugins/openapi.js';
import { pageCachePlugin } from './plugins/page-cache.js';
import { collectRoutes } from './plugins/route-registry.js';
import { securityPlugin } from './plugins/security.js';

export interface BuildOptions {
  logger?: boolean | { level: string };
}

/** Builds the whole application (site, office, API) around the given dependencies. */
export async function buildApp(deps: AppDeps, options: BuildOptions = {}) {
  const app = Fastify({
    logger: options.logger ?? false,
    trustProxy: deps.config.trustProxy,
    bodyLimit: 1024 * 1024,
    // Request ids let a person report a problem we can find in the log.
    requestIdHeader: false,
    genReqId: () => crypto.randomUUID(),
    // Access logs at info would write two lines per request: the reverse proxy keeps those.
    // We log each response at debug, and errors at their own level, always.
    logController: new LogController({ disableRequestLogging: true }),
  }).withTypeProvider<ZodTypeProvider>();

  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(serializerCompiler);
  app.decorate('deps', deps);
  app.addHook('onResponse', async (request, reply) => {
    if (request.log.level !== 'debug' && request.log.level !== 'trace') return;
    request.log.debug(
      { method: request.method, url: request.url, status: reply.statusCode, ms: reply.elapsedTime },
      'request',
    );
  });
  collectRoutes(app);

  await app.register(errorsPlugin);
  // First, so a cached anonymous page skips the rest of the pipeline (it replays its headers).
  await app.register(pageCachePlugin, { ttlMs: 5_000, maxEntries: 500 });
  await app.register(securityPlugin, { hsts: deps.config.secureCookies });
  await app.register(cookie, { secret: deps.config.sessionSecret });
  await app.register(formbody);
  await app.register(i18nPlugin);
  await app.register(accessPlugin);
  await app.register(authPlugin);
  await app.register(openapiPlugin);

  for (const module of modules) {
    await app.register(module);
  }
  return app as unknown as FastifyInstance;
}

export type App = Awaited<ReturnType<typeof buildApp>>;
