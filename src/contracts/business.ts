import { z } from 'zod';
import { MunicipalityCodeSchema } from './regions.js';

/**
 * Employers and «Start Her»: the employer register imported from Enhetsregisteret, the
 * «Vis fram jobbene!» outreach, the employer survey, and entrepreneurs' inquiries.
 */

/** NACE (SN2007) sections, the level the register and the form filter on. */
export const NACE_SECTIONS = [
  'A',
  'B',
  'C',
  'D',
  'E',
  'F',
  'G',
  'H',
  'I',
  'J',
  'K',
  'L',
  'M',
  'N',
  'O',
  'P',
  'Q',
  'R',
  'S',
  'T',
  'U',
] as const;
export const NaceSectionSchema = z.enum(NACE_SECTIONS, 'Not a NACE section');
export type NaceSection = z.infer<typeof NaceSectionSchema>;

export const OUTREACH_STATUSES = [
  'not_contacted',
  'contacted',
  'agreed',
  'posted',
  'declined',
] as const;
export const OutreachStatusSchema = z.enum(OUTREACH_STATUSES, 'Not an outreach status');
export type OutreachStatus = z.infer<typeof OutreachStatusSchema>;

/** Employee counts as the register's size bands. */
export const SIZE_BANDS = ['0', '1-4', '5-19', '20-99', '100+'] as const;
export const SizeBandSchema = z.enum(SIZE_BANDS, 'Not a size band');
export type SizeBand = z.infer<typeof SizeBandSchema>;

const flag = z.enum(['yes', 'no'], 'yes or no');

export const EmployerIdParamsSchema = z.strictObject({ id: z.uuid('Not an employer id') });

export const EmployerListQuerySchema = z.strictObject({
  region: z.uuid('Not a region id').optional(),
  municipality: MunicipalityCodeSchema.optional(),
  section: NaceSectionSchema.optional(),
  size: SizeBandSchema.optional(),
  /** Posted on NAV in the last 12 months. */
  postedOnNav: flag.optional(),
  status: OutreachStatusSchema.optional(),
  q: z.string().trim().max(100).optional(),
});
export type EmployerListQuery = z.infer<typeof EmployerListQuerySchema>;

export const EmployerSchema = z.object({
  id: z.string(),
  orgNumber: z.string(),
  name: z.string(),
  organisationForm: z.string().nullable(),
  naceCode: z.string().nullable(),
  naceDescription: z.string().nullable(),
  naceSection: z.string().nullable(),
  employees: z.number().nullable(),
  municipalityCode: z.string(),
  municipalityName: z.string(),
  addressLine: z.string().nullable(),
  postcode: z.string().nullable(),
  city: z.string().nullable(),
  /** Ads on NAV in the last 12 months (0: none). */
  navAds12Months: z.number(),
  outreachStatus: OutreachStatusSchema,
  outreachNotes: z.string().nullable(),
  contactName: z.string().nullable(),
  contactEmail: z.string().nullable(),
  contactPhone: z.string().nullable(),
  /** A status change that can be undone. */
  canUndo: z.boolean(),
  updatedAt: z.string(),
});
export type Employer = z.infer<typeof EmployerSchema>;

export const StatusCountsSchema = z.record(OutreachStatusSchema, z.number());

export const EmployerListSchema = z.object({
  employers: z.array(EmployerSchema),
  total: z.number(),
  /** Counts per outreach status over the filtered list. */
  statusCounts: StatusCountsSchema,
  postedOnNav: z.number(),
  notPostedOnNav: z.number(),
  municipalities: z.array(z.object({ code: z.string(), name: z.string() })),
});
export type EmployerList = z.infer<typeof EmployerListSchema>;

const Optional = (max: number) => z.string().trim().max(max, `At most ${max} characters`);

export const OutreachPatchSchema = z.strictObject({
  status: OutreachStatusSchema.optional(),
  notes: Optional(2000).nullable().optional(),
  contactName: Optional(200).nullable().optional(),
  contactEmail: z
    .union([z.email('Not an email address').max(254), z.literal('')])
    .nullable()
    .optional(),
  contactPhone: Optional(40).nullable().optional(),
});
export type OutreachPatch = z.infer<typeof OutreachPatchSchema>;

export const ImportQuerySchema = z.strictObject({
  region: z.uuid('Not a region id').optional(),
  filename: z.string().trim().min(1).max(200).optional(),
});

/** A file as JSON (the office sends multipart; scripts may send this). */
export const ImportJsonBodySchema = z.strictObject({
  filename: z.string().trim().min(1).max(200),
  content: z.string().min(1, 'Empty file'),
});

export const BadRowSchema = z.object({
  row: z.number(),
  orgNumber: z.string().nullable(),
  reasons: z.array(z.string()),
});
export type BadRow = z.infer<typeof BadRowSchema>;

export const ImportResultSchema = z.object({
  importId: z.string().nullable(),
  format: z.enum(['json', 'csv']),
  rowsRead: z.number(),
  rowsInRegion: z.number(),
  added: z.number(),
  updated: z.number(),
  unchanged: z.number(),
  badRows: z.array(BadRowSchema),
  /** More bad rows than listed. */
  badRowCount: z.number(),
});
export type ImportResult = z.infer<typeof ImportResultSchema>;

