import { z } from 'zod';

export const MunicipalityCodeSchema = z
  .string()
  .regex(/^\d{4}$/, 'A municipality number has four digits');

export const RegionSlugSchema = z
  .string()
  .regex(/^[a-z0-9-]{2,64}$/, 'Lower-case letters, digits and hyphens');

export const EarlierCodeSchema = z.object({
  code: MunicipalityCodeSchema,
  name: z.string(),
  /** The first day of the current number: the earlier one was valid until the day before. */
  changedOn: z.string(),
  kind: z.enum(['renumbered', 'merged', 'split']),
});

export const MunicipalitySchema = z.object({
  code: MunicipalityCodeSchema,
  name: z.string(),
  officialName: z.string(),
  slug: z.string(),
  countyCode: z.string(),
  countyName: z.string(),
  earlierCodes: z.array(EarlierCodeSchema),
});
export type Municipality = z.infer<typeof MunicipalitySchema>;

export const RegionSchema = z.object({
  id: z.string(),
  slug: RegionSlugSchema,
  name: z.string(),
  isDemo: z.boolean(),
  themeColor: z.string(),
  municipalities: z.array(MunicipalitySchema),
});
export type Region = z.infer<typeof RegionSchema>;

export const RegionListSchema = z.object({ regions: z.array(RegionSchema) });

export const RegionSlugParamsSchema = z.strictObject({ slug: RegionSlugSchema });
