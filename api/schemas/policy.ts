import { z } from 'zod';
import { policyAnnouncementTypes } from '../../db/policy-announcements';
import { simulationStatuses } from '../../db/simulation-jobs';
import { checkPolicyFields, limitNames, policyFieldsSchema, policySchema } from '../../domain/policy/schema';
import { actorViewSchema } from './actor';
import { timestampSchema } from './common';

export const policyVersionSchema = z
  .strictObject({
    version: z.number().int(),
    createdAt: timestampSchema,
    createdBy: z.string().describe('id of who published it: an API key (`key_…`) or a person (`usr_…`)'),
    actor: actorViewSchema.optional().describe('who published it, with the name looked up now'),
    cancelledBy: actorViewSchema.optional(),
    effectiveFrom: timestampSchema.describe('registrations submitted from this instant on are decided under it'),
    cancelledAt: timestampSchema
      .optional()
      .describe('set when the change was cancelled before it took force; it never takes force'),
    policy: policySchema,
  })
  .meta({ id: 'PolicyVersion' });

export const policyAnnouncementSchema = z
  .strictObject({
    event: z.enum(policyAnnouncementTypes),
    partners: z.number().int().describe('distributors and resellers told (feed, and webhook where set)'),
    at: timestampSchema.describe('when the last of them was told'),
  })
  .meta({ id: 'PolicyAnnouncement' });

export const upcomingPolicySchema = z
  .strictObject({
    version: z.number().int(),
    effectiveFrom: timestampSchema,
    announced: z
      .array(policyAnnouncementSchema)
      .describe('the announcements made so far: `policy.scheduled` once every partner has been told'),
  })
  .meta({ id: 'UpcomingPolicy' });

export const policyInForceSchema = policyVersionSchema
  .extend({ upcoming: upcomingPolicySchema.optional().describe('the change scheduled next, if any') })
  .meta({ id: 'PolicyInForce' });

/** `PUT /policy`: a policy, and optionally when it takes force. */
export const publishPolicyBodySchema = policyFieldsSchema
  .extend({
    effectiveFrom: timestampSchema
      .optional()
      .describe('when the version takes force (default: now); not in the past, beyond a few seconds of clock skew'),
  })
  .superRefine(checkPolicyFields)
  .meta({ id: 'PolicyPublication' });

export const policyVersionsSchema = z
  .strictObject({ versions: z.array(policyVersionSchema) })
  .meta({ id: 'PolicyVersions' });

export const simulateBodySchema = z
  .strictObject({
    policy: policySchema,
    from: timestampSchema.optional().describe('replay only registrations submitted at or after this instant'),
    to: timestampSchema.optional().describe('replay only registrations submitted before this instant'),
    accounts: z
      .enum(['now', 'at-acceptance'])
      .default('now')
      .describe(
        "route by the vendor's accounts as they are now (default), or as each registration recorded them when it was accepted",
      ),
  })
  .meta({ id: 'SimulationRequest' });

const counts = z.strictObject({
  approve: z.number().int(),
  reject: z.number().int(),
  escalate: z.number().int(),
  undecided: z.number().int(),
});
const nullableReason = z.string().nullable();

export const simulationReportSchema = z
  .strictObject({
    label: z.string(),
    registrations: z.number().int(),
    outcomes: z.strictObject({ current: counts, candidate: counts }),
    escalationRate: z.strictObject({ current: z.number(), candidate: z.number() }),
    distributorShares: z.array(
      z.strictObject({
        distributorId: z.string(),
        name: z.string(),
        current: z.strictObject({ approvals: z.number().int(), share: z.number() }),
        candidate: z.strictObject({ approvals: z.number().int(), share: z.number() }),
      }),
    ),
    collisions: z.strictObject({ dealGroups: z.number().int(), registrations: z.number().int() }),
    changedCount: z.number().int().describe('every changed registration is counted; at most 500 are listed'),
    changes: z.array(
      z.strictObject({
        registrationId: z.string(),
        sequence: z.number().int(),
        actual: z.strictObject({
          outcome: z.string(),
          reasonCode: nullableReason,
          decisiveRule: z.string().nullable(),
        }),
        simulated: z.strictObject({ outcome: z.string(), reasonCode: nullableReason }),
        decisiveRule: z.string(),
        detail: z.string(),
      }),
    ),
    limits: z
      .strictObject({
        refused: z.number().int(),
        hits: z.array(
          z.strictObject({
            resellerId: z.string(),
            limit: z.enum(limitNames),
            refused: z.number().int(),
            firstRefusedAt: z.string(),
          }),
        ),
      })
      .describe(
        "resellers whose submissions the candidate's limits would have refused; refused submissions are left out of the candidate's counts",
      ),
    accounts: z
      .strictObject({
        routedByAccount: z.number().int(),
        declaredOtherwise: z.number().int(),
        declaredOtherwiseBy: z.strictObject({
          segment: z.number().int(),
          region: z.number().int(),
          program: z.number().int(),
        }),
        changedSinceAcceptance: z
          .number()
          .int()
          .describe('registrations decided by other account facts than the accounts have now (or by none)'),
      })
      .optional()
      .describe(
        "registrations routed by the vendor's accounts as they are now, and how many of them declared a segment, region or program the account contradicts (absent from reports of earlier releases)",
      ),
    houseAccounts: z
      .strictObject({
        registrations: z.number().int(),
        rejected: z.number().int(),
        escalated: z.number().int(),
      })
      .optional()
      .describe(
        "partner registrations on a vendor seller's house account, and how many the candidate's houseAccounts rule would have rejected or sent to a channel manager (absent from reports of earlier releases)",
      ),
  })
  .meta({ id: 'SimulationReport' });

export const guideTextSchema = z.string().meta({ id: 'PolicyGuideText' });
export const csvTextSchema = z.string().meta({ id: 'CsvText' });
export const guideQuerySchema = z.strictObject({});

export const simulationJobSchema = z
  .strictObject({
    id: z.string(),
    status: z
      .enum(simulationStatuses)
      .describe('`timed-out`: the time limit ended the replay; the report covers what was read and is partial'),
    label: z.string(),
    startedAt: timestampSchema,
    deadline: timestampSchema.describe('when the replay stops reading, finished or not'),
    finishedAt: timestampSchema.optional(),
    progress: z.strictObject({
      read: z.number().int().describe('registrations replayed so far'),
      totalEstimate: z.number().int().describe('about how many the replay will read (the highest sequence number)'),
    }),
    partial: z.boolean().describe('true when the report covers only the registrations read before the time limit'),
    report: simulationReportSchema.optional().describe('once the job is done or timed out'),
    error: z.string().optional().describe('why a failed job failed'),
  })
  .meta({ id: 'SimulationJob' });
