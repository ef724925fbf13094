import { z } from 'zod';
import type { Actor } from '../actor';
import { partnerIdSchema, partnerTypeSchema, type SubmitterType, segmentSchema } from '../registration';
import { durationToMs, isoDurationSchema, tryDurationToMs } from './duration';

export const allocationModels = ['segment', 'partner-type', 'open', 'hybrid'] as const;
export const allocationModelSchema = z.enum(allocationModels).meta({ id: 'AllocationModel' });
export type AllocationModel = z.infer<typeof allocationModelSchema>;

/**
 * Caps on every list a policy holds: a candidate is replayed against every stored registration, so
 * its size multiplies the work of a simulation and must not be up to the caller.
 */
export const MAX_ROUTES = 200;
export const MAX_CONDITION_VALUES = 100;
export const MAX_ROUTE_DISTRIBUTORS = 50;

const nonEmptyList = <T extends z.ZodType>(item: T) => z.array(item).min(1).max(MAX_CONDITION_VALUES).optional();

export const routeConditionSchema = z
  .strictObject({
    segments: nonEmptyList(segmentSchema),
    regions: nonEmptyList(z.string().trim().min(1).max(64)),
    partnerTypes: nonEmptyList(partnerTypeSchema),
    programs: nonEmptyList(z.string().trim().min(1).max(100)),
  })
  .refine((when) => Object.values(when).some((list) => list !== undefined), {
    message: 'a route must name at least one of segments, regions, partnerTypes, programs',
  })
  .meta({ id: 'RouteCondition' });
export type RouteCondition = z.infer<typeof routeConditionSchema>;

export const routeSchema = z
  .strictObject({
    when: routeConditionSchema,
    distributors: z.array(partnerIdSchema).min(1).max(MAX_ROUTE_DISTRIBUTORS),
  })
  .meta({ id: 'Route' });
export type Route = z.infer<typeof routeSchema>;

export const policyTimingSchema = z
  .strictObject({
    protection: isoDurationSchema.default('P90D'),
    expiryReminder: isoDurationSchema.default('P14D'),
    reviewSla: isoDurationSchema.default('PT48H'),
    secondReviewSla: isoDurationSchema.default('PT24H'),
    onSecondSlaBreach: z.enum(['first-come', 'reject-all']).default('first-come'),
    extension: z
      .strictObject({
        period: isoDurationSchema.default('P30D'),
        max: z.number().int().min(0).max(10).default(1),
        needsApproval: z.boolean().default(false),
      })
      .prefault({}),
  })
  .superRefine((timing, ctx) => {
    // zod still runs this refinement when a field failed; compare only two valid durations.
    const reminder = tryDurationToMs(timing.expiryReminder);
    const protection = tryDurationToMs(timing.protection);
    if (reminder !== undefined && protection !== undefined && reminder >= protection) {
      ctx.addIssue({ code: 'custom', path: ['expiryReminder'], message: 'must be shorter than protection' });
    }
  })
  .meta({ id: 'PolicyTiming' });
export type PolicyTiming = z.infer<typeof policyTimingSchema>;

/** Caps that stop one reseller from registering everything (squatting); big enough for any real program. */
const limitCount = (max: number) => z.number().int().positive().max(max);
export const MAX_ACTIVE_PER_RESELLER = 10_000;
export const MAX_SUBMISSIONS_PER_DAY = 10_000;

export const policyLimitsSchema = z
  .strictObject({
    /** Registrations a reseller may hold at once (pending, approved or escalated), by its partner type. */
    activePerReseller: z
      .strictObject({
        integrator: limitCount(MAX_ACTIVE_PER_RESELLER).optional(),
        var: limitCount(MAX_ACTIVE_PER_RESELLER).optional(),
        boutique: limitCount(MAX_ACTIVE_PER_RESELLER).optional(),
      })
      .optional(),
    /** Submissions a reseller may make per UTC day, whatever becomes of them. */
    submissionsPerResellerPerDay: limitCount(MAX_SUBMISSIONS_PER_DAY).optional(),
  })
  .meta({ id: 'PolicyLimits' });
export type PolicyLimits = z.infer<typeof policyLimitsSchema>;
export const limitNames = ['activePerReseller', 'submissionsPerResellerPerDay'] as const;
export type LimitName = (typeof limitNames)[number];

/**
 * Live registrations (pending, approved or escalated) one reseller may hold under one customer key (an
 * identifier, a domain, a name or a name's word): every conflict check on that key reads them, so a
 * reseller filing look-alike names by the thousand must not make every check on the name read them
 * all. Far above what one reseller works on one customer at once; not a policy setting.
 */
export const MAX_LIVE_PER_CUSTOMER_KEY = 50;
/** What a limit-reached refusal names: a policy limit, or the fixed bound per customer key. */
export const refusalLimitNames = [...limitNames, 'livePerCustomerKey', 'disputesPerResellerPerMonth'] as const;
export type RefusalLimitName = (typeof refusalLimitNames)[number];

/**
 * What a partner's registration on a vendor seller's house account meets: `reject` (reason
 * `house-account`), `escalate` (a channel manager decides, same reason), or `allow-and-notify` (decided
 * like any other; the seller is told either way).
 */
