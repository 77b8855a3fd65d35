import { z } from 'zod';
import { EmailSchema, RoleSchema } from './auth.js';
import { MunicipalityCodeSchema } from './regions.js';

/**
 * - active: can sign in (has a password or a linked single sign-on identity)
 * - invited: has not accepted the invitation yet
 * - disabled: switched off by an administrator or programme leader
 */
export const UserStatusSchema = z.enum(['active', 'invited', 'disabled']);
export type UserStatus = z.infer<typeof UserStatusSchema>;

const IdSchema = z.string().min(1).max(64);
const NameSchema = z.string().trim().min(1, 'Required').max(200);
const MunicipalityCodesSchema = z.array(MunicipalityCodeSchema).max(400);

export const UserSummarySchema = z.object({
  id: z.string(),
  email: z.string(),
  name: z.string(),
  role: RoleSchema,
  regionId: z.string().nullable(),
  municipalityCodes: z.array(MunicipalityCodeSchema),
  campaignId: z.string().nullable(),
  status: UserStatusSchema,
  totpEnabled: z.boolean(),
  createdAt: z.string(),
  disabledAt: z.string().nullable(),
});
export type UserSummary = z.infer<typeof UserSummarySchema>;

export const UserListQuerySchema = z.strictObject({ regionId: IdSchema.optional() });

export const UserListSchema = z.object({ users: z.array(UserSummarySchema) });

export const UserResponseSchema = z.object({ user: UserSummarySchema });

export const UserIdParamsSchema = z.strictObject({ id: z.uuid('Not a user id') });

/** An administrator has no region (null); everyone else belongs to one. */
export const InvitationBodySchema = z.strictObject({
  email: EmailSchema,
  name: NameSchema,
  role: RoleSchema,
  regionId: IdSchema.nullable().default(null),
  municipalityCodes: MunicipalityCodesSchema.default([]),
  campaignId: IdSchema.nullable().optional(),
});
export type InvitationBody = z.infer<typeof InvitationBodySchema>;

/** Only the fields sent change. A role change signs the user out everywhere. */
export const UserUpdateBodySchema = z.strictObject({
  name: NameSchema.optional(),
  role: RoleSchema.optional(),
  municipalityCodes: MunicipalityCodesSchema.optional(),
  /** Administrators only: moves the user to another region (null for a new administrator). */
  regionId: IdSchema.nullable().optional(),
  campaignId: IdSchema.nullable().optional(),
});
export type UserUpdateBody = z.infer<typeof UserUpdateBodySchema>;
