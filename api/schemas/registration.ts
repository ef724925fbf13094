import { z } from 'zod';
import {
  customerSchema,
  isoDateSchema,
  opportunitySchema,
  partnerIdSchema,
  plainText,
  reasonCodeSchema,
  registrationStatusSchema,
} from '../../domain/registration';
import { actorViewSchema } from './actor';
import { cursorSchema, limitSchema, pageSchema, timestampSchema } from './common';

export const ruleTraceStepSchema = z
  .strictObject({
    rule: z.string(),
    inputs: z.record(z.string(), z.unknown()),
    result: z.string(),
    detail: z.string(),
    decisive: z.boolean().optional(),
  })
  .meta({ id: 'RuleTraceStep', description: 'One rule the allocation engine evaluated, in order' });

/** An identifier the two registrations' customers give with different values. */
export const identifierConflictSchema = z
  .strictObject({
    kind: z.enum(['uei', 'duns', 'taxId']),
    value: z.string().describe("this registration's value"),
    holderValue: z.string().describe("the matched registration's value"),
  })
  .meta({ id: 'IdentifierConflict', description: 'Staff only' });

export const dealMatchSchema = z
  .strictObject({
    registrationId: z.string(),
    resellerId: z.string(),
    distributorId: z.string(),
    sequence: z.number().int(),
    strength: z.enum(['certain', 'probable']),
    basis: z.enum(['uei', 'duns', 'taxId', 'domain', 'name', 'account']),
    score: z.number(),
    sharedProductLines: z.array(z.string()),
    sharedProductFamilies: z
      .array(z.string())
      .optional()
      .describe('under the policy’s matching.productScope "family": the product families both name'),
    conflictingIdentifiers: z.array(identifierConflictSchema).optional(),
  })
  .meta({ id: 'DealMatch', description: 'Another registration judged the same deal (staff only)' });

export const decisionSchema = z
  .strictObject({
    at: timestampSchema,
    kind: z.enum(['decision', 'escalation-resolved', 'deadline', 'extension', 'close', 'withdraw', 'expire']),
    fromStatus: registrationStatusSchema,
    toStatus: registrationStatusSchema,
    reasonCode: reasonCodeSchema.optional(),
    explanation: z.string(),
    trace: z.array(ruleTraceStepSchema),
    policyVersion: z.number().int(),
    decidedBy: z.strictObject({
      kind: z.enum(['engine', 'channel-manager', 'deadline', 'reseller', 'distributor', 'system']),
      id: z.string().optional().describe('the rule, for the engine, a deadline or the system; staff only'),
    }),
    actor: actorViewSchema.optional().describe('who did it: a person, an integration key or the program; staff only'),
    protectedUntil: timestampSchema.optional(),
    matches: z.array(dealMatchSchema).optional().describe('staff only'),
    escalationId: z.string().optional().describe('staff only'),
    hash: z.string().describe('sha256 over this entry and prevHash'),
    prevHash: z.string(),
  })
  .meta({ id: 'Decision', description: 'One entry of the hash-chained decision log' });

export const registrationSchema = z
  .strictObject({
    id: z.string(),
    status: registrationStatusSchema,
    reasonCode: reasonCodeSchema.optional(),
    explanation: z.string().optional(),
    resellerId: z.string(),
    distributorId: z.string(),
    customer: customerSchema,
    opportunity: opportunitySchema,
    program: z.string().optional(),
    submittedAt: timestampSchema,
    sequence: z.number().int(),
    decidedAt: timestampSchema.optional(),
    enteredBy: actorViewSchema
      .extend({ onBehalfOf: z.strictObject({ distributorId: z.string() }).optional() })
      .optional()
      .describe(
        'who entered it: a person or an integration key, and for whom. Staff see who; partners see only `kind` and `onBehalfOf`, when a distributor entered it for the reseller',
      ),
    protectedUntil: timestampSchema.optional(),
    extensionsUsed: z.number().int(),
    policyVersion: z.number().int(),
    escalationId: z.string().optional().describe('staff only'),
    endedAt: timestampSchema.optional(),
    decisions: z.array(decisionSchema),
  })
  .meta({ id: 'Registration' });
export type RegistrationView = z.infer<typeof registrationSchema>;

export const registrationPageSchema = pageSchema(registrationSchema).meta({ id: 'RegistrationPage' });

export const registrationListQuerySchema = z.strictObject({
  status: registrationStatusSchema.optional(),
  limit: limitSchema,
  cursor: cursorSchema(z.strictObject({ before: z.number().int() })).optional(),
  resellerId: partnerIdSchema.optional().describe('staff only'),
  distributorId: partnerIdSchema.optional().describe('staff only'),
  q: z
    .string()
    .trim()
    .min(1)
    .max(100)
    .optional()
    .describe('text in the customer name, domain or title (within what the caller sees)'),
  submittedFrom: isoDateSchema.optional().describe('submitted on or after this UTC day (YYYY-MM-DD)'),
  submittedTo: isoDateSchema.optional().describe('submitted on or before this UTC day (YYYY-MM-DD)'),
});

/** Printable ASCII, as the Idempotency-Key draft recommends; bounded so it can key a document. */
export const submitHeadersSchema = z.object({
  'idempotency-key': z
    .string()
    .regex(/^[\x20-\x7E]{1,200}$/, '1 to 200 printable ASCII characters')
    .optional(),
});

export const withdrawBodySchema = z.strictObject({ reason: plainText(500).optional() });
export const extensionBodySchema = z.strictObject({ reason: plainText(500) });
export const closeBodySchema = z.strictObject({ outcome: z.enum(['won', 'lost']) });

export const extensionResultSchema = z
  .strictObject({
    result: z.enum(['extended', 'escalated']).describe('escalated: a channel manager decides the extension'),
    registration: registrationSchema,
  })
  .meta({ id: 'ExtensionResult' });

export const historySchema = z
  .strictObject({
    events: z.array(
      z.strictObject({
        eventId: z.number().int(),
        at: timestampSchema,
        type: z.string(),
        summary: z.string(),
        details: z.unknown().optional(),
      }),
    ),
  })
  .meta({ id: 'RegistrationHistory' });
