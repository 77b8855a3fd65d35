import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import fp from 'fastify-plugin';

declare module 'fastify' {
  interface FastifyContextConfig {
    /** A public page that is the same for every anonymous visitor: replayed from memory. */
    pageCache?: boolean;
  }
}

interface Entry {
  at: number;
  etag: string | undefined;
  headers: Record<string, string | number | string[]>;
  body: string;
}

// Headers that belong to one response, not to the page.
const NOT_REPLAYED = new Set([
  'content-length',
  'date',
  'connection',
  'keep-alive',
  'transfer-encoding',
]);

/**
 * A short-lived page cache for anonymous visitors, in front of the whole request pipeline:
 * the first request for a page goes through every hook (security headers included) and its
 * exact headers and body are kept; the next ones within `ttlMs` are answered from memory.
 * Only GET/HEAD without cookies, credentials or a query string, on routes that opt in, and
 * only 200 answers that set no cookie. The TTL keeps several processes close enough.
 */
export const pageCachePlugin = fp(
  async (app: FastifyInstance, opts: { ttlMs: number; maxEntries: number }) => {
    const entries = new Map<string, Entry>();
    const replayed = new WeakSet<FastifyReply>();
    // The app's clock, so tests that move time see the cache expire as visitors would.
    const now = () => app.deps.clock.now().getTime();

    const keyOf = (request: FastifyRequest): string | undefined => {
      if (request.method !== 'GET' && request.method !== 'HEAD') return undefined;
      if (!request.routeOptions.config.pageCache) return undefined;
      const h = request.headers;
      if (h.cookie || h.authorization || request.url.includes('?')) return undefined;
      return `${request.hostname}\u0000${request.protocol}\u0000${request.url}`;
    };

    app.addHook('onRequest', (request: FastifyRequest, reply: FastifyReply, done) => {
      const key = keyOf(request);
      const hit = key ? entries.get(key) : undefined;
      if (!hit || now() - hit.at > opts.ttlMs) return done();
      replayed.add(reply);
      reply.headers(hit.headers);
      const inm = request.headers['if-none-match'];
      if (hit.etag && inm?.split(',').some((t) => t.trim().replace(/^W\//, '') === hit.etag)) {
        reply.code(304).send();
        return;
      }
      reply.code(200).send(hit.body);
    });

    app.addHook('onSend', (request, reply, payload, done) => {
      const key = replayed.has(reply) ? undefined : keyOf(request);
      if (
        key &&
        reply.statusCode === 200 &&
        typeof payload === 'string' &&
        !reply.hasHeader('set-cookie')
      ) {
        const headers: Entry['headers'] = {};
        for (const [name, value] of Object.entries(reply.getHeaders())) {
          if (value !== undefined && !NOT_REPLAYED.has(name)) headers[name] = value;
        }
        if (entries.size >= opts.maxEntries) entries.delete(entries.keys().next().value as string);
        entries.set(key, {
          at: now(),
          etag: typeof headers.etag === 'string' ? headers.etag : undefined,
          headers,
          body: payload,
        });
      }
      done(null, payload);
    });
  },
);
