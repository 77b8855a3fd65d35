import { z } from 'zod';
import { EmailSchema, NewPasswordSchema } from './auth.js';

/** The secret from an emailed link (`/office/invitation/<token>`, `/office/reset/<token>`). */
export const LinkTokenSchema = z.string().min(20, 'Not a valid link').max(200, 'Not a valid link');

export const AcceptInvitationBodySchema = z.strictObject({
  token: LinkTokenSchema,
  name: z.string().trim().min(1, 'Required').max(200),
  password: NewPasswordSchema,
});

/** Always answered 202, whether or not the address has an account. */
export const PasswordResetRequestBodySchema = z.strictObject({ email: EmailSchema });

export const PasswordResetCompleteBodySchema = z.strictObject({
  token: LinkTokenSchema,
  password: NewPasswordSchema,
});
