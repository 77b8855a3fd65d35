import { z } from 'zod';

/**
 * Programme goals: a region's programme (phases, main goal, sub-goals), indicators bound to
 * data the system holds, the media log, and the evaluated status the dashboard and the
 * council report show.
 */

const DAY = /^\d{4}-\d{2}-\d{2}$/;
export const DaySchema = z
  .string()
  .regex(DAY, 'A date as YYYY-MM-DD')
  .refine((d) => !Number.isNaN(Date.parse(`${d}T00:00:00Z`)), 'Not a date');

/** A text in nb (required), nn and en (fall back to nb when empty). */
export const LocalTextSchema = z.strictObject({
  nb: z.string().trim().min(1, 'Required').max(300, 'At most 300 characters'),
  nn: z.string().trim().max(300, 'At most 300 characters'),
  en: z.string().trim().max(300, 'At most 300 characters'),
});
export type LocalText = z.infer<typeof LocalTextSchema>;
/** The same in a response: an empty programme has empty texts. */
const LocalTextOutSchema = z.object({ nb: z.string(), nn: z.string(), en: z.string() });

export const PeriodSchema = z
  .strictObject({ from: DaySchema, to: DaySchema })
  .refine((p) => p.from <= p.to, { message: 'The period ends before it starts', path: ['to'] });
export type Period = z.infer<typeof PeriodSchema>;

// What an indicator is bound to. Field values are checked by the service with clear messages
// (an unknown series or age band names itself), so they are plain strings here.

export const STATISTICS_SERIES = ['netMigration', 'cohortChange'] as const;
export const CAMPAIGN_MEASURES = ['called', 'movedWithin6Months'] as const;
export const SURVEY_KEYS_FOR_GOALS = ['resident', 'employer', 'wellbeing'] as const;
export const COUNT_MEASURES = ['startups', 'mediaMentions'] as const;
export const VISIT_MEASURES = ['views', 'englishViews'] as const;
export const MEDIA_LEVELS = ['national', 'regional', 'local'] as const;
export const MEDIA_TONES = ['positive', 'neutral', 'negative'] as const;

export const IndicatorSourceSchema = z.discriminatedUnion('kind', [
  z.strictObject({
    kind: z.literal('statistics'),
    /** netMigration: SSB 01222 (all ages). cohortChange: SSB 07459 change in an age band. */
    series: z.string().min(1, 'Required'),
    /** Required for cohortChange ('0-19', '20-39', '40-66', '67+'); null for netMigration. */
    ageBand: z.string().nullable(),
  }),
  z.strictObject({
    kind: z.literal('campaign'),
    measure: z.string().min(1, 'Required'),
    /** null: every campaign of the region, by the year of its first calling day. */
    campaignId: z.string().nullable(),
  }),
  z.strictObject({
    kind: z.literal('survey'),
    survey: z.string().min(1, 'Required'),
    /**
     * A 1–5 question of the survey; the value is its mean (shown from five answers). The
     * employer survey's labourAccess is the share answering 4 or 5 (business module).
     */
    question: z.string().min(1, 'Required'),
  }),
  z.strictObject({
    kind: z.literal('count'),
    measure: z.string().min(1, 'Required'),
    /** Media mentions only: count just this level; null counts all. */
    mediaLevel: z.enum(MEDIA_LEVELS, 'national, regional or local').nullable(),
  }),
  z.strictObject({
    kind: z.literal('siteVisits'),
    measure: z.string().min(1, 'Required'),
  }),
]);
export type IndicatorSource = z.infer<typeof IndicatorSourceSchema>;
export type SourceKind = IndicatorSource['kind'];

export const UNITS = ['people', 'share', 'mean5', 'count', 'views'] as const;
export type Unit = (typeof UNITS)[number];

export const IndicatorInputSchema = z.strictObject({
  name: LocalTextSchema,
  source: IndicatorSourceSchema,
  baseline: z.number().finite().nullable(),
  target: z.number({ message: 'A number' }).finite(),
  /** The period the target is to be reached in; a target without one is refused. */
  period: PeriodSchema.nullable(),
});
export type IndicatorInput = z.infer<typeof IndicatorInputSchema>;

export const SubGoalInputSchema = z.strictObject({
  title: LocalTextSchema,
  indicators: z.array(IndicatorInputSchema).max(20, 'At most 20 indicators'),
});

export const PhaseSchema = z
  .strictObject({
    name: z.string().trim().min(1, 'Required').max(120, 'At most 120 characters'),
    from: DaySchema,
    to: DaySchema.nullable(),
  })
  .refine((p) => p.to === null || p.from <= p.to, {
    message: 'The phase ends before it starts',
    path: ['to'],
  });
export type Phase = z.infer<typeof PhaseSchema>;

/** The whole programme is saved at once (PUT): it is small and edited as one form. */
export const ProgrammeInputSchema = z.strictObject({
  mainGoal: LocalTextSchema,
  phases: z.array(PhaseSchema).max(20, 'At most 20 phases'),
  subGoals: z.array(SubGoalInputSchema).max(20, 'At most 20 sub-goals'),
});
export type ProgrammeInput = z.infer<typeof ProgrammeInputSchema>;

