import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import {
  type CampaignProgress,
  CampaignProgressSchema,
} from '../../../contracts/calling-progress.js';
import { CampaignIdParamsSchema } from '../../../contracts/referral.js';
import { requirePrincipal } from '../../plugins/access.js';
import { createProgressHub } from './progress.hub.js';
import { type Credential, getCampaignProgress, stillSignedIn } from './progress.service.js';

export const PROGRESS_ROLES = ['admin', 'programme_leader', 'host', 'caller'] as const;

/**
 * A comment line keeps proxies and the browser from closing a quiet stream; with it, the
 * stream checks the viewer is still signed in. Tests shorten it.
 */
export const streamTiming = { heartbeatMs: 20_000 };

function credentialOf(request: FastifyRequest): Credential | null {
  const principal = requirePrincipal(request);
  if (principal.via === 'session' && principal.sessionId) {
    return { kind: 'session', sessionId: principal.sessionId };
  }
  const token = /^Bearer\s+(\S+)$/i.exec(request.headers.authorization ?? '')?.[1];
  return token ? { kind: 'token', token } : null;
}

/** The headers other hooks set (security headers), with the event-stream ones on top. */
function streamHeaders(reply: FastifyReply) {
  const headers: Record<string, string | number | string[]> = {};
  for (const [name, value] of Object.entries(reply.getHeaders())) {
    if (value !== undefined && name !== 'content-length') headers[name] = value;
  }
  return {
    ...headers,
    'content-type': 'text/event-stream; charset=utf-8',
    'cache-control': 'no-store',
    // nginx and similar proxies: pass each event on at once.
    'x-accel-buffering': 'no',
    connection: 'keep-alive',
  };
}

/**
 * Live progress of a calling day: the numbers as JSON, and the same as server-sent events.
 * The stream answers its errors (401/403/404) like the JSON route, before it starts; once
 * started it is written by hand (hijacked), so neither the error handler nor any cache sees it.
 */
export async function progressRoutes(app: FastifyInstance) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const { db, clock, events } = app.deps;
  const tags = ['calling'];
  const hub = createProgressHub({
    db,
    clock,
    events,
    onError: (error) => app.log.warn({ err: error }, 'live progress: reading failed'),
  });
  // Open streams would hold app.close() (and a graceful stop) until the client went away.
  app.addHook('preClose', async () => hub.close());

  r.get(
    '/api/campaigns/:campaignId/progress',
    {
      config: { access: PROGRESS_ROLES },
      schema: { tags, params: CampaignIdParamsSchema, response: { 200: CampaignProgressSchema } },
    },
    async (request) =>
      getCampaignProgress(db, clock, requirePrincipal(request), request.params.campaignId),
  );

  r.get(
    '/api/campaigns/:campaignId/progress/stream',
    {
      config: { access: PROGRESS_ROLES },
      schema: {
        tags,
        params: CampaignIdParamsSchema,
        description:
          'Server-sent events (text/event-stream): `event: progress` with the body of GET …/progress at once and after each change; a comment line every 20 s.',
      },
    },
    async (request, reply) => {
      const principal = requirePrincipal(request);
      const { campaignId } = request.params;
      const credential = credentialOf(request);
      // Everything that can refuse happens before the stream starts, through the error handler.
      const first = await getCampaignProgress(db, clock, principal, campaignId);

      reply.hijack();
      const raw = reply.raw;
      // Gone while the first numbers were read: nothing to start.
      if (raw.destroyed || request.raw.socket.destroyed) return;
      raw.writeHead(200, streamHeaders(reply));
      let closed = false;
      let waiting: CampaignProgress | null = null;
      const write = (progress: CampaignProgress) => {
        if (closed) return;
        // A slow client gets the newest numbers once it catches up, not every step between.
        if (raw.writableNeedDrain) {
          waiting = progress;
          return;
        }
        raw.write(
          `event: progress\ndata: ${JSON.stringify(CampaignProgressSchema.parse(progress))}\n\n`,
        );
      };
      raw.on('drain', () => {
        const next = waiting;
        waiting = null;
        if (next) write(next);
      });
      raw.write('retry: 3000\n\n');
      write(first);

      const end = () => {
        if (closed) return;
        closed = true;
        clearInterval(heartbeat);
        remove();
        raw.end();
      };
      const remove = hub.add(campaignId, { principal, send: write, end });
      const heartbeat = setInterval(() => {
        if (closed) return;
        raw.write(': ping\n\n');
        // Signed out, disabled or expired since: stop; the browser's reconnect then gets 401.
        if (!credential) return;
        stillSignedIn(db, clock, credential)
          .then((ok) => {
            if (!ok) end();
          })
          .catch(() => {});
      }, streamTiming.heartbeatMs);
      heartbeat.unref();
      raw.on('close', end);
    },
  );
}
