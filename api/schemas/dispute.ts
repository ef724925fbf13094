import { z } from 'zod';
import { disputeGroundSchema, evidenceSchema, MAX_EVIDENCE } from '../../domain/dispute';
import { disputeOutcomeSchema } from '../../domain/policy/schema';
import { plainText } from '../../domain/registration';
import { actorViewSchema } from './actor';
import { cursorSchema, limitSchema, pageSchema, timestampSchema } from './common';
import { registrationSchema } from './registration';

const statement = plainText(5000);
const evidence = z.array(evidenceSchema).max(MAX_EVIDENCE).default([]);

export const openDisputeBodySchema = z
  .strictObject({ ground: disputeGroundSchema, statement, evidence })
  .meta({ id: 'OpenDisputeBody' });
export const disputeResponseBodySchema = z.strictObject({ statement, evidence }).meta({ id: 'DisputeResponseBody' });
export const decideDisputeBodySchema = z
  .strictObject({ outcome: disputeOutcomeSchema, reason: plainText(1000) })
  .meta({ id: 'DecideDisputeBody' });

export const disputeListQuerySchema = z.strictObject({
  status: z.enum(['open', 'decided']).optional(),
  limit: limitSchema,
  cursor: cursorSchema(z.strictObject({ before: z.iso.datetime(), id: z.string().min(1).max(100) })).optional(),
});

/** What one side said. */
export const disputeSideSchema = z
  .strictObject({
    statement: z.string(),
    evidence: z.array(evidenceSchema),
    at: timestampSchema,
    actor: actorViewSchema.optional().describe('who said it; staff only'),
  })
  .meta({ id: 'DisputeSide' });

export const disputeDecisionSchema = z
  .strictObject({
    outcome: disputeOutcomeSchema,
    reason: z.string(),
    by: z.strictObject({ kind: z.enum(['channel-manager', 'deadline']), id: z.string().optional() }),
    actor: actorViewSchema.optional().describe('staff only'),
    at: timestampSchema,
    receiverId: z
      .string()
      .optional()
      .describe('the registration that holds the deal for the disputing partner afterwards; staff only'),
  })
  .meta({ id: 'DisputeDecision' });

/**
 * A dispute. Staff see both sides and both registrations side by side; a party sees its own side
 * (`side`), its own registration and the outcome, never the other partner.
 */
export const disputeSchema = z
  .strictObject({
    id: z.string(),
    status: z.enum(['open', 'decided']),
    level: z.number().int().min(1).max(2),
    side: z.enum(['disputing', 'holder']).optional().describe('a party’s view: which side it is'),
    ground: disputeGroundSchema,
    registrationId: z.string().describe('the disputing registration (a holder’s view: its own registration)'),
    holderId: z.string().optional().describe('the registration that held the deal; staff only'),
    claim: disputeSideSchema.optional().describe('the disputing partner’s statement (staff, and that partner)'),
    response: disputeSideSchema.optional().describe('the holder’s answer (staff, and the holder)'),
    registration: registrationSchema.optional().describe('the disputing registration; staff only'),
    holder: registrationSchema.optional().describe('the holder’s registration, side by side; staff only'),
    decision: disputeDecisionSchema.optional(),
    policyVersion: z.number().int(),
    createdAt: timestampSchema,
    responseDueAt: timestampSchema.optional(),
    reviewDueAt: timestampSchema.optional(),
    secondReviewDueAt: timestampSchema.optional(),
  })
  .meta({ id: 'Dispute' });
export type DisputeView = z.infer<typeof disputeSchema>;

export const disputePageSchema = pageSchema(disputeSchema).meta({ id: 'DisputePage' });
