import { z } from 'zod';

/**
 * - pending: waiting to be sent (again, after a failed attempt)
 * - sent: the mail server accepted it
 * - failed: given up after the last attempt, or refused for good by the mail server
 * - held: no mail server is configured (development); kept here for an admin to read
 */
export const OutboxStatusSchema = z.enum(['pending', 'sent', 'failed', 'held']);
export type OutboxStatus = z.infer<typeof OutboxStatusSchema>;

export const OutboxMessageSummarySchema = z.object({
  id: z.string(),
  to: z.string(),
  subject: z.string(),
  status: OutboxStatusSchema,
  attempts: z.number().int(),
  nextAttemptAt: z.string(),
  lastError: z.string().nullable(),
  createdAt: z.string(),
  sentAt: z.string().nullable(),
  regionId: z.string().nullable(),
  purpose: z.string(),
});
export type OutboxMessageSummary = z.infer<typeof OutboxMessageSummarySchema>;

export const OutboxMessageSchema = OutboxMessageSummarySchema.extend({
  text: z.string(),
  html: z.string().nullable(),
});
export type OutboxMessage = z.infer<typeof OutboxMessageSchema>;

export const OutboxListQuerySchema = z.strictObject({
  status: OutboxStatusSchema.optional(),
  page: z.coerce.number().int().min(1).max(100_000).default(1),
  pageSize: z.coerce.number().int().min(1).max(500).default(50),
});
export type OutboxListQuery = z.infer<typeof OutboxListQuerySchema>;

/** Newest first. `total` counts every message that matches, for paging. */
export const OutboxListSchema = z.object({
  messages: z.array(OutboxMessageSummarySchema),
  total: z.number().int(),
  page: z.number().int(),
  pageSize: z.number().int(),
});
export type OutboxList = z.infer<typeof OutboxListSchema>;

export const OutboxIdParamsSchema = z.strictObject({ id: z.uuid() });
