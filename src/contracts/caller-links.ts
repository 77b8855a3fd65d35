import { z } from 'zod';
import { CallOutcomeSchema } from './calling.js';
import { MunicipalityCodeSchema } from './regions.js';

/**
 * Caller links (a volunteer's one-time way into the calling screen) and the paper fallback
 * (call sheets and the list of callable prospects behind them). Shared by server and office.
 */

/** At most a week: a link in a forgotten message should not open a calling screen later. */
export const CALLER_LINK_MAX_DAYS = 7;

export const CallerLinkCreateSchema = z.strictObject({
  municipalityCode: MunicipalityCodeSchema,
  name: z.string().trim().min(1, 'Required').max(100, 'At most 100 characters'),
  phone: z.string().trim().max(30, 'At most 30 characters').optional(),
  email: z.email('Not an email address').max(254).optional(),
  /** When the link stops working; default the end of the last calling day, or 24 hours. */
  expiresAt: z.iso.datetime({ offset: true, message: 'A date and time' }).optional(),
});
export type CallerLinkCreate = z.infer<typeof CallerLinkCreateSchema>;

export const CallerLinkStatusSchema = z.enum(['unused', 'used', 'expired', 'revoked']);
export type CallerLinkStatus = z.infer<typeof CallerLinkStatusSchema>;

/** One volunteer's link as the programme leader sees it. */
export const CallerLinkSchema = z.object({
  callerId: z.string(),
  campaignId: z.string(),
  name: z.string(),
  municipalityCode: z.string(),
  phone: z.string().nullable(),
  email: z.string().nullable(),
  createdAt: z.string(),
  expiresAt: z.string().nullable(),
  usedAt: z.string().nullable(),
  status: CallerLinkStatusSchema,
});
export type CallerLink = z.infer<typeof CallerLinkSchema>;

/** The link itself is shown once, at creation: only its hash is stored. */
export const CreatedCallerLinkSchema = z.object({
  link: CallerLinkSchema,
  url: z.string(),
  /** The URL as a QR code (SVG) for the volunteer's phone camera. */
  qrSvg: z.string(),
});
export type CreatedCallerLink = z.infer<typeof CreatedCallerLinkSchema>;

export const CallerLinkListSchema = z.object({ links: z.array(CallerLinkSchema) });

export const CallerIdParamsSchema = z.strictObject({ callerId: z.uuid('Not a caller id') });

/** The link's secret; anything else is answered with the friendly "not valid" page. */
export const CallerLinkTokenParamsSchema = z.strictObject({ token: z.string().max(200) });

/** Optional in the schema so another region's campaign answers 404 before a missing field. */
export const MunicipalityQuerySchema = z.strictObject({
  municipality: MunicipalityCodeSchema.optional(),
});

/** A prospect someone may still call, for the paper sheet and the back-dated entry screen. */
export const CallableProspectSchema = z.object({
  id: z.string(),
  name: z.string(),
  household: z.string().nullable(),
  phone: z.string().nullable(),
  /** First names of the tippers who allowed it. */
  tippedBy: z.array(z.string()),
  tipCount: z.number().int(),
  callAttempts: z.number().int(),
  lastOutcome: CallOutcomeSchema.nullable(),
  nextCallAt: z.string().nullable(),
});
export type CallableProspect = z.infer<typeof CallableProspectSchema>;

export const CallableListSchema = z.object({
  campaignId: z.string(),
  municipalityCode: z.string(),
  prospects: z.array(CallableProspectSchema),
});
export type CallableList = z.infer<typeof CallableListSchema>;
