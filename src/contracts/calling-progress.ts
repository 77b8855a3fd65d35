import { z } from 'zod';

/**
 * Live progress of a calling day: per municipality, for what the person may see, and per
 * caller. The same body answers `GET /api/campaigns/:campaignId/progress` and is sent as each
 * `event: progress` of `/progress/stream` (server-sent events).
 */

export const ProgressCountsSchema = z.object({
  /** Calls recorded (screen and paper), every outcome. */
  calls: z.number().int(),
  /** Someone answered: interested, not now, not interested, opt-out. */
  reached: z.number().int(),
  interested: z.number().int(),
  /** Carded prospects still in the calling pool (not closed for calling, not opted out). */
  remaining: z.number().int(),
  /** Prospects a caller holds right now (open, unexpired claims). */
  inProgress: z.number().int(),
  /** Carded prospects in all: with `remaining`, how much of the list is worked through. */
  carded: z.number().int(),
});
export type ProgressCounts = z.infer<typeof ProgressCountsSchema>;

export const MunicipalityProgressSchema = ProgressCountsSchema.extend({
  code: z.string(),
  name: z.string(),
});
export type MunicipalityProgress = z.infer<typeof MunicipalityProgressSchema>;

export const CallerProgressSchema = z.object({
  callerId: z.string(),
  name: z.string(),
  calls: z.number().int(),
  reached: z.number().int(),
  interested: z.number().int(),
});
export type CallerProgress = z.infer<typeof CallerProgressSchema>;

export const CampaignProgressSchema = z.object({
  campaignId: z.string(),
  campaignName: z.string(),
  /** Invented demo people and calls: screens say so. */
  isDemo: z.boolean(),
  /** 'region': the whole region; 'municipalities': only the person's own (host, caller). */
  scope: z.enum(['region', 'municipalities']),
  totals: ProgressCountsSchema,
  municipalities: z.array(MunicipalityProgressSchema),
  /** Most calls first. A caller sees only their own row. */
  callers: z.array(CallerProgressSchema),
  /** The campaign's call target against the region's calls; null without one or out of region scope. */
  target: z.object({ calls: z.number().int(), percent: z.number().int() }).nullable(),
  /** When these numbers were read (ISO 8601). */
  asOf: z.string(),
});
export type CampaignProgress = z.infer<typeof CampaignProgressSchema>;

/** Outcomes where someone answered the phone. */
export const REACHED_OUTCOMES = ['interested', 'not_now', 'not_interested', 'opt_out'] as const;
