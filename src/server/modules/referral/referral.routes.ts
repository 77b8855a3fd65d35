import type { FastifyInstance } from 'fastify';
import { campaignsRoutes } from './campaigns.routes.js';
import { postcardsRoutes } from './postcards.routes.js';
import { prospectsRoutes } from './prospects.routes.js';
import { publicReferralRoutes } from './public.routes.js';

/** «Savner du noen?»: campaigns, tips, prospects, duplicates, opt-out and postcards. */
export async function referralRoutes(app: FastifyInstance) {
  await app.register(campaignsRoutes);
  await app.register(prospectsRoutes);
  await app.register(postcardsRoutes);
  await app.register(publicReferralRoutes);
}
