import { z } from 'zod';
import { MunicipalityCodeSchema } from './regions.js';

/** Office contracts of «Savner du noen?»: prospects, their tips, duplicates and postcards. */

export const ProspectIdParamsSchema = z.strictObject({ id: z.uuid('Not a prospect id') });
export const ProposalIdParamsSchema = z.strictObject({ id: z.uuid('Not a proposal id') });
export const BatchIdParamsSchema = z.strictObject({ id: z.uuid('Not a batch id') });

export const ProspectListQuerySchema = z.strictObject({
  campaignId: z.uuid('Not a campaign id'),
});

/** Where a prospect stands before the calling day. */
export const ProspectStageSchema = z.enum(['new', 'in_batch', 'carded', 'held']);
export type ProspectStage = z.infer<typeof ProspectStageSchema>;

export const ProspectSummarySchema = z.object({
  id: z.string(),
  campaignId: z.string(),
  municipalityCode: z.string(),
  name: z.string(),
  household: z.string().nullable(),
  phone: z.string().nullable(),
  addressLine: z.string().nullable(),
  postcode: z.string().nullable(),
  city: z.string().nullable(),
  tipCount: z.number().int(),
  firstTippedAt: z.string(),
  /** The date by which the person must have had their postcard (30 days after the first tip). */
  informBy: z.string(),
  cardedAt: z.string().nullable(),
  stage: ProspectStageSchema,
  callable: z.boolean(),
});
export type ProspectSummary = z.infer<typeof ProspectSummarySchema>;

export const ProspectListSchema = z.object({
  prospects: z.array(ProspectSummarySchema),
  /** True for the list of held prospects: no card 30 days after the tip, out of every list. */
  held: z.boolean(),
});

export const TipViewSchema = z.object({
  id: z.string(),
  createdAt: z.string(),
  tipperName: z.string(),
  tipperEmail: z.string().nullable(),
  tipperPhone: z.string().nullable(),
  tipperMayBeNamed: z.boolean(),
  tipperWantsNews: z.boolean(),
  personName: z.string().nullable(),
  personPhone: z.string().nullable(),
  personAddressLine: z.string().nullable(),
  personPostcode: z.string().nullable(),
  personCity: z.string().nullable(),
  livesNow: z.string().nullable(),
  connection: z.string().nullable(),
  household: z.string().nullable(),
  reason: z.string().nullable(),
  source: z.string(),
  purpose: z.string(),
  legalBasis: z.string(),
  informBy: z.string(),
});

export const ProspectDetailSchema = ProspectSummarySchema.extend({
  tips: z.array(TipViewSchema),
});
export type ProspectDetail = z.infer<typeof ProspectDetailSchema>;

const clearable = (max: number) =>
  z.string().trim().max(max, `At most ${max} characters`).nullable().optional();

/**
 * Staff correct a prospect. Absent: unchanged; null or empty: cleared. The phone is stored in
 * E.164; the person must keep a phone number or a full postal address.
 */
export const ProspectPatchSchema = z.strictObject({
  name: z.string().trim().min(1, 'Required').max(120, 'At most 120 characters').optional(),
  household: clearable(500),
  phone: clearable(40),
  addressLine: clearable(200),
  postcode: clearable(10),
  city: clearable(80),
  /** A municipality of the prospect's region, whose hosts follow them up. */
  municipalityCode: MunicipalityCodeSchema.optional(),
});
export type ProspectPatch = z.infer<typeof ProspectPatchSchema>;

export const DuplicateProposalSchema = z.object({
  id: z.string(),
  campaignId: z.string(),
  reason: z.enum(['same_name_municipality', 'same_surname_address', 'same_contact']),
  createdAt: z.string(),
  a: ProspectSummarySchema,
  b: ProspectSummarySchema,
});
export type DuplicateProposal = z.infer<typeof DuplicateProposalSchema>;

export const DuplicateProposalListSchema = z.object({
  proposals: z.array(DuplicateProposalSchema),
});

export const MergeInputSchema = z.strictObject({
  /** The prospect that stays (one of the two); the other's tips move to it. */
  keepId: z.uuid('Not a prospect id'),
});

export const MergeResultSchema = z.object({ prospect: ProspectDetailSchema });

export const PostcardBatchSchema = z.object({
  id: z.string(),
  campaignId: z.string(),
  createdAt: z.string(),
  sentAt: z.string().nullable(),
  cardCount: z.number().int(),
});
export type PostcardBatch = z.infer<typeof PostcardBatchSchema>;

export const PostcardBatchListSchema = z.object({ batches: z.array(PostcardBatchSchema) });

export const OkSchema = z.object({ ok: z.literal(true) });
