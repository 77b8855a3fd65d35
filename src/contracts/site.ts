import { z } from 'zod';

/** The images of a region's visual profile. */
export const SITE_IMAGE_KINDS = ['logo', 'favicon', 'social'] as const;
export type SiteImageKind = (typeof SITE_IMAGE_KINDS)[number];

/** Which region: an administrator names one; everyone else has their own. */
export const SiteRegionQuerySchema = z.strictObject({
  region: z.uuid('Not a region id').optional(),
});

export const SiteImageParamsSchema = z.strictObject({
  kind: z.enum(SITE_IMAGE_KINDS, 'One of logo, favicon, social'),
});

export const ContrastPairSchema = z.object({
  pair: z.string(),
  foreground: z.string(),
  background: z.string(),
  ratio: z.number(),
  required: z.number(),
});
export type ContrastPairView = z.infer<typeof ContrastPairSchema>;

export const SiteImageSchema = z.object({
  url: z.string(),
  contentType: z.string(),
  bytes: z.number().int(),
  updatedAt: z.string(),
});

export const SiteProfileSchema = z.object({
  regionId: z.string(),
  regionName: z.string(),
  brandColor: z.string(),
  /** Every text/background pair the site paints with this colour, and its contrast. */
  contrast: z.array(ContrastPairSchema),
  images: z.object({
    logo: SiteImageSchema.nullable(),
    favicon: SiteImageSchema.nullable(),
    social: SiteImageSchema.nullable(),
  }),
});
export type SiteProfile = z.infer<typeof SiteProfileSchema>;

export const SiteColorSchema = z.strictObject({
  brandColor: z.string().regex(/^#[0-9a-fA-F]{6}$/, 'A colour as #rrggbb'),
});

/** An image as base64 (the JSON API takes no raw uploads); limits per kind in the service. */
export const SiteImageUploadSchema = z.strictObject({
  contentType: z.enum(['image/png', 'image/jpeg', 'image/svg+xml'], 'PNG, JPEG or SVG'),
  dataBase64: z.base64('Not base64').max(2_800_000, 'The image is larger than 2 MB'),
});
export type SiteImageUpload = z.infer<typeof SiteImageUploadSchema>;

export const SiteVisitsQuerySchema = z.strictObject({
  region: z.uuid('Not a region id').optional(),
  from: z.iso.date('A date as YYYY-MM-DD').optional(),
  to: z.iso.date('A date as YYYY-MM-DD').optional(),
});

export const SiteVisitsSchema = z.object({
  from: z.string(),
  to: z.string(),
  total: z.number().int(),
  /** The most visited pages (all languages together), most first. */
  pages: z.array(z.object({ path: z.string(), views: z.number().int() })),
  /** Views per month (YYYY-MM), oldest first. */
  months: z.array(z.object({ month: z.string(), views: z.number().int() })),
  /** Views per language. */
  locales: z.array(z.object({ locale: z.string(), views: z.number().int() })),
});
export type SiteVisits = z.infer<typeof SiteVisitsSchema>;

/** The newcomer host's contact shown on a municipality's public page. */
export const MunicipalityHostSchema = z.object({
  municipalityCode: z.string(),
  municipalityName: z.string(),
  /** Its page is /kommune/<slug>; its own text the content page kommune-<slug>. */
  municipalitySlug: z.string(),
  /** Null when none is set: the page then shows no contact box. */
  contact: z
    .object({
      name: z.string(),
      email: z.string().nullable(),
      phone: z.string().nullable(),
      updatedAt: z.string(),
    })
    .nullable(),
});
export type MunicipalityHost = z.infer<typeof MunicipalityHostSchema>;
export const MunicipalityHostListSchema = z.object({ hosts: z.array(MunicipalityHostSchema) });

export const MunicipalityHostParamsSchema = z.strictObject({
  code: z.string().regex(/^\d{4}$/, 'A municipality number has four digits'),
});

export const MunicipalityHostSaveSchema = z.strictObject({
  name: z.string().trim().min(1, 'Required').max(120, 'At most 120 characters'),
  email: z.union([z.email('Not an email address').max(254), z.literal('')]).optional(),
  phone: z.string().trim().max(30, 'At most 30 characters').optional(),
});
export type MunicipalityHostSave = z.infer<typeof MunicipalityHostSaveSchema>;
