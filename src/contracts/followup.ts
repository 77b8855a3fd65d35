import { z } from 'zod';
import { MunicipalityCodeSchema } from './regions.js';

/**
 * Follow-up and conversion: hosts' tasks after an interested call, the pipeline of prospects
 * by stage, moving in (with the tippers' thank-you), and the campaign funnel.
 */

export const TaskKindSchema = z.enum([
  'send_jobs',
  'send_housing',
  'send_kindergarten_school',
  'business_advice',
  'invite_visit',
  'invite_event',
  'other',
]);
export type TaskKind = z.infer<typeof TaskKindSchema>;

export const TaskStatusSchema = z.enum(['open', 'done', 'cancelled']);
export type TaskStatus = z.infer<typeof TaskStatusSchema>;

const DateSchema = z.iso.date('A date (YYYY-MM-DD)');
const NotesSchema = z.string().trim().max(2000, 'At most 2000 characters');

export const TaskIdParamsSchema = z.strictObject({ id: z.uuid('Not a task id') });

const flag = z.enum(['true', 'false']).transform((v) => v === 'true');

export const TaskListQuerySchema = z.strictObject({
  /** Default: open tasks. */
  status: z.enum(['open', 'done', 'cancelled', 'all']).default('open'),
  campaign: z.uuid('Not a campaign id').optional(),
  municipality: MunicipalityCodeSchema.optional(),
  /** Only tasks assigned to me. */
  mine: flag.optional(),
  /** Only open tasks past their due date. */
  overdue: flag.optional(),
});
export type TaskListQuery = z.infer<typeof TaskListQuerySchema>;

export const FollowUpTaskSchema = z.object({
  id: z.string(),
  campaignId: z.string(),
  campaignName: z.string(),
  municipalityCode: z.string(),
  prospect: z.object({ id: z.string(), name: z.string(), phone: z.string().nullable() }),
  kind: TaskKindSchema,
  status: TaskStatusSchema,
  dueOn: z.string(),
  /** Open and its due date has passed (Europe/Oslo). */
  overdue: z.boolean(),
  assignee: z.object({ id: z.string(), name: z.string() }).nullable(),
  notes: z.string().nullable(),
  fromCall: z.boolean(),
  createdAt: z.string(),
  doneAt: z.string().nullable(),
});
export type FollowUpTask = z.infer<typeof FollowUpTaskSchema>;

/** Hosts a task of their municipality may be given to. */
export const AssigneeSchema = z.object({
  id: z.string(),
  name: z.string(),
  municipalityCodes: z.array(z.string()),
});
export type Assignee = z.infer<typeof AssigneeSchema>;

export const TaskListSchema = z.object({
  tasks: z.array(FollowUpTaskSchema),
  assignees: z.array(AssigneeSchema),
  /** Today in Europe/Oslo, the day "overdue" is measured against. */
  today: z.string(),
});
export type TaskList = z.infer<typeof TaskListSchema>;

export const TaskPatchSchema = z
  .strictObject({
    /** A host of the task's municipality; null: nobody. */
    assigneeId: z.uuid('Not a user id').nullable().optional(),
    notes: NotesSchema.nullable().optional(),
    /** done or cancelled closes the task; open again undoes that. */
    status: TaskStatusSchema.optional(),
    dueOn: DateSchema.optional(),
  })
  .refine((v) => Object.keys(v).length > 0, { message: 'Nothing to change' });
export type TaskPatch = z.infer<typeof TaskPatchSchema>;

export const TaskCreateSchema = z.strictObject({
  prospectId: z.uuid('Not a prospect id'),
  kind: TaskKindSchema.default('other'),
  dueOn: DateSchema,
  notes: NotesSchema.optional(),
  assigneeId: z.uuid('Not a user id').optional(),
});
export type TaskCreate = z.infer<typeof TaskCreateSchema>;

// The pipeline

export const STAGES = [
  'tipped',
  'carded',
  'called',
  'reached',
  'interested',
  'visiting',
  'moved_in',
  'settled',
] as const;
export const StageSchema = z.enum(STAGES);
export type Stage = z.infer<typeof StageSchema>;

export const StageCountsSchema = z.object(
  Object.fromEntries(STAGES.map((s) => [s, z.number().int()])) as Record<Stage, z.ZodNumber>,
);
export type StageCounts = z.infer<typeof StageCountsSchema>;

/** A prospect's place in the pipeline: the furthest stage reached, and the host's records. */
export const PipelineProspectSchema = z.object({
  id: z.string(),
  name: z.string(),
  phone: z.string().nullable(),
  municipalityCode: z.string(),
  stage: StageSchema,
  visitingOn: z.string().nullable(),
  movedInOn: z.string().nullable(),
  movedInMunicipalityCode: z.string().nullable(),
  settledOn: z.string().nullable(),
  /** The thank-you email to the tippers who asked for news was queued (once, ever). */
  tippersThanked: z.boolean(),
});
export type PipelineProspect = z.infer<typeof PipelineProspectSchema>;

export const PipelineSchema = z.object({
  campaignId: z.string(),
  stages: z.array(StageSchema),
  /** Prospects now at each stage (their furthest), per municipality in scope and in all. */
  municipalities: z.array(
    z.object({ code: z.string(), name: z.string(), counts: StageCountsSchema }),
  ),
  total: StageCountsSchema,
  prospects: z.array(PipelineProspectSchema),
  /** The region's municipalities: where a prospect may be recorded as moved in. */
  regionMunicipalities: z.array(z.object({ code: z.string(), name: z.string() })),
});
export type Pipeline = z.infer<typeof PipelineSchema>;

export const VisitingInputSchema = z.strictObject({ on: DateSchema });
export const MovedInInputSchema = z.strictObject({
  on: DateSchema,
  municipalityCode: MunicipalityCodeSchema,
});
export type MovedInInput = z.infer<typeof MovedInInputSchema>;
export const SettledInputSchema = z.strictObject({ on: DateSchema.optional() });

export const PipelineStepSchema = z.enum(['visiting', 'moved-in', 'settled']);
export type PipelineStep = z.infer<typeof PipelineStepSchema>;

// The funnel

export const FunnelFiguresSchema = z.object({
  tipped: z.number().int(),
  carded: z.number().int(),
  called: z.number().int(),
  reached: z.number().int(),
  interested: z.number().int(),
  movedWithin6Months: z.number().int(),
  movedWithin12Months: z.number().int(),
  /** Moved in within 12 months among the reached, and among the called but not reached. */
  reachedMoved: z.number().int(),
  notReachedCalled: z.number().int(),
  notReachedMoved: z.number().int(),
  /** Shares (0–1); null when nobody is in the group. */
  reachedMoveRate: z.number().nullable(),
  notReachedMoveRate: z.number().nullable(),
});
export type FunnelFigures = z.infer<typeof FunnelFiguresSchema>;

export const FunnelSchema = z.object({
  campaignId: z.string(),
  campaignName: z.string(),
  /** The first calling day: months are counted from it; null when the campaign has none. */
  callingDay: z.string().nullable(),
  total: FunnelFiguresSchema,
  municipalities: z.array(
    z.object({ code: z.string(), name: z.string(), figures: FunnelFiguresSchema }),
  ),
  /** Moves in each month after the calling day (month 1 = the first 30-odd days), cumulative. */
  cohort: z.array(
    z.object({ month: z.number().int(), moves: z.number().int(), cumulative: z.number().int() }),
  ),
});
export type Funnel = z.infer<typeof FunnelSchema>;
