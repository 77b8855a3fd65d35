import cookie from '@fastify/cookie';
import formbody from '@fastify/formbody';
import Fastify, { type FastifyInstance } from 'fastify';
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
  }).withTypeProvider<ZodTypeProvider>();

  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(serializerCompiler);
  app.decorate('deps', deps);
  collectRoutes(app);

  await app.register(errorsPlugin);
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
