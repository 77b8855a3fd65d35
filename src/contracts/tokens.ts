import { z } from 'zod';

export const ApiTokenSchema = z.object({
  id: z.string(),
  name: z.string(),
  /** The first characters of the token, so a person can tell tokens apart. */
  prefix: z.string(),
  createdAt: z.string(),
  lastUsedAt: z.string().nullable(),
  expiresAt: z.string().nullable(),
  revokedAt: z.string().nullable(),
});
export type ApiToken = z.infer<typeof ApiTokenSchema>;

export const ApiTokenListSchema = z.object({ tokens: z.array(ApiTokenSchema) });

export const CreateApiTokenBodySchema = z.strictObject({
  name: z.string().trim().min(1, 'Required').max(100),
  /** Default 90 days; at most a year. */
  expiresInDays: z.number().int().min(1).max(365).optional(),
});

/** The token itself is in this answer only: it is stored as a hash and never shown again. */
export const CreatedApiTokenSchema = ApiTokenSchema.extend({ token: z.string() });

export const ApiTokenIdParamsSchema = z.strictObject({ id: z.uuid('Not a token id') });
