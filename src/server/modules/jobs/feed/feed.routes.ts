import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { FeedStatusSchema } from '../../../../contracts/jobs-feed.js';
import { requirePrincipal } from '../../../plugins/access.js';
import { getFeedStatus } from '../jobs.service.js';

/** The feed's status for the office's jobs screen (no personal data; the feed is national). */
export async function jobsFeedRoutes(app: FastifyInstance) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  r.get(
    '/api/jobs/feed-status',
    {
      config: { access: ['admin', 'programme_leader'] },
      schema: { tags: ['jobs'], response: { 200: FeedStatusSchema } },
    },
    async (request) => {
      const principal = requirePrincipal(request);
      return getFeedStatus(app.deps.db, { regionId: principal.regionId });
    },
  );
}
