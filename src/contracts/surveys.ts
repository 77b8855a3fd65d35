import { z } from 'zod';

/**
 * Surveys: anonymous answers reported only for groups of at least five (MIN_GROUP_SIZE),
 * the check-in waves of a region, and the definitions the office shows labels from.
 */

/** No group, and no answer count, below this is ever shown or exported. */
export const MIN_GROUP_SIZE = 5;

export const SurveyKeySchema = z.string().regex(/^[a-z][a-z0-9_-]{0,39}$/, 'Not a survey key');
export const WaveSchema = z
  .string()
  .trim()
  .regex(/^[A-Za-z0-9_-]{1,20}$/, 'A wave is 1–20 letters, digits, - or _');
/** A quarter as SSB writes it, e.g. 2026K4. */
export const QuarterSchema = z.string().regex(/^\d{4}K[1-4]$/, 'A quarter, e.g. 2026K4');

export const GroupBySchema = z.enum(['region', 'municipality', 'campaign', 'wave']);
export type GroupBy = z.infer<typeof GroupBySchema>;

export const SurveyParamsSchema = z.strictObject({ surveyKey: SurveyKeySchema });

export const SummaryQuerySchema = z.strictObject({
  /** Programme leaders of one region need not say it; admins must. */
  region: z.uuid('Not a region id').optional(),
  wave: WaveSchema.optional(),
  groupBy: GroupBySchema.default('municipality'),
  from: QuarterSchema.optional(),
  to: QuarterSchema.optional(),
  lang: z.enum(['nb', 'nn', 'en']).optional(),
});
export type SummaryQuery = z.infer<typeof SummaryQuerySchema>;

/** Why a figure is hidden: too few, or hidden so the others cannot reveal a small one. */
export const SuppressionSchema = z.enum(['small', 'complement']).nullable();

export const QuestionSummarySchema = z.object({
  key: z.string(),
  /** Average of the scale (null when hidden or not a scale). */
  mean: z.number().nullable(),
  /** Answers per option ('none' = skipped); a hidden cell is null. Null when all hidden. */
  counts: z.record(z.string(), z.number().nullable()).nullable(),
});
export type QuestionSummary = z.infer<typeof QuestionSummarySchema>;

export const SummaryGroupSchema = z.object({
  /** Region id, municipality code, campaign id or wave; null: no municipality/campaign. */
  key: z.string().nullable(),
  label: z.string(),
  /** Number of responses; null when hidden. */
  n: z.number().nullable(),
  suppressed: SuppressionSchema,
  questions: z.array(QuestionSummarySchema),
});
export type SummaryGroup = z.infer<typeof SummaryGroupSchema>;

export const SurveySummarySchema = z.object({
  surveyKey: z.string(),
  groupBy: GroupBySchema,
  minGroupSize: z.number(),
  groups: z.array(SummaryGroupSchema),
});
export type SurveySummary = z.infer<typeof SurveySummarySchema>;

export const QuestionInfoSchema = z.object({
  key: z.string(),
  type: z.enum(['scale5', 'scale10', 'single', 'yesno']),
  label: z.string(),
  options: z.array(z.object({ key: z.string(), label: z.string() })),
});
export const SurveyInfoSchema = z.object({
  key: z.string(),
  version: z.number(),
  title: z.string(),
  questions: z.array(QuestionInfoSchema),
});
export type SurveyInfo = z.infer<typeof SurveyInfoSchema>;
export const SurveyListSchema = z.object({ surveys: z.array(SurveyInfoSchema) });
export type SurveyList = z.infer<typeof SurveyListSchema>;
export const SurveyListQuerySchema = z.strictObject({
  lang: z.enum(['nb', 'nn', 'en']).optional(),
});

/** Months after moving in when a newcomer gets a check-in. */
export const CheckInMonthsSchema = z
  .array(z.number().int('Whole months').min(1, 'At least 1 month').max(60, 'At most 60 months'))
  .min(1, 'At least one check-in')
  .max(4, 'At most four check-ins')
  .refine((a) => new Set(a).size === a.length, 'Each month once');

export const CheckInSettingsSchema = z.object({
  regionId: z.string(),
  months: z.array(z.number()),
  /** False while the region uses the product's default (3 and 12). */
  custom: z.boolean(),
});
export type CheckInSettings = z.infer<typeof CheckInSettingsSchema>;
export const CheckInSettingsQuerySchema = z.strictObject({
  region: z.uuid('Not a region id').optional(),
});
export const CheckInSettingsInputSchema = z.strictObject({
  region: z.uuid('Not a region id').optional(),
  months: CheckInMonthsSchema,
});
export type CheckInSettingsInput = z.infer<typeof CheckInSettingsInputSchema>;
