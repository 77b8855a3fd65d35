import { z } from 'zod';
import { MunicipalityCodeSchema } from './regions.js';

/** `organiser`: runs the events of one organiser organisation (e.g. a volunteer centre). */
export const RoleSchema = z.enum(['admin', 'programme_leader', 'host', 'caller', 'organiser']);
export type Role = z.infer<typeof RoleSchema>;

export const LocaleSchema = z.enum(['nb', 'nn', 'en']);

export const EmailSchema = z
  .string()
  .trim()
  .max(254)
  .pipe(z.email({ message: 'Must be an email address' }));

/** Length only here; the service also refuses common and breached-list passwords. */
export const NewPasswordSchema = z
  .string()
  .min(12, 'At least 12 characters')
  .max(200, 'At most 200 characters');

export const CurrentUserSchema = z.object({
  id: z.string(),
  email: z.string(),
  name: z.string(),
  role: RoleSchema,
  regionId: z.string().nullable(),
  municipalityCodes: z.array(MunicipalityCodeSchema),
  campaignId: z.string().nullable(),
  locale: LocaleSchema,
  totpEnabled: z.boolean(),
  /** Admins and programme leaders must set up a second factor before anything else. */
  mfaEnrolmentRequired: z.boolean(),
});
export type CurrentUser = z.infer<typeof CurrentUserSchema>;

export const SignInBodySchema = z.strictObject({
  email: EmailSchema,
  password: z.string().min(1, 'Required').max(200),
});

export const SignInResultSchema = z.object({
  mfaRequired: z.boolean(),
  user: CurrentUserSchema.optional(),
});

export const TotpCodeBodySchema = z.strictObject({
  code: z
    .string()
    .trim()
    .regex(/^\d{6}$/, 'Six digits'),
});

export const MeSchema = z.object({
  user: CurrentUserSchema,
  csrfToken: z.string(),
});

export const UpdateMeBodySchema = z.strictObject({
  locale: LocaleSchema.optional(),
  name: z.string().trim().min(1).max(200).optional(),
});

export const TotpSetupSchema = z.object({
  secret: z.string(),
  otpauthUrl: z.string(),
  /** The otpauth URL as a QR code (SVG markup), for phone authenticator apps. */
  qrSvg: z.string(),
});
