import { z } from 'zod';
import { CallingHoursSchema } from './calling.js';
import { MunicipalityCodeSchema } from './regions.js';

/**
 * «Savner du noen?»: campaigns and the public tip. Office contracts for prospects, duplicates
 * and postcards are in referral-office.ts.
 */

export const CampaignKindSchema = z.enum(['referral', 'job_showcase', 'start_up', 'event_series']);
export type CampaignKind = z.infer<typeof CampaignKindSchema>;

/** draft: being prepared, not public; open: takes tips; closed: over, kept for results. */
export const CampaignStatusSchema = z.enum(['draft', 'open', 'closed']);
export type CampaignStatus = z.infer<typeof CampaignStatusSchema>;

const LocaleSchema = z.enum(['nb', 'nn', 'en']);
const DateSchema = z.iso.date('A date as YYYY-MM-DD');

export const CampaignTextSchema = z.strictObject({
  title: z.string().trim().min(1, 'Required').max(120, 'At most 120 characters'),
  intro: z.string().trim().max(2000, 'At most 2000 characters'),
});

/** Bokmål is required; nynorsk and English fall back to it when missing. */
export const CampaignTextsSchema = z.strictObject({
  nb: CampaignTextSchema,
  nn: CampaignTextSchema.optional(),
  en: CampaignTextSchema.optional(),
});
export type CampaignTexts = z.infer<typeof CampaignTextsSchema>;

export const CampaignTargetsSchema = z.strictObject({
  tips: z.number().int().min(0).max(1_000_000).optional(),
  calls: z.number().int().min(0).max(1_000_000).optional(),
  movedIn: z.number().int().min(0).max(1_000_000).optional(),
});

const CampaignFields = {
  slug: z
    .string()
    .regex(/^[a-z0-9-]{2,64}$/, 'Lower-case letters, digits and hyphens (2–64)')
    .optional(),
  name: z.string().trim().min(1, 'Required').max(120, 'At most 120 characters'),
  kind: CampaignKindSchema,
  status: CampaignStatusSchema,
  startsOn: DateSchema,
  endsOn: DateSchema,
  callingDays: z.array(DateSchema).max(20),
  texts: CampaignTextsSchema,
  postcardMessage: z.string().max(600, 'At most 600 characters'),
  postcardLocale: LocaleSchema,
  callScript: z.string().max(10_000, 'At most 10000 characters'),
  targets: CampaignTargetsSchema,
  /** When callers may call, in Europe/Oslo; null: weekdays 09:00–21:00 (DEFAULT_CALLING_HOURS). */
  callingHours: CallingHoursSchema.nullable(),
};

export const CampaignCreateSchema = z.strictObject({
  /** Admins name the region; a programme leader's own region is used otherwise. */
  regionId: z.uuid('Not a region id').optional(),
  ...CampaignFields,
  status: CampaignStatusSchema.default('draft'),
  callingDays: CampaignFields.callingDays.default([]),
  postcardMessage: CampaignFields.postcardMessage.default(''),
  postcardLocale: LocaleSchema.default('nb'),
  callScript: CampaignFields.callScript.default(''),
  targets: CampaignTargetsSchema.default({}),
  callingHours: CampaignFields.callingHours.default(null),
});
export type CampaignCreate = z.infer<typeof CampaignCreateSchema>;

export const CampaignPatchSchema = z.strictObject({
  slug: CampaignFields.slug,
  name: CampaignFields.name.optional(),
  kind: CampaignFields.kind.optional(),
  status: CampaignFields.status.optional(),
  startsOn: CampaignFields.startsOn.optional(),
  endsOn: CampaignFields.endsOn.optional(),
  callingDays: CampaignFields.callingDays.optional(),
  texts: CampaignFields.texts.optional(),
  postcardMessage: CampaignFields.postcardMessage.optional(),
  postcardLocale: CampaignFields.postcardLocale.optional(),
  callScript: CampaignFields.callScript.optional(),
  targets: CampaignFields.targets.optional(),
  callingHours: CampaignFields.callingHours.optional(),
});
export type CampaignPatch = z.infer<typeof CampaignPatchSchema>;

export const CampaignSchema = z.object({
  id: z.string(),
  regionId: z.string(),
  slug: z.string(),
  name: z.string(),
  kind: CampaignKindSchema,
  status: CampaignStatusSchema,
  startsOn: z.string(),
  endsOn: z.string(),
  callingDays: z.array(z.string()),
  texts: CampaignTextsSchema,
  postcardMessage: z.string(),
  postcardLocale: LocaleSchema,
  callScript: z.string(),
  targets: CampaignTargetsSchema,
  callingHours: CallingHoursSchema.nullable(),
  hasFrontImage: z.boolean(),
  createdAt: z.string(),
  updatedAt: z.string(),
});
export type Campaign = z.infer<typeof CampaignSchema>;

export const CampaignListSchema = z.object({ campaigns: z.array(CampaignSchema) });

export const CampaignIdParamsSchema = z.strictObject({
  campaignId: z.uuid('Not a campaign id'),
});

/** PNG or JPEG, base64, at most 2 MB decoded (the JSON API takes no raw uploads). */
export const FrontImageUploadSchema = z.strictObject({
  contentType: z.enum(['image/png', 'image/jpeg']),
  dataBase64: z.base64('Not base64').max(2_800_000, 'The image is larger than 2 MB'),
});
export type FrontImageUpload = z.infer<typeof FrontImageUploadSchema>;

const optionalText = (max: number) =>
  z.string().trim().max(max, `At most ${max} characters`).optional();

export const TipperSchema = z.strictObject({
  name: z.string().trim().min(1, 'Required').max(120, 'At most 120 characters'),
  email: z.email('Must be an email address').max(200).optional(),
  phone: optionalText(40),
  municipalityCode: MunicipalityCodeSchema.optional(),
});

export const TippedPersonSchema = z.strictObject({
  name: z.string().trim().min(1, 'Required').max(120, 'At most 120 characters'),
  phone: optionalText(40),
  addressLine: optionalText(200),
  postcode: optionalText(10),
  city: optionalText(80),
  livesNow: optionalText(200),
  connection: optionalText(1000),
  household: optionalText(500),
  reason: optionalText(2000),
  /** The region's municipality the person would fit, whose hosts follow them up. */
  municipalityCode: MunicipalityCodeSchema,
});

export const TipInputSchema = z.strictObject({
  tipper: TipperSchema,
  person: TippedPersonSchema,
  tipperMayBeNamed: z.boolean(),
  /** The tipper would like to hear whether the person moved here. */
  tipperWantsNews: z.boolean().default(false),
  welcomeConfirmed: z.literal(true, 'Confirm that the person would welcome contact'),
  locale: LocaleSchema.optional(),
});
export type TipInput = z.infer<typeof TipInputSchema>;

export const IdempotencyHeadersSchema = z.object({
  'idempotency-key': z.string().min(8).max(100).optional(),
});

/**
 * The same answer for every accepted tip, including a repeated one and one about a person
 * who has opted out (who must not be revealed): no ids.
 */
export const TipReceivedSchema = z.object({ status: z.literal('received') });
