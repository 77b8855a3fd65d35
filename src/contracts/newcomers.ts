import { z } from 'zod';
import { LOCALES } from '../web/i18n/locales.js';
import { MunicipalityCodeSchema } from './regions.js';

/**
 * Newcomer hosting: registrations (by a host or by the newcomer), proposals that a newcomer
 * is a campaign's prospect, welcome checklists, moves away and retention, the host's start page.
 */

export const REASONS = [
  'work',
  'family',
  'nature',
  'housing',
  'study',
  'returning',
  'lifestyle',
  'other',
] as const;
export const ReasonSchema = z.enum(REASONS);
export type Reason = z.infer<typeof ReasonSchema>;

/** How they heard of the region: a campaign (with its id) or another channel. */
export const CHANNELS = [
  'campaign',
  'friends_family',
  'employer',
  'social_media',
  'newspaper',
  'website',
  'event',
  'other',
] as const;
export const ChannelSchema = z.enum(CHANNELS);
export type Channel = z.infer<typeof ChannelSchema>;

/** Kindergarten 1–5, primary school 6–12, lower secondary 13–15 (age this year). */
export const NeedSchema = z.enum(['none', 'kindergarten', 'primary_school', 'lower_secondary']);
export type Need = z.infer<typeof NeedSchema>;

const DateSchema = z.iso.date('A date (YYYY-MM-DD)');
const YearSchema = z.int('A year').min(1900, 'A year after 1900').max(2100, 'A year before 2100');
const Optional = (max: number) => z.string().trim().max(max, `At most ${max} characters`);

export const AdultInputSchema = z.strictObject({
  name: z.string().trim().min(1, 'Required').max(200, 'At most 200 characters'),
  birthYear: YearSchema.optional(),
  email: z.email('Not an email address').max(254).optional(),
  /** Any way people write it; stored as E.164 (a Norwegian number without +47 is read as such). */
  phone: Optional(40).optional(),
});
export type AdultInput = z.infer<typeof AdultInputSchema>;

export const HeardViaSchema = z.strictObject({
  channel: ChannelSchema,
  campaignId: z.uuid('Not a campaign id').optional(),
});
export type HeardVia = z.infer<typeof HeardViaSchema>;

export const ConsentsSchema = z.strictObject({
  contact: z.boolean(),
  checkIns: z.boolean(),
});

export const NewcomerInputSchema = z.strictObject({
  municipalityCode: MunicipalityCodeSchema,
  adults: z.array(AdultInputSchema).min(1, 'At least one adult').max(10, 'At most 10 adults'),
  childrenBirthYears: z.array(YearSchema).max(15, 'At most 15 children').default([]),
  movedFrom: Optional(200).optional(),
  movingDate: DateSchema,
  reasons: z.array(ReasonSchema).max(REASONS.length).default([]),
  heardVia: HeardViaSchema.optional(),
  consents: ConsentsSchema,
  locale: z.enum(LOCALES).default('nb'),
  notes: Optional(2000).optional(),
});
export type NewcomerInput = z.infer<typeof NewcomerInputSchema>;

export const NewcomerPatchSchema = z
  .strictObject({
    municipalityCode: MunicipalityCodeSchema.optional(),
    adults: z.array(AdultInputSchema).min(1, 'At least one adult').max(10).optional(),
    childrenBirthYears: z.array(YearSchema).max(15).optional(),
    movedFrom: Optional(200).nullable().optional(),
    movingDate: DateSchema.optional(),
    reasons: z.array(ReasonSchema).max(REASONS.length).optional(),
    heardVia: HeardViaSchema.nullable().optional(),
    consents: ConsentsSchema.partial().optional(),
    locale: z.enum(LOCALES).optional(),
    notes: Optional(2000).nullable().optional(),
  })
  .refine((v) => Object.keys(v).length > 0, { message: 'Nothing to change' });
export type NewcomerPatch = z.infer<typeof NewcomerPatchSchema>;

export const NewcomerIdParamsSchema = z.strictObject({ id: z.uuid('Not a newcomer id') });

