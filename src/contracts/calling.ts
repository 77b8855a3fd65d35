import { z } from 'zod';

/**
 * The calling day: claims (a caller holds one prospect for a lease) and call outcomes.
 * Shared by the server and the calling screen.
 */

export const CallOutcomeSchema = z.enum([
  'interested',
  'not_now',
  'not_interested',
  'no_answer',
  'wrong_number',
  'call_back',
  'opt_out',
]);
export type CallOutcome = z.infer<typeof CallOutcomeSchema>;

/** What an interested person would like to hear more about; each becomes a follow-up task. */
export const InterestSchema = z.enum([
  'jobs',
  'housing',
  'kindergarten_school',
  'business',
  'visit',
]);
export type Interest = z.infer<typeof InterestSchema>;

/** Calling hours in Europe/Oslo: ISO weekdays (1 = Monday) and a daily window. */
export const CallingHoursSchema = z
  .strictObject({
    days: z.array(z.number().int().min(1).max(7)).min(1, 'At least one day').max(7),
    from: z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, 'A time as HH:MM'),
    to: z.string().regex(/^([01]\d|2[0-4]):[0-5]\d$/, 'A time as HH:MM'),
  })
  .refine((h) => h.from < h.to, { message: 'Ends before it starts', path: ['to'] });
export type CallingHours = z.infer<typeof CallingHoursSchema>;

export const DEFAULT_CALLING_HOURS: CallingHours = {
  days: [1, 2, 3, 4, 5],
  from: '09:00',
  to: '21:00',
};

export const ClaimSchema = z.object({
  id: z.string(),
  campaignId: z.string(),
  municipalityCode: z.string(),
  claimedAt: z.string(),
  expiresAt: z.string(),
});
export type Claim = z.infer<typeof ClaimSchema>;

/** The person on the calling screen: only what the caller needs for this call. */
export const CallProspectSchema = z.object({
  id: z.string(),
  name: z.string(),
  household: z.string().nullable(),
  phone: z.string().nullable(),
  municipalityCode: z.string(),
  /** First names of the tippers who allowed being named ("Kari and Ola miss you"). */
  tippedBy: z.array(z.string()),
  /** How many people tipped about them, named or not. */
  tipCount: z.number().int(),
  /** What the tips say, for the conversation: connection to the region, why they would fit. */
  connection: z.array(z.string()),
  reasons: z.array(z.string()),
  livesNow: z.string().nullable(),
  callAttempts: z.number().int(),
  lastOutcome: CallOutcomeSchema.nullable(),
});
export type CallProspect = z.infer<typeof CallProspectSchema>;

export const ClaimResponseSchema = z.object({
  claim: ClaimSchema,
  prospect: CallProspectSchema,
  /** The campaign's call script, in the campaign's words. */
  script: z.string(),
});
export type ClaimResponse = z.infer<typeof ClaimResponseSchema>;

export const ClaimIdParamsSchema = z.strictObject({ claimId: z.uuid('Not a claim id') });

export const OutcomeInputSchema = z
  .strictObject({
    outcome: CallOutcomeSchema,
    notes: z.string().trim().max(2000, 'At most 2000 characters').optional(),
    interests: z.array(InterestSchema).max(5).default([]),
    /** Required for call_back: when to call again (ISO 8601 with offset). */
    callBackAt: z.iso.datetime({ offset: true, message: 'A date and time' }).optional(),
  })
  .superRefine((v, ctx) => {
    if (v.outcome === 'call_back' && !v.callBackAt) {
      ctx.addIssue({ code: 'custom', path: ['callBackAt'], message: 'When should we call back?' });
    }
    if (v.interests.length && v.outcome !== 'interested') {
      ctx.addIssue({
        code: 'custom',
        path: ['interests'],
        message: 'Interests belong to an interested outcome',
      });
    }
  });
export type OutcomeInput = z.infer<typeof OutcomeInputSchema>;

export const CallSchema = z.object({
  id: z.string(),
  claimId: z.string().nullable(),
  prospectId: z.string().nullable(),
  outcome: CallOutcomeSchema,
  notes: z.string().nullable(),
  interests: z.array(InterestSchema),
  callBackAt: z.string().nullable(),
  calledAt: z.string(),
  recordedAt: z.string(),
  source: z.enum(['screen', 'paper']),
});
export type Call = z.infer<typeof CallSchema>;

export const OutcomeResponseSchema = z.object({ call: CallSchema });

/** A call entered afterwards from a paper call sheet, by staff. */
export const PaperCallInputSchema = z
  .strictObject({
    prospectId: z.uuid('Not a prospect id'),
    calledAt: z.iso.datetime({ offset: true, message: 'A date and time' }),
    outcome: CallOutcomeSchema,
    notes: z.string().trim().max(2000, 'At most 2000 characters').optional(),
    interests: z.array(InterestSchema).max(5).default([]),
    callBackAt: z.iso.datetime({ offset: true, message: 'A date and time' }).optional(),
  })
  .superRefine((v, ctx) => {
    if (v.outcome === 'call_back' && !v.callBackAt) {
      ctx.addIssue({ code: 'custom', path: ['callBackAt'], message: 'When should we call back?' });
    }
  });
export type PaperCallInput = z.infer<typeof PaperCallInputSchema>;