export const IndicatorSchema = z.object({
  id: z.string(),
  name: LocalTextOutSchema,
  source: IndicatorSourceSchema,
  unit: z.enum(UNITS),
  baseline: z.number().nullable(),
  target: z.number(),
  period: z.object({ from: z.string(), to: z.string() }).nullable(),
});
export type Indicator = z.infer<typeof IndicatorSchema>;

export const ProgrammeSchema = z.object({
  regionId: z.string(),
  mainGoal: LocalTextOutSchema,
  phases: z.array(z.object({ name: z.string(), from: z.string(), to: z.string().nullable() })),
  subGoals: z.array(
    z.object({ id: z.string(), title: LocalTextOutSchema, indicators: z.array(IndicatorSchema) }),
  ),
  updatedAt: z.string().nullable(),
});
export type Programme = z.infer<typeof ProgrammeSchema>;

// The evaluated status.

export const GOAL_STATUSES = ['on_track', 'at_risk', 'off_track', 'no_data'] as const;
export const GoalStatusSchema = z.enum(GOAL_STATUSES);
export type GoalStatus = z.infer<typeof GoalStatusSchema>;

export const DataPointSchema = z.object({
  /** '2025' (a year) for every source. */
  label: z.string(),
  /** null: no data, or a survey group under five (suppressed: true). */
  value: z.number().nullable(),
  suppressed: z.boolean(),
});
export type DataPoint = z.infer<typeof DataPointSchema>;

export const IndicatorStatusSchema = IndicatorSchema.extend({
  points: z.array(DataPointSchema),
  latest: z.object({ label: z.string(), value: z.number() }).nullable(),
  status: GoalStatusSchema,
});
export type IndicatorStatus = z.infer<typeof IndicatorStatusSchema>;

export const GoalsEvaluationSchema = z.object({
  regionId: z.string(),
  from: z.string(),
  to: z.string(),
  programme: z.object({
    mainGoal: LocalTextOutSchema.nullable(),
    phases: z.array(z.object({ name: z.string(), from: z.string(), to: z.string().nullable() })),
  }),
  subGoals: z.array(
    z.object({
      id: z.string(),
      title: LocalTextOutSchema,
      indicators: z.array(IndicatorStatusSchema),
    }),
  ),
});
export type GoalsEvaluation = z.infer<typeof GoalsEvaluationSchema>;

/** An administrator names the region; anyone else works in their own. */
const region = z.uuid('Not a region id').optional();
export const RegionQuerySchema = z.strictObject({ region });

export const EvaluateQuerySchema = z
  .strictObject({ region, from: DaySchema.optional(), to: DaySchema.optional() })
  .refine((q) => !q.from || !q.to || q.from <= q.to, {
    message: 'The period ends before it starts',
    path: ['to'],
  });

// The media log.

export const MediaEntryInputSchema = z.strictObject({
  publishedOn: DaySchema,
  outlet: z.string().trim().min(1, 'Required').max(120, 'At most 120 characters'),
  level: z.enum(MEDIA_LEVELS, 'national, regional or local'),
  url: z
    .string()
    .trim()
    .max(2000, 'At most 2000 characters')
    .refine((u) => u === '' || /^https?:\/\/[^\s]+$/i.test(u), 'A web address (https://…)'),
  reach: z.number().int('A whole number').min(0, 'Zero or more').nullable(),
  tone: z.enum(MEDIA_TONES, 'positive, neutral or negative'),
  title: z.string().trim().max(300, 'At most 300 characters'),
});
export type MediaEntryInput = z.infer<typeof MediaEntryInputSchema>;

export const MediaEntrySchema = MediaEntryInputSchema.extend({
  id: z.string(),
  createdAt: z.string(),
});
export type MediaEntry = z.infer<typeof MediaEntrySchema>;

export const MediaListQuerySchema = z.strictObject({
  region,
  year: z.coerce.number().int('A year').min(1900, 'A year').max(2200, 'A year').optional(),
});
export const MediaListSchema = z.object({ entries: z.array(MediaEntrySchema) });
export const MediaIdParamsSchema = z.strictObject({ id: z.uuid('Not a media entry id') });

// The resident survey: sent through the survey engine to addresses the programme leader has.

export const ResidentInviteSchema = z.strictObject({
  emails: z
    .array(z.string().trim().max(254, 'At most 254 characters'))
    .min(1, 'At least one email address')
    .max(5000, 'At most 5000 addresses at a time'),
  /** The wave; this year when left out. */
  year: z.number().int('A year').min(2000, 'A year').max(2200, 'A year').optional(),
  municipalityCode: z
    .string()
    .regex(/^\d{4}$/, 'Four digits')
    .nullable(),
});
export type ResidentInvite = z.infer<typeof ResidentInviteSchema>;
export const ResidentInviteResultSchema = z.object({
  wave: z.string(),
  scheduled: z.number().int(),
  alreadySent: z.number().int(),
});
