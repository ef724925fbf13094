import { z } from 'zod';
import { type Role, roles } from '../../db/apikeys';
import { partnerIdSchema, partnerTypeSchema, plainText } from '../../domain/registration';
import { vendorRecordIdSchema } from '../../domain/vendor/records';
import { actorViewSchema } from './actor';
import { timestampSchema } from './common';

const name = plainText(200);

/** Who created and last changed a partner, with names looked up now. */
const changedByViewFields = {
  createdBy: actorViewSchema.optional(),
  updatedBy: actorViewSchema.optional(),
  updatedAt: timestampSchema.optional(),
};

export const newDistributorSchema = z.strictObject({ id: partnerIdSchema, name }).meta({ id: 'NewDistributor' });
export const distributorSchema = z
  .strictObject({ id: z.string(), name: z.string(), createdAt: timestampSchema, ...changedByViewFields })
  .meta({ id: 'Distributor' });

export const distributorUpdateSchema = z.strictObject({ name }).meta({ id: 'DistributorUpdate' });

const resellerFields = {
  name,
  partnerType: partnerTypeSchema,
  distributorIds: z
    .array(partnerIdSchema)
    .min(1)
    .max(50)
    .refine((ids) => new Set(ids).size === ids.length, 'each distributor once'),
};
export const newResellerSchema = z.strictObject({ id: partnerIdSchema, ...resellerFields }).meta({ id: 'NewReseller' });
/** Everything but the id, which registrations and keys refer to. */
export const resellerUpdateSchema = z.strictObject(resellerFields).meta({ id: 'ResellerUpdate' });

export const partnerParamsSchema = z.strictObject({ id: partnerIdSchema });
export const resellerSchema = z
  .strictObject({
    id: z.string(),
    name: z.string(),
    partnerType: partnerTypeSchema,
    distributorIds: z.array(z.string()),
    createdAt: timestampSchema,
    ...changedByViewFields,
  })
  .meta({ id: 'Reseller' });

export const listOf = <T extends z.ZodType>(item: T) => z.strictObject({ items: z.array(item) });

export const roleSchema = z.enum(roles).meta({ id: 'Role' });

/**
 * A partner role is bound to exactly its partner; staff roles are bound to nobody. Shared by keys and
 * users: the issues of a role and binding, at their fields.
 */
export function bindingIssues(binding: {
  role: Role;
  resellerId?: string | undefined;
  distributorId?: string | undefined;
  sellerId?: string | undefined;
}): Array<{ path: string; message: string }> {
  const wants = { reseller: 'resellerId', distributor: 'distributorId', sales: 'sellerId' } as const;
  return (['resellerId', 'distributorId', 'sellerId'] as const).flatMap((field) => {
    const required = wants[binding.role as keyof typeof wants] === field;
    if (required && binding[field] === undefined)
      return [{ path: field, message: `required for the ${binding.role} role` }];
    if (!required && binding[field] !== undefined)
      return [{ path: field, message: `not allowed for the ${binding.role} role` }];
    return [];
  });
}

export const newApiKeySchema = z
  .strictObject({
    role: roleSchema,
    resellerId: partnerIdSchema.optional(),
    distributorId: partnerIdSchema.optional(),
    sellerId: vendorRecordIdSchema.optional().describe('the vendor seller a `sales` key acts for'),
    label: plainText(100).optional(),
  })
  .superRefine((key, ctx) => {
    for (const issue of bindingIssues(key))
      ctx.addIssue({ code: 'custom', path: [issue.path], message: issue.message });
  })
  .meta({ id: 'NewApiKey' });

export const apiKeySchema = z
  .strictObject({
    keyId: z.string(),
    role: roleSchema,
    resellerId: z.string().optional(),
    distributorId: z.string().optional(),
    sellerId: z.string().optional(),
    label: z.string().optional(),
    createdAt: timestampSchema,
    createdBy: z.string(),
    actor: actorViewSchema.optional().describe('who created it, with the name looked up now'),
    revokedAt: timestampSchema.optional(),
    revokedBy: actorViewSchema.optional(),
  })
  .meta({ id: 'ApiKey' });

export const createdApiKeySchema = z
  .strictObject({
    key: z.string().describe('shown this once; only its hash is stored'),
    keyId: z.string(),
    role: roleSchema,
    resellerId: z.string().optional(),
    distributorId: z.string().optional(),
    sellerId: z.string().optional(),
    label: z.string().optional(),
  })
  .meta({ id: 'CreatedApiKey' });

export const keyIdParamsSchema = z.strictObject({
  keyId: z.string().regex(/^key_[0-9a-f]{12}$/, 'a key id such as key_0123456789ab'),
});

export const webhookParamsSchema = z.strictObject({
  partnerKind: z.enum(['reseller', 'distributor', 'vendor']),
  partnerId: partnerIdSchema,
});
export const webhookBodySchema = z
  .strictObject({
    url: z
      .url({ protocol: /^https?$/ })
      .max(2000)
      .describe(
        'receives signed POSTs of notifications; https to a public address (a deployment may allow http and local addresses for development)',
      ),
  })
  .meta({ id: 'WebhookRequest' });
export const webhookSchema = z
  .strictObject({
    id: z.string(),
    url: z.string(),
    secret: z.string().describe('HMAC signing secret; shown this once'),
    createdAt: timestampSchema,
  })
  .meta({ id: 'Webhook' });
