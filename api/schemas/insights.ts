import { z } from 'zod';
import { insightBuckets } from '../../domain/insights/aggregate';
import { insightGroupings } from '../../domain/insights/facts';
import { timestampSchema } from './common';

/** The longest period one request may read: one query per day. */
export const MAX_INSIGHT_DAYS = 400;
const DAY_MS = 86_400_000;

export const insightsQuerySchema = z
  .strictObject({
    from: z.iso.date().optional().describe('first UTC day (YYYY-MM-DD), included; default 29 days before `to`'),
    to: z.iso.date().optional().describe('last UTC day (YYYY-MM-DD), included; default today'),
    bucket: z.enum(insightBuckets).default('day').describe('week: ISO weeks, named by their Monday; month: YYYY-MM'),
    groupBy: z.enum(insightGroupings).optional().describe('without it, one group named `all`'),
  })
  .transform((query, ctx) => {
    const to = query.to ?? new Date().toISOString().slice(0, 10);
    const from = query.from ?? new Date(Date.parse(`${to}T00:00:00Z`) - 29 * DAY_MS).toISOString().slice(0, 10);
    const days = (Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / DAY_MS + 1;
    if (days < 1) ctx.addIssue({ code: 'custom', path: ['from'], message: 'must not be after `to`' });
    else if (days > MAX_INSIGHT_DAYS)
      ctx.addIssue({ code: 'custom', path: ['from'], message: `at most ${MAX_INSIGHT_DAYS} days from \`to\`` });
    return { ...query, from, to };
  });
export type InsightsQuery = z.output<typeof insightsQuerySchema>;

const countsByReason = z.record(z.string(), z.number().int().nonnegative());
const percentiles = z
  .strictObject({ p50: z.number().nullable(), p95: z.number().nullable() })
  .describe('milliseconds, within 2.5% (log-scale histogram); null when nothing was measured');

export const insightPointSchema = z
  .strictObject({
    bucket: z.string().describe('the day (YYYY-MM-DD), the Monday of the ISO week, or the month (YYYY-MM)'),
    group: z.string().describe('the value of `groupBy` (a distributor id, segment, …), or `all`'),
    submitted: z.number().int().nonnegative(),
    approved: z.number().int().nonnegative().describe('by the engine or on escalation review'),
    rejected: countsByReason,
    escalated: countsByReason,
    conflictRate: z.number().min(0).describe('share of submitted registrations that met an active one on the deal'),
    escalationRate: z.number().min(0).describe('share of submitted registrations the engine escalated'),
    decisionMs: percentiles.describe('submission to approval or rejection'),
    resolutionMs: percentiles.describe('escalated to resolved'),
    missedDeadlines: z.number().int().nonnegative().describe('review deadlines escalations missed'),
    expired: z.number().int().nonnegative(),
    won: z.number().int().nonnegative(),
    lost: z.number().int().nonnegative(),
    winRate: z.number().min(0).max(1).nullable().describe('won among the deals closed; null when none closed'),
    wonValue: z
      .record(z.string(), z.number().nonnegative())
      .describe('amounts won by currency (ISO 4217 code); never summed across currencies'),
    lostReasons: z.record(z.string(), z.number().int().nonnegative()).describe('lost deals by reason'),
    disputed: z.number().int().nonnegative().describe('disputes partners opened'),
    disputesDecided: z.number().int().nonnegative(),
    overturned: z.number().int().nonnegative().describe('disputes decided overturned (the deal moved)'),
    overturnRate: z
      .number()
      .min(0)
      .max(1)
      .nullable()
      .describe('overturned among the disputes decided; null when none was decided'),
    disputeResolutionMs: percentiles.describe('a dispute opened to decided'),
  })
  .meta({ id: 'InsightPoint' });

export const insightsSchema = z
  .strictObject({
    series: z.array(insightPointSchema),
    policyChanges: z.array(z.strictObject({ version: z.number().int().positive(), effectiveFrom: timestampSchema })),
  })
  .meta({ id: 'Insights' });
