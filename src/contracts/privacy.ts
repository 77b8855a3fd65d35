import { z } from 'zod';

/** Privacy operations: data map, access and erasure requests, retention, audit review. */

/** How to find a person: by phone, by email, or by name together with address. */
export const PersonLookupSchema = z.discriminatedUnion('by', [
  z.strictObject({ by: z.literal('phone'), phone: z.string().trim().min(1).max(40) }),
  z.strictObject({ by: z.literal('email'), email: z.string().trim().min(3).max(254) }),
  z.strictObject({
    by: z.literal('name_address'),
    name: z.string().trim().min(2).max(200),
    addressLine: z.string().trim().min(2).max(200),
    postcode: z
      .string()
      .trim()
      .regex(/^\d{4}$/, 'A postcode has four digits'),
  }),
]);
export type PersonLookup = z.infer<typeof PersonLookupSchema>;

export const RequestKindSchema = z.enum(['access', 'erasure']);
export const RequestStatusSchema = z.enum(['open', 'done', 'rejected']);

export const AccessExportBodySchema = z.strictObject({
  lookup: PersonLookupSchema,
  format: z.enum(['json', 'pdf']).default('json'),
  /** The logged request this answers: it is marked done. */
  requestId: z.uuid().optional(),
});

export const ErasureBodySchema = z.strictObject({
  lookup: PersonLookupSchema,
  /** Keep hashed phone and name + address so a new tip about them is dropped (Art. 21). */
  suppress: z.boolean().default(true),
  requestId: z.uuid().optional(),
});

export const ErasureResultSchema = z.object({
  counts: z.record(z.string(), z.number().int()),
});

export const PrivacyRequestSchema = z.object({
  id: z.string(),
  regionId: z.string().nullable(),
  kind: RequestKindSchema,
  status: RequestStatusSchema,
  reference: z.string().nullable(),
  receivedOn: z.string(),
  dueOn: z.string(),
  overdue: z.boolean(),
  completedAt: z.string().nullable(),
  result: z.record(z.string(), z.number()).nullable(),
  createdAt: z.string(),
});
export type PrivacyRequest = z.infer<typeof PrivacyRequestSchema>;

export const PrivacyRequestListSchema = z.object({
  requests: z.array(PrivacyRequestSchema),
  overdue: z.number().int(),
});

export const PrivacyRequestCreateSchema = z.strictObject({
  kind: RequestKindSchema,
  /** The case number in the region's archive: not the person's name. */
  reference: z.string().trim().max(60).optional(),
  receivedOn: z.iso.date().optional(),
});

export const PrivacyRequestPatchSchema = z.strictObject({
  status: RequestStatusSchema,
});

export const RequestIdParamsSchema = z.strictObject({ id: z.uuid('Not a request id') });

export const PersonalColumnSchema = z.object({
  table: z.string(),
  column: z.string(),
  activity: z.string(),
  category: z.string(),
  legalBasis: z.string(),
  retention: z.array(z.string()),
});

export const ProcessingRecordSchema = z.object({
  activity: z.string(),
  legalBasis: z.string(),
  subjects: z.array(z.string()),
  recipients: z.array(z.string()),
  categories: z.array(z.string()),
  retention: z.array(z.string()),
  tables: z.array(z.string()),
});

export const DataMapSchema = z.object({
  records: z.array(ProcessingRecordSchema),
  columns: z.array(PersonalColumnSchema),
  notPersonal: z.array(z.object({ table: z.string(), column: z.string(), why: z.string() })),
});
export type DataMap = z.infer<typeof DataMapSchema>;

export const RecordsQuerySchema = z.strictObject({ lang: z.enum(['nb', 'nn', 'en']).optional() });

export const RetentionPeriodSchema = z.object({
  rule: z.string(),
  months: z.number().int(),
  defaultMonths: z.number().int(),
  configurable: z.boolean(),
  /** How many records would go in the next purge. */
  due: z.number().int().nullable(),
});

export const RetentionSchema = z.object({ periods: z.array(RetentionPeriodSchema) });

export const RetentionUpdateSchema = z.strictObject({
  periods: z.record(z.string(), z.number().int().min(1).max(120)),
});

export const PrivacyAlertSchema = z.object({
  userId: z.string().nullable(),
  actorLabel: z.string(),
  hourStart: z.string(),
  people: z.number().int(),
  actions: z.number().int(),
});

export const PrivacyAlertListSchema = z.object({
  alerts: z.array(PrivacyAlertSchema),
  threshold: z.number().int(),
});
