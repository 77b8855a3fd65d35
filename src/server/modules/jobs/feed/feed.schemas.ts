import { z } from 'zod';

/*
 * The shapes of NAV's pam-stilling-feed as its source code writes them (FORMATS.md §5; no real
 * body was available). Only what the ingest needs is required; everything NAV may leave out is
 * optional or nullable, and unknown fields pass, so a harmless addition upstream does not stop
 * the import while a real change of shape (no items, no ad_content key) does.
 */

const text = z.string().nullish();

export const FeedEntryStatusSchema = z.enum(['ACTIVE', 'INACTIVE']);

export const FeedLineSchema = z.object({
  id: z.string().min(1),
  url: text,
  title: text,
  date_modified: text,
  _feed_entry: z.object({
    uuid: z.string().min(1),
    status: FeedEntryStatusSchema,
    title: text,
    businessName: text,
    /** Upper-case name of the first work location; "?" when NAV does not know it. */
    municipal: text,
    sistEndret: text,
  }),
});
export type FeedLine = z.infer<typeof FeedLineSchema>;

export const FeedPageSchema = z.object({
  id: z.string().min(1),
  next_id: z.string().min(1).nullable(),
  next_url: text,
  feed_url: text,
  items: z.array(FeedLineSchema),
});
export type FeedPage = z.infer<typeof FeedPageSchema>;

export const WorkLocationSchema = z.object({
  country: text,
  address: text,
  city: text,
  postalCode: text,
  county: text,
  municipal: text,
});
export type WorkLocation = z.infer<typeof WorkLocationSchema>;

export const AdContentSchema = z.object({
  uuid: z.string().min(1),
  published: z.string().min(1),
  expires: text,
  updated: text,
  workLocations: z.array(WorkLocationSchema).nullish(),
  // contactList is deliberately not read: contact persons are never stored (privacy).
  title: text,
  description: text,
  sourceurl: text,
  source: text,
  applicationUrl: text,
  applicationDue: text,
  occupationCategories: z.array(z.object({ level1: text, level2: text })).nullish(),
  categoryList: z.array(z.object({ categoryType: text, code: text, name: text })).nullish(),
  jobtitle: text,
  link: text,
  employer: z.object({ name: text, orgnr: text, description: text, homepage: text }).nullish(),
  engagementtype: text,
  extent: text,
  starttime: text,
  positioncount: text,
  sector: text,
});
export type AdContent = z.infer<typeof AdContentSchema>;

export const FeedEntryContentSchema = z.object({
  uuid: z.string().min(1),
  status: FeedEntryStatusSchema,
  sistEndret: text,
  /** Null when the ad is inactive. The upstream docs call it `json`; the code says ad_content. */
  ad_content: AdContentSchema.nullable(),
});
export type FeedEntryContent = z.infer<typeof FeedEntryContentSchema>;

/** "Invalid input at items.3._feed_entry.status: …", short enough for a log line and the office. */
export function describeZodError(error: z.ZodError): string {
  return error.issues
    .slice(0, 3)
    .map((i) => `${i.path.join('.') || '(root)'}: ${i.message}`)
    .join('; ');
}