export const NewcomerListQuerySchema = z.strictObject({
  municipality: MunicipalityCodeSchema.optional(),
  /** living (default): not moved away; moved_away; all. */
  status: z.enum(['living', 'moved_away', 'all']).default('living'),
  /** Only those who consented to be contacted (e.g. for an event invitation). */
  contactable: z
    .enum(['true', 'false'])
    .transform((v) => v === 'true')
    .optional(),
});
export type NewcomerListQuery = z.infer<typeof NewcomerListQuerySchema>;

export const AdultSchema = z.object({
  name: z.string(),
  birthYear: z.number().int().nullable(),
  email: z.string().nullable(),
  phone: z.string().nullable(),
});

export const ChildSchema = z.object({
  birthYear: z.number().int(),
  age: z.number().int(),
  need: NeedSchema,
});

export const ConsentStateSchema = z.object({
  contact: z.boolean(),
  contactAt: z.string().nullable(),
  checkIns: z.boolean(),
  checkInsAt: z.string().nullable(),
  withdrawnAt: z.string().nullable(),
});

export const NewcomerSummarySchema = z.object({
  id: z.string(),
  name: z.string(),
  householdSize: z.number().int(),
  municipalityCode: z.string(),
  movingDate: z.string(),
  source: z.enum(['office', 'self']),
  /** The first adult's email and language, for invitations; null without consent to contact. */
  email: z.string().nullable(),
  locale: z.enum(LOCALES),
  consentContact: z.boolean(),
  movedAwayOn: z.string().nullable(),
  openMatches: z.number().int(),
  createdAt: z.string(),
  isDemo: z.boolean(),
});
export type NewcomerSummary = z.infer<typeof NewcomerSummarySchema>;

export const NewcomerListSchema = z.object({ newcomers: z.array(NewcomerSummarySchema) });
export type NewcomerList = z.infer<typeof NewcomerListSchema>;

export const MatchReasonSchema = z.enum(['phone', 'name', 'household']);
export const MatchSchema = z.object({
  id: z.string(),
  newcomerId: z.string(),
  newcomerName: z.string(),
  prospect: z.object({
    id: z.string(),
    name: z.string(),
    household: z.string().nullable(),
    phone: z.string().nullable(),
    campaignId: z.string(),
    campaignName: z.string(),
    municipalityCode: z.string(),
  }),
  reasons: z.array(MatchReasonSchema),
  status: z.enum(['open', 'confirmed', 'rejected']),
  createdAt: z.string(),
  decidedAt: z.string().nullable(),
});
export type Match = z.infer<typeof MatchSchema>;
export const MatchListSchema = z.object({ matches: z.array(MatchSchema) });
export type MatchList = z.infer<typeof MatchListSchema>;
export const MatchIdParamsSchema = z.strictObject({ id: z.uuid('Not a proposal id') });
export const MatchConfirmSchema = z.strictObject({
  /** The day they moved in; default the registration's moving date (or today, if later). */
  on: DateSchema.optional(),
});

export const NewcomerTaskSchema = z.object({
  id: z.string(),
  newcomerId: z.string(),
  newcomerName: z.string(),
  municipalityCode: z.string(),
  title: z.string(),
  dueOn: z.string(),
  overdue: z.boolean(),
  responsible: z.object({ id: z.string(), name: z.string() }).nullable(),
  doneAt: z.string().nullable(),
});
export type NewcomerTask = z.infer<typeof NewcomerTaskSchema>;

export const NewcomerSchema = z.object({
  id: z.string(),
  municipalityCode: z.string(),
  source: z.enum(['office', 'self']),
  adults: z.array(AdultSchema),
  children: z.array(ChildSchema),
  movedFrom: z.string().nullable(),
  movingDate: z.string(),
  reasons: z.array(ReasonSchema),
  heardVia: z
    .object({
      channel: ChannelSchema,
      campaignId: z.string().nullable(),
      campaignName: z.string().nullable(),
    })
    .nullable(),
  consents: ConsentStateSchema,
  locale: z.enum(LOCALES),
  notes: z.string().nullable(),
  movedAwayOn: z.string().nullable(),
  movedAwaySource: z.enum(['host', 'newcomer']).nullable(),
  createdAt: z.string(),
  updatedAt: z.string(),
  isDemo: z.boolean(),
  matches: z.array(MatchSchema),
  checklist: z.array(NewcomerTaskSchema),
});
export type Newcomer = z.infer<typeof NewcomerSchema>;