export const ImportListSchema = z.object({
  imports: z.array(
    z.object({
      id: z.string(),
      fileName: z.string(),
      format: z.string(),
      rowsRead: z.number(),
      rowsInRegion: z.number(),
      added: z.number(),
      updated: z.number(),
      unchanged: z.number(),
      badRows: z.number(),
      importedAt: z.string(),
    }),
  ),
});

export const SurveySendSchema = z.strictObject({
  region: z.uuid('Not a region id').optional(),
  year: z.number().int().min(2020).max(2100).optional(),
});
export const SurveySendResultSchema = z.object({
  wave: z.string(),
  scheduled: z.number(),
  alreadySent: z.number(),
  withoutEmail: z.number(),
});

export const IndicatorQuerySchema = z.strictObject({
  region: z.uuid('Not a region id').optional(),
  year: z.coerce.number().int().min(2000).max(2100),
});
export const LabourAccessIndicatorSchema = z.object({
  year: z.number(),
  /** Share (0–1) answering 4–5; null with fewer than 5 answers. */
  share: z.number().nullable(),
  answers: z.number(),
});
export type LabourAccessIndicator = z.infer<typeof LabourAccessIndicatorSchema>;

// «Start Her»

export const ENTREPRENEUR_STAGES = ['idea', 'planning', 'started'] as const;
export const EntrepreneurStageSchema = z.enum(ENTREPRENEUR_STAGES, 'Choose a stage');
export const HELP_KINDS = ['financing', 'premises', 'advice', 'network', 'permits'] as const;
export const HelpKindSchema = z.enum(HELP_KINDS, 'Not a kind of help');
export const PIPELINE_STAGES = ['new', 'contacted', 'advising', 'established', 'dropped'] as const;
export const PipelineStageSchema = z.enum(PIPELINE_STAGES, 'Not a pipeline stage');
export type PipelineStage = z.infer<typeof PipelineStageSchema>;

/** An advisor organisation: the business forum, or a municipality of the region. */
export const AdvisorOrgSchema = z
  .string()
  .regex(/^(business_forum|municipality:\d{4})$/, 'business_forum or municipality:<code>');

export const InquiryIdParamsSchema = z.strictObject({ id: z.uuid('Not an inquiry id') });
export const TaskIdParamsSchema = z.strictObject({ id: z.uuid('Not a task id') });

export const InquiryListQuerySchema = z.strictObject({
  region: z.uuid('Not a region id').optional(),
  municipality: MunicipalityCodeSchema.optional(),
  stage: PipelineStageSchema.optional(),
});

export const InquiryTaskSchema = z.object({
  id: z.string(),
  title: z.string(),
  dueOn: z.string(),
  status: z.enum(['open', 'done']),
  overdue: z.boolean(),
});

export const InquirySchema = z.object({
  id: z.string(),
  municipalityCode: z.string(),
  municipalityName: z.string(),
  name: z.string().nullable(),
  email: z.string().nullable(),
  phone: z.string().nullable(),
  idea: z.string().nullable(),
  industry: z.string(),
  stage: EntrepreneurStageSchema,
  helpNeeded: z.array(HelpKindSchema),
  pipelineStage: PipelineStageSchema,
  advisorOrg: z.string().nullable(),
  advisorUser: z.object({ id: z.string(), name: z.string() }).nullable(),
  notes: z.string().nullable(),
  establishedOn: z.string().nullable(),
  canUndo: z.boolean(),
  tasks: z.array(InquiryTaskSchema),
  createdAt: z.string(),
});
export type Inquiry = z.infer<typeof InquirySchema>;

export const InquiryListSchema = z.object({
  inquiries: z.array(InquirySchema),
  counts: z.record(PipelineStageSchema, z.number()),
  municipalities: z.array(z.object({ code: z.string(), name: z.string() })),
  advisors: z.array(z.object({ id: z.string(), name: z.string() })),
});
export type InquiryList = z.infer<typeof InquiryListSchema>;

export const InquiryPatchSchema = z.strictObject({
  advisorOrg: AdvisorOrgSchema.nullable().optional(),
  advisorUserId: z.uuid('Not a user id').nullable().optional(),
  notes: Optional(4000).nullable().optional(),
});
export type InquiryPatch = z.infer<typeof InquiryPatchSchema>;

export const StageChangeSchema = z.strictObject({
  stage: PipelineStageSchema,
  /** For 'established': the day it was (default today). */
  on: z.iso.date('A date (YYYY-MM-DD)').optional(),
});

export const TaskCreateSchema = z.strictObject({
  title: z.string().trim().min(1, 'Required').max(200, 'At most 200 characters'),
  dueOn: z.iso.date('A date (YYYY-MM-DD)'),
});
export const TaskPatchSchema = z.strictObject({ status: z.enum(['open', 'done']) });

export const StartupsIndicatorSchema = z.object({
  year: z.number(),
  total: z.number(),
  municipalities: z.array(z.object({ code: z.string(), name: z.string(), count: z.number() })),
});
export type StartupsIndicator = z.infer<typeof StartupsIndicatorSchema>;
