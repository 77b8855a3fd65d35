import { z } from 'zod';

/** NAV's vacancy feed as the office sees it: last run, its counts, names it could not map. */
export const FeedRunCountsSchema = z.object({
  pages: z.number().int(),
  items: z.number().int(),
  details: z.number().int(),
  kept: z.number().int(),
  deleted: z.number().int(),
  unmapped: z.number().int(),
  missingDetails: z.number().int(),
  unknownLocation: z.number().int(),
  upToDate: z.boolean(),
});

export const FeedUnmappedNameSchema = z.object({
  name: z.string(),
  county: z.string(),
  postalCode: z.string(),
  count: z.number().int(),
});

export const FeedStatusSchema = z.object({
  source: z.literal('nav'),
  /** Active ads kept now: the caller's region's, or every region's for an admin. */
  activeAds: z.number().int(),
  lastRunAt: z.string().nullable(),
  lastSuccessAt: z.string().nullable(),
  lastError: z.string().nullable(),
  tokenFetchedAt: z.string().nullable(),
  lastRun: FeedRunCountsSchema.nullable(),
  unmapped: z.array(FeedUnmappedNameSchema),
});
export type FeedStatus = z.infer<typeof FeedStatusSchema>;
