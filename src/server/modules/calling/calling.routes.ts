import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import {
  ClaimIdParamsSchema,
  ClaimResponseSchema,
  OutcomeInputSchema,
  OutcomeResponseSchema,
  PaperCallInputSchema,
} from '../../../contracts/calling.js';
import { ClaimQuerySchema, SaveHeadersSchema } from '../../../contracts/calling-claims.js';
import { CampaignIdParamsSchema } from '../../../contracts/referral.js';
import { requirePrincipal } from '../../plugins/access.js';
import type { Actor } from '../referral/campaigns.service.js';
import { saveOutcome } from './calls.service.js';
import { claimNext } from './claims.service.js';
import { savePaperCall } from './paper-calls.service.js';

/** Callers, and staff calling themselves within their scope. */
export const CALLING_ROLES = ['admin', 'programme_leader', 'host', 'caller'] as const;
/** Paper call sheets are entered in the office. */
export const PAPER_ROLES = ['admin', 'programme_leader', 'host'] as const;

const actorOf = (request: FastifyRequest): Actor => ({
  principal: requirePrincipal(request),
  ip: request.ip,
});

/** Validated by the route's header schema (SaveHeadersSchema). */
function idempotencyKeyOf(request: FastifyRequest): string | undefined {
  const value = request.headers['idempotency-key'];
  return typeof value === 'string' ? value : undefined;
}

/** At most one 'campaign-progress' message per campaign in this many ms from one process. */
export const PROGRESS_HINT_MS = 100;

/**
 * Publishes a campaign's progress hint at once, and the rest of a burst as one more message at
 * its end. The messages are hints and every live screen re-reads at most every 300 ms anyway
 * (progress.hub.ts), so on a busy calling day this spares nearly every claim and outcome a
 * NOTIFY round trip, and every listening process a wake-up. Not awaited: publishing never
 * throws, and the person on the phone need not wait for the screens.
 */
function progressHints(publish: (campaignId: string) => Promise<void>) {
  const quiet = new Map<string, { again: boolean; timer: NodeJS.Timeout }>();
  const send = (campaignId: string) => {
    publish(campaignId).catch(() => {}); // a bus never rejects; if one did, not a crash
    const slot = {
      again: false,
      timer: setTimeout(() => {
        quiet.delete(campaignId);
        if (slot.again) send(campaignId);
      }, PROGRESS_HINT_MS),
    };
    slot.timer.unref();
    quiet.set(campaignId, slot);
  };
  return {
    hint(campaignId: string) {
      const slot = quiet.get(campaignId);
      if (slot) slot.again = true;
      else send(campaignId);
    },
    close() {
      for (const slot of quiet.values()) clearTimeout(slot.timer);
      quiet.clear();
    },
  };
}

/** The calling day: claim the next person, save the outcome, enter paper calls. */
export async function callingRoutes(app: FastifyInstance) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const { db, clock, events } = app.deps;
  const tags = ['calling'];
  const hints = progressHints((campaignId) => events.publish('campaign-progress', campaignId));
  app.addHook('onClose', async () => hints.close());
  const progressed = (campaignId: string) => hints.hint(campaignId);

  r.post(
    '/api/campaigns/:campaignId/claims',
    {
      config: { access: CALLING_ROLES },
      schema: {
        tags,
        summary: 'Claim the next person to call (204: nobody is left)',
        params: CampaignIdParamsSchema,
        querystring: ClaimQuerySchema,
        response: { 201: ClaimResponseSchema, 204: z.null() },
      },
    },
    async (request, reply) => {
      const { campaignId } = request.params;
      const claimed = await claimNext(
        db,
        clock,
        actorOf(request),
        campaignId,
        request.query.municipality,
      );
      if (!claimed) return reply.code(204).send(null);
      progressed(campaignId);
      return reply.code(201).send(claimed);
    },
  );

  r.post(
    '/api/claims/:claimId/outcome',
    {
      config: { access: CALLING_ROLES },
      schema: {
        tags,
        summary: 'Save the outcome of a claimed call (once per Idempotency-Key)',
        params: ClaimIdParamsSchema,
        headers: SaveHeadersSchema,
        body: OutcomeInputSchema,
        response: { 201: OutcomeResponseSchema },
      },
    },
    async (request, reply) => {
      const key = idempotencyKeyOf(request);
      const saved = await saveOutcome(
        db,
        clock,
        actorOf(request),
        request.params.claimId,
        request.body,
        key,
      );
      if (saved.replayed) reply.header('idempotent-replayed', 'true');
      else progressed(saved.campaignId);
      return reply.code(201).send({ call: saved.call });
    },
  );

  r.post(
    '/api/campaigns/:campaignId/paper-calls',
    {
      config: { access: PAPER_ROLES },
      schema: {
        tags,
        summary: 'Enter a call made from a paper call sheet (back-dated)',
        params: CampaignIdParamsSchema,
        headers: SaveHeadersSchema,
        body: PaperCallInputSchema,
        response: { 201: OutcomeResponseSchema },
      },
    },
    async (request, reply) => {
      const key = idempotencyKeyOf(request);
      const saved = await savePaperCall(
        db,
        clock,
        actorOf(request),
        request.params.campaignId,
        request.body,
        key,
      );
      if (saved.replayed) reply.header('idempotent-replayed', 'true');
      else progressed(saved.campaignId);
      return reply.code(201).send({ call: saved.call });
    },
  );
}
