import swagger from '@fastify/swagger';
import type { FastifyInstance } from 'fastify';
import fp from 'fastify-plugin';
import { jsonSchemaTransform, jsonSchemaTransformObject } from 'fastify-type-provider-zod';

/** The OpenAPI 3 document, generated from the zod contracts of every /api route. */
export const openapiPlugin = fp(async (app: FastifyInstance) => {
  await app.register(swagger, {
    openapi: {
      openapi: '3.1.0',
      info: {
        title: 'Flytthit API',
        description: 'JSON API of Flytthit. Cookie sessions (with CSRF token) or Bearer tokens.',
        version: '0.1.0',
      },
      components: {
        securitySchemes: {
          bearer: { type: 'http', scheme: 'bearer' },
          session: { type: 'apiKey', in: 'cookie', name: 'flytthit_session' },
        },
      },
    },
    transform: (input) => {
      const out = jsonSchemaTransform(input);
      // Only the JSON API belongs in the document; pages and assets are not API.
      if (!input.url.startsWith('/api/') && !['/healthz', '/readyz'].includes(input.url)) {
        return { ...out, schema: { ...out.schema, hide: true } };
      }
      return out;
    },
    transformObject: jsonSchemaTransformObject,
  });
  app.get(
    '/api/openapi.json',
    { config: { access: 'public' }, schema: { hide: true } },
    async (_request, reply) => reply.header('cache-control', 'no-cache').send(app.swagger()),
  );
});