export const houseAccountRules = ['reject', 'escalate', 'allow-and-notify'] as const;
export const houseAccountRuleSchema = z
  .enum(houseAccountRules)
  .describe("what a partner's registration on a vendor seller's house account meets (default allow-and-notify)")
  .meta({ id: 'HouseAccountRule' });
export type HouseAccountRule = z.infer<typeof houseAccountRuleSchema>;

export const disputeOutcomes = ['upheld', 'overturned', 'distinct'] as const;
export const disputeOutcomeSchema = z.enum(disputeOutcomes).meta({ id: 'DisputeOutcome' });
export type DisputeOutcome = z.infer<typeof disputeOutcomeSchema>;
export const MAX_DISPUTES_PER_MONTH = 1_000;

/** How partners may dispute a decision about their registration, and how long each side and the review may take. */
export const policyDisputesSchema = z
  .strictObject({
    /** How long after the decision its registration's owner may dispute it. */
    window: isoDurationSchema.default('P14D'),
    /** How long the holder's owner has to answer once told. */
    responseWindow: isoDurationSchema.default('P3D'),
    /** The first review deadline: channel managers reminded, level 2. */
    reviewSla: isoDurationSchema.default('PT48H'),
    /** After the first: the `onDeadline` outcome applies. */
    secondReviewSla: isoDurationSchema.default('PT24H'),
    onDeadline: disputeOutcomeSchema.default('upheld'),
    perResellerPerMonth: limitCount(MAX_DISPUTES_PER_MONTH).optional(),
  })
  .meta({ id: 'PolicyDisputes' });
export type PolicyDisputes = z.infer<typeof policyDisputesSchema>;

/** A policy's fields, without the checks across them (`policySchema` adds those). */
export const policyFieldsSchema = z.strictObject({
  model: allocationModelSchema,
  routes: z.array(routeSchema).max(MAX_ROUTES).default([]),
  onWrongRoute: z.enum(['reject', 'escalate']).default('reject'),
  matching: z
    .strictObject({
      nameSimilarity: z.number().min(0).max(1).default(0.9),
      productScope: z
        .enum(['line', 'family'])
        .default('line')
        .describe('what a deal shares: the same product line (default), or a product family of the catalogue'),
    })
    .prefault({}),
  timing: policyTimingSchema.prefault({}),
  limits: policyLimitsSchema.optional(),
  houseAccounts: houseAccountRuleSchema.default('allow-and-notify'),
  disputes: policyDisputesSchema.prefault({}),
});

/** The checks across a policy's fields, for `policySchema` and for bodies that carry a policy's fields. */
export function checkPolicyFields(policy: z.output<typeof policyFieldsSchema>, ctx: z.RefinementCtx): void {
  if (policy.model === 'open' && policy.routes.length > 0) {
    ctx.addIssue({
      code: 'custom',
      path: ['routes'],
      message: 'the open model has no routes; use hybrid to reserve some',
    });
  }
}

/** A policy as stored and simulated. */
export const policySchema = policyFieldsSchema.superRefine(checkPolicyFields).meta({ id: 'Policy' });
export type Policy = z.infer<typeof policySchema>;
export type PolicyInput = z.input<typeof policySchema>;

/** The limits that apply to a reseller of this partner type; absent ones do not apply (nor any to a direct opportunity). */
export function limitsFor(
  limits: PolicyLimits | undefined,
  partnerType: SubmitterType,
): { activePerReseller?: number; submissionsPerResellerPerDay?: number } {
  if (partnerType === 'direct') return {};
  const active = limits?.activePerReseller?.[partnerType];
  const perDay = limits?.submissionsPerResellerPerDay;
  return {
    ...(active !== undefined ? { activePerReseller: active } : {}),
    ...(perDay !== undefined ? { submissionsPerResellerPerDay: perDay } : {}),
  };
}

/** A stored, numbered policy version. */
export interface PolicyVersion {
  version: number;
  policy: Policy;
  createdAt: Date;
  createdBy: string;
  /** Who published it (absent on versions published before actors were recorded). */
  actor?: Actor;
  /** Who cancelled it. */
  cancelledBy?: Actor;
  /** Registrations submitted from this instant on are decided under it (versions stored before scheduling: createdAt). */
  effectiveFrom: Date;
  /** Set when a scheduled version was cancelled before it took force; it never takes force then. */
  cancelledAt?: Date;
}

/** The policy's durations in milliseconds, as workflows need them. */
export interface PolicyTimingMs {
  protectionMs: number;
  expiryReminderMs: number;
  reviewSlaMs: number;
  secondReviewSlaMs: number;
  extensionPeriodMs: number;
}

export function timingInMs(timing: PolicyTiming): PolicyTimingMs {
  return {
    protectionMs: durationToMs(timing.protection),
    expiryReminderMs: durationToMs(timing.expiryReminder),
    reviewSlaMs: durationToMs(timing.reviewSla),
    secondReviewSlaMs: durationToMs(timing.secondReviewSla),
    extensionPeriodMs: durationToMs(timing.extension.period),
  };
}
