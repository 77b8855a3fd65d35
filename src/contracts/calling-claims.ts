import { z } from 'zod';

/**
 * Request details of the calling API beside src/contracts/calling.ts: which municipality to
 * call for, and the Idempotency-Key of a save.
 */

/** Staff name the municipality they call for (a caller's own is known). */
export const ClaimQuerySchema = z.strictObject({
  municipality: z
    .string()
    .regex(/^\d{4}$/, 'A municipality number has four digits')
    .optional(),
});
export type ClaimQuery = z.infer<typeof ClaimQuerySchema>;

/** A save repeated with the same key (double tap, retry) is recorded once. */
export const IdempotencyKeySchema = z
  .string()
  .regex(/^[\x21-\x7e]{1,128}$/, 'At most 128 visible ASCII characters');

/** The request headers of a save, as the OpenAPI document shows them; others pass through. */
export const SaveHeadersSchema = z.looseObject({
  'idempotency-key': IdempotencyKeySchema.optional(),
});
