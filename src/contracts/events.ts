import { z } from 'zod';
import { MunicipalityCodeSchema } from './regions.js';

/**
 * Meeting places and events: organisers, events with registration (capacity and waiting
 * list), attendance, and invitations to newcomers and interested prospects.
 */

export const OrganiserKindSchema = z.enum(['programme', 'municipality', 'volunteer_centre']);
export type OrganiserKind = z.infer<typeof OrganiserKindSchema>;

export const EventStatusSchema = z.enum(['draft', 'published']);
export const RegistrationStatusSchema = z.enum(['confirmed', 'waiting', 'cancelled']);
export type RegistrationStatus = z.infer<typeof RegistrationStatusSchema>;

const IdSchema = z.uuid('Not an id');
const Line = (max: number) =>
  z.string().trim().min(1, 'Required').max(max, `At most ${max} characters`);
const OptionalText = (max: number) =>
  z.string().trim().max(max, `At most ${max} characters`).optional();

/** Bokmål is required; nynorsk and English fall back to it on the site (and say so). */
export const EventTextsSchema = z.strictObject({
  nb: Line(200),
  nn: OptionalText(200),
  en: OptionalText(200),
});
export const EventDescriptionsSchema = z.strictObject({
  nb: z.string().trim().max(5000, 'At most 5000 characters'),
  nn: OptionalText(5000),
  en: OptionalText(5000),
});

/** Wall-clock time in Norway (Europe/Oslo), as a date-time field gives it: `2026-12-03T18:00`. */
export const OsloTimeSchema = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}$/, 'A date and time (YYYY-MM-DDTHH:MM)');

export const OrganiserSchema = z.object({
  id: z.string(),
  name: z.string(),
  kind: OrganiserKindSchema,
  /** Organiser users of this organisation. */
  members: z.array(z.object({ userId: z.string(), name: z.string(), email: z.string() })),
});
export type Organiser = z.infer<typeof OrganiserSchema>;

export const OrganiserListSchema = z.object({ organisers: z.array(OrganiserSchema) });

export const OrganiserCreateSchema = z.strictObject({
  name: Line(200),
  kind: OrganiserKindSchema,
});

export const OrganiserIdParamsSchema = z.strictObject({ id: IdSchema });

export const OrganiserMemberBodySchema = z.strictObject({ userId: IdSchema });

export const EventInputSchema = z.strictObject({
  title: EventTextsSchema,
  description: EventDescriptionsSchema,
  place: Line(300),
  municipalityCode: MunicipalityCodeSchema,
  startsAt: OsloTimeSchema,
  endsAt: OsloTimeSchema,
  /** null: no limit. */
  capacity: z.number().int('A whole number').min(1, 'At least 1').max(100_000).nullable(),
  registrationOpen: z.boolean(),
  status: EventStatusSchema,
  /** Organiser users may leave it out: it is their own organisation. */
  organiserId: IdSchema.optional(),
});
export type EventInput = z.infer<typeof EventInputSchema>;

export const EventPatchSchema = EventInputSchema.partial().extend({
  /** true cancels (everyone registered is told); false is refused once cancelled. */
  cancelled: z.literal(true).optional(),
});
export type EventPatch = z.infer<typeof EventPatchSchema>;

export const EventIdParamsSchema = z.strictObject({ id: IdSchema });

export const EventCountsSchema = z.object({
  confirmedSeats: z.number(),
  waitingSeats: z.number(),
  registrations: z.number(),
  attended: z.number(),
  invited: z.number(),
});

export const EventSchema = z.object({
  id: z.string(),
  regionId: z.string(),
  organiser: z.object({ id: z.string(), name: z.string(), kind: OrganiserKindSchema }),
  municipalityCode: z.string(),
  title: z.object({ nb: z.string(), nn: z.string().optional(), en: z.string().optional() }),
  description: z.object({ nb: z.string(), nn: z.string().optional(), en: z.string().optional() }),
  place: z.string(),
  /** ISO UTC and the same in Norwegian wall-clock time. */
  startsAt: z.string(),
  endsAt: z.string(),
  startsAtOslo: z.string(),
  endsAtOslo: z.string(),
  capacity: z.number().nullable(),
  registrationOpen: z.boolean(),
  status: EventStatusSchema,
  cancelledAt: z.string().nullable(),
  counts: EventCountsSchema,
  /** Whether the signed-in user may change it. */
  editable: z.boolean(),
});
export type EventView = z.infer<typeof EventSchema>;

export const EventListQuerySchema = z.strictObject({
  /** Default: from today on. */
  when: z.enum(['upcoming', 'past', 'all']).default('upcoming'),
  municipality: MunicipalityCodeSchema.optional(),
});

export const EventListSchema = z.object({ events: z.array(EventSchema) });

export const RegistrationSchema = z.object({
  id: z.string(),
  name: z.string().nullable(),
  email: z.string().nullable(),
  seats: z.number(),
  status: RegistrationStatusSchema,
  /** Place in the waiting list (1 = next), for waiting registrations. */
  waitingPosition: z.number().nullable(),
  wantsReminder: z.boolean(),
  createdAt: z.string(),
  attended: z.boolean().nullable(),
});

export const RegistrationListSchema = z.object({
  registrations: z.array(RegistrationSchema),
  counts: EventCountsSchema,
});

export const RegistrationIdParamsSchema = z.strictObject({
  id: IdSchema,
  registrationId: IdSchema,
});

export const AttendanceBodySchema = z.strictObject({
  /** null clears what was recorded. */
  attended: z.boolean().nullable(),
});

/** A public registration through the JSON API (the HTML form posts the same fields). */
export const RegistrationInputSchema = z.strictObject({
  name: Line(200),
  email: z
    .string()
    .trim()
    .max(254)
    .pipe(z.email({ message: 'Must be an email address' })),
  seats: z.number().int('A whole number').min(1, 'At least 1').max(10, 'At most 10'),
  wantsReminder: z.boolean(),
});
export type RegistrationInput = z.infer<typeof RegistrationInputSchema>;

export const InviteCandidateSchema = z.object({
  kind: z.enum(['prospect', 'newcomer']),
  id: z.string(),
  name: z.string(),
  municipalityCode: z.string(),
  hasEmail: z.boolean(),
  invited: z.boolean(),
});

export const InviteCandidateListSchema = z.object({
  candidates: z.array(InviteCandidateSchema),
});

export const InvitationBodySchema = z.strictObject({
  prospectIds: z.array(IdSchema).max(500).default([]),
  newcomerIds: z.array(IdSchema).max(500).default([]),
});

export const InvitationResultSchema = z.object({
  /** Emails queued now. */
  emailed: z.number(),
  /** Prospects without email: a follow-up task to invite them by phone. */
  tasks: z.number(),
  /** Already invited to this event: nothing sent again. */
  alreadyInvited: z.number(),
});

export const UpcomingEventSchema = z.object({
  id: z.string(),
  /** Per language; show `nb` (and say so) where the reader's language is missing. */
  title: z.object({ nb: z.string(), nn: z.string().optional(), en: z.string().optional() }),
  place: z.string(),
  municipalityCode: z.string(),
  startsAt: z.string(),
  endsAt: z.string(),
  organiserName: z.string(),
  cancelled: z.boolean(),
  seatsLeft: z.number().nullable(),
});
export type UpcomingEvent = z.infer<typeof UpcomingEventSchema>;
