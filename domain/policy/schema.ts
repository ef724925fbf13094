import { z } from 'zod';
import { partnerIdSchema, partnerTypeSchema, segmentSchema } from '../registration';
import { durationToMs, isoDurationSchema, tryDurationToMs } from './duration';

export const allocationModels = ['segment', 'partner-type', 'open', 'hybrid'] as const;
export const allocationModelSchema = z.enum(allocationModels).meta({ id: 'AllocationModel' });
export type AllocationModel = z.infer<typeof allocationModelSchema>;

const nonEmptyList = <T extends z.ZodType>(item: T) => z.array(item).min(1).optional();

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
    distributors: z.array(partnerIdSchema).min(1),
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

/** The `PUT /policy` body of the contract. */
export const policySchema = z
  .strictObject({
    model: allocationModelSchema,
    routes: z.array(routeSchema).max(200).default([]),
    onWrongRoute: z.enum(['reject', 'escalate']).default('reject'),
    matching: z.strictObject({ nameSimilarity: z.number().min(0).max(1).default(0.9) }).prefault({}),
    timing: policyTimingSchema.prefault({}),
  })
  .superRefine((policy, ctx) => {
    if (policy.model === 'open' && policy.routes.length > 0) {
      ctx.addIssue({
        code: 'custom',
        path: ['routes'],
        message: 'the open model has no routes; use hybrid to reserve some',
      });
    }
  })
  .meta({ id: 'Policy' });
export type Policy = z.infer<typeof policySchema>;
export type PolicyInput = z.input<typeof policySchema>;

/** A stored, numbered policy version. */
export interface PolicyVersion {
  version: number;
  policy: Policy;
  createdAt: Date;
  createdBy: string;
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