export const MovedAwayInputSchema = z.strictObject({ on: DateSchema });

export const TaskParamsSchema = z.strictObject({
  id: z.uuid('Not a newcomer id'),
  taskId: z.uuid('Not a checklist item id'),
});
export const TaskPatchSchema = z
  .strictObject({
    done: z.boolean().optional(),
    responsibleUserId: z.uuid('Not a user id').nullable().optional(),
    dueOn: DateSchema.optional(),
  })
  .refine((v) => Object.keys(v).length > 0, { message: 'Nothing to change' });
export type NewcomerTaskPatch = z.infer<typeof TaskPatchSchema>;

// Welcome checklists (templates per municipality)

export const ChecklistItemInputSchema = z.strictObject({
  /** An existing item to keep (its instances stay linked); absent: a new item. */
  id: z.uuid('Not an item id').optional(),
  title: z.string().trim().min(1, 'Required').max(200, 'At most 200 characters'),
  /** Days after the moving date (negative: before it). */
  dueOffsetDays: z.int('Whole days').min(-365, 'At least -365').max(730, 'At most 730'),
  responsibleUserId: z.uuid('Not a user id').nullable().optional(),
});
export const ChecklistInputSchema = z.strictObject({
  items: z.array(ChecklistItemInputSchema).max(40, 'At most 40 items'),
});
export type ChecklistInput = z.infer<typeof ChecklistInputSchema>;
export const ChecklistParamsSchema = z.strictObject({ municipalityCode: MunicipalityCodeSchema });

export const ChecklistSchema = z.object({
  municipalityCode: z.string(),
  municipalityName: z.string(),
  items: z.array(
    z.object({
      id: z.string(),
      title: z.string(),
      dueOffsetDays: z.number().int(),
      responsible: z.object({ id: z.string(), name: z.string() }).nullable(),
    }),
  ),
});
export type Checklist = z.infer<typeof ChecklistSchema>;
export const ChecklistListSchema = z.object({
  checklists: z.array(ChecklistSchema),
  /** Hosts who may be made responsible, with their municipalities. */
  hosts: z.array(
    z.object({ id: z.string(), name: z.string(), municipalityCodes: z.array(z.string()) }),
  ),
});
export type ChecklistList = z.infer<typeof ChecklistListSchema>;

// Retention

export const RetentionFiguresSchema = z.object({
  /** Registered with a moving date at least 12 (24) months ago. */
  cohort12: z.number().int(),
  living12: z.number().int(),
  rate12: z.number().nullable(),
  cohort24: z.number().int(),
  living24: z.number().int(),
  rate24: z.number().nullable(),
});
export type RetentionFigures = z.infer<typeof RetentionFiguresSchema>;
export const RetentionReportSchema = z.object({
  asOf: z.string(),
  total: RetentionFiguresSchema,
  municipalities: z.array(
    z.object({ code: z.string(), name: z.string(), figures: RetentionFiguresSchema }),
  ),
  /** By the campaign they came through (confirmed conversion, else how they heard); null: none. */
  campaigns: z.array(
    z.object({
      campaignId: z.string().nullable(),
      name: z.string().nullable(),
      figures: RetentionFiguresSchema,
    }),
  ),
});
export type RetentionReport = z.infer<typeof RetentionReportSchema>;

// The host's start page

export const StartPageSchema = z.object({
  today: z.string(),
  tasks: z.array(
    z.object({
      id: z.string(),
      kind: z.string(),
      dueOn: z.string(),
      overdue: z.boolean(),
      prospectName: z.string(),
      campaignName: z.string(),
    }),
  ),
  newRegistrations: z.array(NewcomerSummarySchema),
  matches: z.array(MatchSchema),
  overdueChecklist: z.array(NewcomerTaskSchema),
  /** null: the events module is not there yet. */
  events: z
    .array(
      z.object({
        id: z.string(),
        title: z.string(),
        startsAt: z.string(),
        municipalityCode: z.string().nullable(),
      }),
    )
    .nullable(),
});
export type StartPage = z.infer<typeof StartPageSchema>;
