import { z } from 'zod';

/** Pages and news of the region's site, and newcomers' stories (content module). */
export const CONTENT_KINDS = ['page', 'news'] as const;
export type ContentKind = (typeof CONTENT_KINDS)[number];

export const ContentRegionQuerySchema = z.strictObject({
  region: z.uuid('Not a region id').optional(),
});

/** A title and Markdown body in one language. */
export const ContentTextSchema = z.strictObject({
  title: z.string().trim().min(1, 'Write a title').max(200, 'At most 200 characters'),
  body: z.string().max(100_000, 'At most 100 000 characters'),
});
export type ContentText = z.infer<typeof ContentTextSchema>;

/** The texts of a revision; a language left out is not written yet (bokmål or another is shown). */
export const ContentTextsSchema = z
  .strictObject({
    nb: ContentTextSchema.optional(),
    nn: ContentTextSchema.optional(),
    en: ContentTextSchema.optional(),
  })
  .refine((t) => t.nb || t.nn || t.en, 'Write the text in at least one language');
export type ContentTexts = z.infer<typeof ContentTextsSchema>;

const SlugSchema = z
  .string()
  .regex(/^[a-z0-9](?:[a-z0-9-]{0,78}[a-z0-9])?$/, 'Lower-case letters a–z, digits and hyphens');

export const ContentCreateSchema = z.strictObject({
  kind: z.enum(CONTENT_KINDS, 'page or news'),
  slug: SlugSchema,
  texts: ContentTextsSchema,
});
export type ContentCreate = z.infer<typeof ContentCreateSchema>;

export const ContentSaveSchema = z.strictObject({
  slug: SlugSchema.optional(),
  texts: ContentTextsSchema,
});
export type ContentSave = z.infer<typeof ContentSaveSchema>;

export const ContentIdParamsSchema = z.strictObject({ id: z.uuid('Not a content id') });
export const RevisionParamsSchema = z.strictObject({
  id: z.uuid('Not a content id'),
  number: z.coerce.number().int().min(1),
});

export const ContentSummarySchema = z.object({
  id: z.string(),
  kind: z.enum(CONTENT_KINDS),
  slug: z.string(),
  title: z.string(),
  languages: z.array(z.enum(['nb', 'nn', 'en'])),
  status: z.enum(['draft', 'published', 'changed']),
  currentRevision: z.number(),
  publishedRevision: z.number().nullable(),
  publishedAt: z.string().nullable(),
  updatedAt: z.string(),
});
export type ContentSummary = z.infer<typeof ContentSummarySchema>;
export const ContentListSchema = z.object({ items: z.array(ContentSummarySchema) });

export const RevisionSummarySchema = z.object({
  number: z.number(),
  createdAt: z.string(),
  createdBy: z.string().nullable(),
  restoredFrom: z.number().nullable(),
  published: z.boolean(),
});

export const ContentItemSchema = ContentSummarySchema.extend({
  texts: z.object({
    nb: z.object({ title: z.string(), body: z.string() }).optional(),
    nn: z.object({ title: z.string(), body: z.string() }).optional(),
    en: z.object({ title: z.string(), body: z.string() }).optional(),
  }),
  revisions: z.array(RevisionSummarySchema),
});
export type ContentItemView = z.infer<typeof ContentItemSchema>;

export const RevisionSchema = z.object({
  number: z.number(),
  texts: ContentItemSchema.shape.texts,
  createdAt: z.string(),
});

export const PreviewBodySchema = z.strictObject({
  markdown: z.string().max(100_000, 'At most 100 000 characters'),
});
export const PreviewSchema = z.object({ html: z.string() });

// Images

/** An image as base64 (the JSON API takes no raw uploads), with its alt text. */
export const ContentImageUploadSchema = z.strictObject({
  contentType: z.enum(['image/png', 'image/jpeg'], 'PNG or JPEG'),
  dataBase64: z.base64('Not base64').max(8_000_000, 'The file is larger than 5 MB'),
  alt: z.strictObject({
    nb: z
      .string()
      .trim()
      .min(1, 'Describe the image in words (alt text)')
      .max(300, 'At most 300 characters'),
    nn: z.string().trim().min(1).max(300, 'At most 300 characters').optional(),
    en: z.string().trim().min(1).max(300, 'At most 300 characters').optional(),
  }),
});
export type ContentImageUpload = z.infer<typeof ContentImageUploadSchema>;

export const ContentImageSchema = z.object({
  id: z.string(),
  url: z.string(),
  width: z.number(),
  height: z.number(),
  widths: z.array(z.number()),
  srcset: z.string(),
  /** What to put in the Markdown text. */
  markdown: z.string(),
});
export type ContentImageView = z.infer<typeof ContentImageSchema>;

// Newcomers' stories

export const StoryCreateSchema = z.strictObject({
  newcomerId: z.uuid('Not a newcomer id'),
  locale: z.enum(['nb', 'nn', 'en']),
  title: z.string().trim().min(1, 'Write a title').max(200, 'At most 200 characters'),
  body: z.string().trim().min(1, 'Write the story').max(20_000, 'At most 20 000 characters'),
});
export type StoryCreate = z.infer<typeof StoryCreateSchema>;

export const StoryConsentSchema = z.strictObject({
  givenOn: z.iso.date('A date as YYYY-MM-DD'),
});

export const StoryListQuerySchema = z.strictObject({ newcomerId: z.uuid('Not a newcomer id') });
export const StoryIdParamsSchema = z.strictObject({ id: z.uuid('Not a story id') });

export const StorySchema = z.object({
  id: z.string(),
  newcomerId: z.string(),
  locale: z.string(),
  title: z.string(),
  body: z.string(),
  consent: z
    .object({ givenOn: z.string(), recordedBy: z.string().nullable(), recordedAt: z.string() })
    .nullable(),
  consentWithdrawnAt: z.string().nullable(),
  publishedAt: z.string().nullable(),
  createdAt: z.string(),
});
export type StoryView = z.infer<typeof StorySchema>;
export const StoryListSchema = z.object({ stories: z.array(StorySchema) });
