import { z } from 'zod';
import { notificationTypes } from '../../db/outbox';
import { notificationPreferences, userStatuses } from '../../db/users';
import { isTimeZone } from '../../domain/email/digest-time';
import { MAX_PASSWORD_LENGTH } from '../../domain/people/passwords';
import { partnerIdSchema, plainText } from '../../domain/registration';
import { vendorRecordIdSchema } from '../../domain/vendor/records';
import { actorViewSchema } from './actor';
import { timestampSchema } from './common';
import { bindingIssues, roleSchema } from './partners';

export const emailSchema = z.email('an email address such as ana@example.com').max(254);
const name = plainText(200);
/** Checked against the rules (domain/people/passwords.ts) by the handler, which knows the person. */
export const passwordSchema = z
  .string()
  .min(1)
  .max(MAX_PASSWORD_LENGTH * 4);
export const timeZoneSchema = z
  .string()
  .max(64)
  .refine(isTimeZone, 'an IANA time zone such as Europe/Berlin or America/New_York')
  .describe('IANA time zone: daily digests go out at 08:00 there');

export const userSchema = z
  .strictObject({
    id: z.string(),
    email: z.string(),
    name: z.string(),
    role: roleSchema,
    resellerId: z.string().optional(),
    distributorId: z.string().optional(),
    sellerId: z.string().optional(),
    orgAdmin: z.boolean().optional(),
    status: z.enum(userStatuses),
    timeZone: z.string(),
    createdAt: timestampSchema,
    createdBy: actorViewSchema.optional(),
    updatedAt: timestampSchema,
    updatedBy: actorViewSchema.optional(),
  })
  .meta({ id: 'User' });

const withBinding = <
  T extends z.ZodType<{
    role: z.infer<typeof roleSchema>;
    resellerId?: string;
    distributorId?: string;
    sellerId?: string;
    orgAdmin?: boolean;
  }>,
>(
  schema: T,
) =>
  schema.superRefine((user, ctx) => {
    for (const issue of bindingIssues(user))
      ctx.addIssue({ code: 'custom', path: [issue.path], message: issue.message });
    if (user.orgAdmin && user.role !== 'reseller' && user.role !== 'distributor') {
      ctx.addIssue({
        code: 'custom',
        path: ['orgAdmin'],
        message: 'only reseller and distributor users administer an organisation',
      });
    }
  });

export const newUserSchema = withBinding(
  z.strictObject({
    email: emailSchema,
    name,
    role: roleSchema,
    resellerId: partnerIdSchema.optional(),
    distributorId: partnerIdSchema.optional(),
    sellerId: vendorRecordIdSchema.optional().describe('the vendor seller a `sales` person works for'),
    orgAdmin: z.boolean().optional(),
  }),
).meta({ id: 'NewUser' });

/** Every field optional; the binding is checked against the user's current one by the handler. */
export const userUpdateSchema = z
  .strictObject({
    name: name.optional(),
    role: roleSchema.optional(),
    resellerId: partnerIdSchema.nullable().optional(),
    distributorId: partnerIdSchema.nullable().optional(),
    sellerId: vendorRecordIdSchema.nullable().optional(),
    orgAdmin: z.boolean().optional(),
    status: z
      .enum(['disabled', 'active'])
      .optional()
      .describe("`disabled` ends the person's sessions at once; `active` enables a disabled person again"),
  })
  .meta({ id: 'UserUpdate' });

export const userParamsSchema = z.strictObject({
  id: z.string().regex(/^usr_[0-9a-f]{16}$/, 'a user id such as usr_0123456789abcdef'),
});

export const linkTokenParamsSchema = z.strictObject({
  token: z.string().regex(/^[A-Za-z0-9_-]{20,100}$/, 'the token from the mailed link'),
});

export const signInSchema = z.strictObject({ email: emailSchema, password: passwordSchema }).meta({ id: 'SignIn' });
export const keySignInSchema = z
  .strictObject({ key: z.string().regex(/^[A-Za-z0-9._~+/=-]{1,200}$/, 'an API key') })
  .meta({ id: 'KeySignIn' });
export const activationSchema = z
  .strictObject({ name: name.optional(), password: passwordSchema, timeZone: timeZoneSchema.optional() })
  .meta({ id: 'Activation' });
export const passwordResetRequestSchema = z.strictObject({ email: emailSchema }).meta({ id: 'PasswordResetRequest' });
export const newPasswordSchema = z.strictObject({ password: passwordSchema }).meta({ id: 'NewPassword' });

export const sessionSchema = z
  .strictObject({
    user: userSchema.optional().describe('the person signed in (absent for a staff key exchanged for a session)'),
    keyId: z.string().optional().describe('the staff key this session was exchanged for'),
    csrfToken: z.string().describe('send it as X-CSRF-Token with every request that changes anything'),
    expiresAt: timestampSchema.describe('when the session ends unless used again (idle 12 h, at most 7 days in all)'),
  })
  .meta({ id: 'Session' });

const preferenceSchema = z.enum(notificationPreferences);
export const notificationSettingsSchema = z
  .strictObject({
    ...Object.fromEntries(notificationTypes.map((type) => [type, preferenceSchema])),
    timeZone: z.string(),
  } as Record<(typeof notificationTypes)[number], typeof preferenceSchema> & { timeZone: z.ZodString })
  .meta({ id: 'NotificationSettings', description: 'how each kind of email reaches the person, and their time zone' });
export const notificationUpdateSchema = z
  .strictObject({
    ...Object.fromEntries(notificationTypes.map((type) => [type, preferenceSchema.optional()])),
    timeZone: timeZoneSchema.optional(),
  } as Record<(typeof notificationTypes)[number], z.ZodOptional<typeof preferenceSchema>> & {
    timeZone: z.ZodOptional<typeof timeZoneSchema>;
  })
  .meta({ id: 'NotificationUpdate' });

export const unsubscribeParamsSchema = z.strictObject({
  token: z
    .string()
    .max(600)
    .regex(/^[A-Za-z0-9_-]+\.[A-Za-z0-9_-]+$/, 'the token from the email'),
});
