import { z } from 'zod';
import {
  customerSchema,
  moneySchema,
  plainText,
  reasonCodeSchema,
  registrationStatusSchema,
} from '../../domain/registration';
import { actorViewSchema } from './actor';
import { cursorSchema, limitSchema, pageSchema, timestampSchema } from './common';
import { identifierConflictSchema } from './registration';

/** One registration an escalation weighs, with what a channel manager compares side by side. */
export const escalationContenderSchema = z
  .strictObject({
    registrationId: z.string(),
    role: z.enum(['holder', 'contender']).describe('holder: already approved, shown for comparison'),
    resellerId: z.string(),
    resellerName: z.string().optional(),
    distributorId: z.string(),
    direct: z
      .literal(true)
      .optional()
      .describe("a vendor seller's direct opportunity (resellerId and distributorId are then `direct:<seller>`)"),
    sellerId: z.string().optional().describe("the direct opportunity's seller"),
    sequence: z.number().int(),
    submittedAt: timestampSchema.optional(),
    status: registrationStatusSchema.optional(),
    customer: customerSchema.optional(),
    title: z.string().optional(),
    productLines: z.array(z.string()).optional(),
    estimatedValue: moneySchema.optional(),
    program: z.string().optional(),
    accountId: z.string().optional().describe("the vendor's account the customer matched with certainty"),
    match: z
      .strictObject({
        strength: z.enum(['certain', 'probable']),
        basis: z.enum(['uei', 'duns', 'taxId', 'domain', 'name', 'account']),
        score: z.number(),
        withRegistrationId: z.string(),
        conflictingIdentifiers: z.array(identifierConflictSchema).optional(),
      })
      .optional(),
    matchedWith: z
      .array(z.string())
      .optional()
      .describe('every registration its decision matched: the pairs a resolution speaks of'),
    joinedAt: timestampSchema.optional(),
  })
  .meta({ id: 'EscalationContender' });

export const escalationSchema = z
  .strictObject({
    id: z.string(),
    status: z.enum(['open', 'resolved']),
    subject: z.enum(['registration', 'extension']),
    reasonCode: reasonCodeSchema,
    level: z.number().int().describe('2 once the first review deadline has passed'),
    policyVersion: z.number().int(),
    createdAt: timestampSchema,
    reviewDueAt: timestampSchema,
    secondReviewDueAt: timestampSchema,
    contenders: z.array(escalationContenderSchema),
    resolution: z
      .strictObject({
        kind: z.enum(['award', 'reject-all', 'distinct', 'moot']),
        registrationId: z.string().optional(),
        reason: z.string(),
        by: z.strictObject({ kind: z.enum(['channel-manager', 'deadline', 'system']), id: z.string().optional() }),
        actor: actorViewSchema.optional(),
        at: timestampSchema,
      })
      .optional(),
  })
  .meta({ id: 'Escalation' });
export type EscalationView = z.infer<typeof escalationSchema>;

export const escalationPageSchema = pageSchema(escalationSchema).meta({ id: 'EscalationPage' });

export const escalationListQuerySchema = z.strictObject({
  status: z.enum(['open', 'resolved']).optional(),
  limit: limitSchema,
  cursor: cursorSchema(z.strictObject({ below: z.number().int() })).optional(),
});

const reason = plainText(1000);

export const resolveEscalationBodySchema = z
  .union([
    z.strictObject({ award: z.string().min(1).max(100), reason }),
    z.strictObject({ rejectAll: z.literal(true), reason }),
    z.strictObject({ distinct: z.literal(true), reason }),
  ])
  .meta({ id: 'EscalationResolutionRequest' });

const resolutionKindSchema = z.enum(['award', 'reject-all', 'distinct', 'moot']);

export const resolutionResultSchema = z
  .strictObject({
    escalationId: z.string(),
    resolution: z.strictObject({ kind: resolutionKindSchema, registrationId: z.string().optional() }),
    fates: z
      .array(
        z.strictObject({
          registrationId: z.string(),
          action: z
            .enum(['approve', 'reject', 'recheck', 'grant-extension', 'deny-extension'])
            .describe('recheck: looked at again by the rules, this escalation having decided nothing about it'),
        }),
      )
      .describe('what each waiting contender’s own workflow records next (holders keep what they have)'),
  })
  .meta({ id: 'EscalationResolutionResult' });
