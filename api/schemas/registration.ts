import { z } from 'zod';
import { decisionKinds } from '../../domain/lifecycle';
import {
  closingSchema,
  customerSchema,
  isoDateSchema,
  opportunityChangeSchema,
  opportunitySchema,
  partnerIdSchema,
  plainText,
  reasonCodeSchema,
  registrationStatusSchema,
  segmentSchema,
} from '../../domain/registration';
import { accountOwnerSchema } from '../../domain/vendor/records';
import { actorViewSchema } from './actor';
import { cursorSchema, limitSchema, pageSchema, searchTextSchema, timestampSchema } from './common';

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

/** The vendor account's routing facts as a decision used them (domain/accounts/routing-facts.ts). */
export const accountFactsSchema = z
  .strictObject({
    accountId: z.string(),
    segment: segmentSchema,
    region: z.string().optional(),
    programs: z.array(
      z.strictObject({ id: z.string(), name: z.string().optional(), contractNumbers: z.array(z.string()).optional() }),
    ),
    owner: accountOwnerSchema.optional(),
  })
  .meta({ id: 'AccountFacts', description: "The vendor account's routing facts, as known then (staff only)" });

const declaredFields = ['segment', 'region', 'program'] as const;

export const declaredRoutingSchema = z
  .strictObject({ segment: segmentSchema.optional(), region: z.string().optional(), program: z.string().optional() })
  .meta({ id: 'DeclaredRouting', description: 'What the reseller declared, kept when the account decided the route' });

export const accountCandidateSchema = z
  .strictObject({
    accountId: z.string(),
    name: z.string(),
    basis: z.enum(['uei', 'duns', 'taxId', 'domain', 'name']),
    score: z.number(),
  })
  .meta({ id: 'AccountCandidate', description: 'An account the customer may be; it routes nothing (staff only)' });

export const opportunityChangeRecordSchema = z
  .strictObject({
    before: opportunitySchema.partial().describe('the changed fields as they were (absent: it had none)'),
    after: opportunitySchema.partial().describe('the changed fields as the change set them'),
    note: z.string().optional(),
    sequence: z
      .number()
      .int()
      .optional()
      .describe('the sequence drawn for the product lines it added: their place in first come, first served'),
  })
  .meta({ id: 'OpportunityChangeRecord' });

export const decisionSchema = z
  .strictObject({
    at: timestampSchema,
    kind: z
      .enum(decisionKinds)
      .describe(
        'additions: `imported` records where a migrated registration stood in the system it came from; `change` a change of the opportunity by its owner; `transfer` and `revoke` a channel manager’s move of the deal',
      ),
    fromStatus: registrationStatusSchema,
    toStatus: registrationStatusSchema,
    reasonCode: reasonCodeSchema.optional(),
    explanation: z.string(),
    trace: z.array(ruleTraceStepSchema),
    policyVersion: z.number().int(),
    decidedBy: z.strictObject({
      kind: z.enum(['engine', 'channel-manager', 'deadline', 'reseller', 'distributor', 'seller', 'system']),
      id: z.string().optional().describe('the rule, for the engine, a deadline or the system; staff only'),
    }),
    actor: actorViewSchema.optional().describe('who did it: a person, an integration key or the program; staff only'),
    transfer: z
      .strictObject({ from: z.string(), to: z.string() })
      .optional()
      .describe('a transfer’s two registrations, the one that gave the deal up and the one that took it; staff only'),
    dispute: z
      .strictObject({
        id: z.string(),
        outcome: z.enum(['upheld', 'overturned', 'distinct']).optional(),
        receiverId: z
          .string()
          .optional()
          .describe('the disputing partner’s registration after the decision; staff only'),
      })
      .optional()
      .describe('a dispute’s step: which dispute (GET /disputes/{id}), and its outcome once decided'),
    protectedUntil: timestampSchema.optional(),
    matches: z.array(dealMatchSchema).optional().describe('staff only'),
    escalationId: z.string().optional().describe('staff only'),
    closing: closingSchema.optional().describe('on a close: the amount won, or why the deal was lost'),
    change: opportunityChangeRecordSchema.optional().describe('on a change: the fields it changed, before and after'),
    account: accountFactsSchema.optional().describe('the account facts this decision routed by; staff only'),
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
    resellerId: z
      .string()
      .optional()
      .describe("the partner's registration: its reseller (absent on a direct opportunity)"),
    distributorId: z
      .string()
      .optional()
      .describe('and the distributor it came through (absent on a direct opportunity)'),
    direct: z.literal(true).optional().describe("a vendor seller's direct opportunity (staff and its seller only)"),
    sellerId: z.string().optional().describe("a direct opportunity's vendor seller"),
    customer: customerSchema,
    opportunity: opportunitySchema,
    program: z.string().optional(),
    accountId: z.string().optional().describe("the vendor's account the customer matched with certainty; staff only"),
    account: accountFactsSchema
      .optional()
      .describe("that account's routing facts at acceptance: routing went by them; staff only"),
    declared: declaredRoutingSchema.optional().describe('staff only'),
    declaredOtherwise: z
      .array(z.enum(declaredFields))
      .optional()
      .describe('the declared fields the account contradicts; staff only'),
    accountCandidates: z
      .array(accountCandidateSchema)
      .optional()
      .describe('accounts it may be (a similar name): shown, never routed on; staff only'),
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
    arrival: z
      .strictObject({
        importId: z.string(),
        row: z.number().int(),
        status: registrationStatusSchema,
        protectedUntil: timestampSchema.optional(),
        note: z.string().optional(),
      })
      .optional()
      .describe('an addition: a migrated registration, the import and row it came from and where it stood; staff only'),
    transferredFrom: z
      .string()
      .optional()
      .describe('a transfer’s receiver: the registration whose deal a channel manager moved to it; staff only'),
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
  q: searchTextSchema.optional().describe('text in the customer name, domain or title (within what the caller sees)'),
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
export const closeBodySchema = closingSchema;
export const transferBodySchema = z
  .strictObject({
    toResellerId: partnerIdSchema,
    toDistributorId: partnerIdSchema,
    reason: plainText(500).describe('shown to both partners; name neither'),
  })
  .meta({ id: 'TransferRequest' });
export const transferResultSchema = z
  .strictObject({ transferred: registrationSchema, receiver: registrationSchema })
  .meta({ id: 'TransferResult' });
export const revokeBodySchema = z
  .strictObject({ reason: plainText(500).describe('shown to the partner') })
  .meta({ id: 'RevokeRequest' });
export const changeBodySchema = z
  .strictObject({ opportunity: opportunityChangeSchema, note: plainText(1000).optional() })
  .meta({ id: 'RegistrationChange' });

export const watchSchema = z
  .strictObject({
    registrationId: z.string(),
    watching: z.literal(true),
    until: timestampSchema.describe('when the watch ends unless the deal frees up first'),
  })
  .meta({ id: 'DealWatch' });

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
