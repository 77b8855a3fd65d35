import { z } from 'zod';
import { RegionSlugSchema } from './regions.js';

export const ProviderListQuerySchema = z.strictObject({ region: RegionSlugSchema.optional() });

export const ProviderSchema = z.object({
  id: z.string(),
  name: z.string(),
  /** Where the browser goes to sign in with this provider (a full page navigation). */
  startUrl: z.string(),
});

export const ProviderListSchema = z.object({ providers: z.array(ProviderSchema) });

export const OidcStartParamsSchema = z.strictObject({ providerId: z.uuid('Not a provider id') });

/** What an identity provider sends back; providers may add parameters of their own. */
export const OidcCallbackQuerySchema = z.object({
  state: z.string().max(200).optional(),
  code: z.string().max(4000).optional(),
  error: z.string().max(200).optional(),
  error_description: z.string().max(1000).optional(),
});
