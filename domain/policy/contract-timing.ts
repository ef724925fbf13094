import type { PolicyInput } from './schema';

/**
 * The timing of the contract's `PUT /policy` example: 90 days of protection, a reminder two weeks
 * before it ends, 48 + 24 hours of review, one 30-day extension. The demo data, the benchmark and the
 * tests start from it, so they all exercise the timings the contract documents.
 */
export const contractTiming = {
  protection: 'P90D',
  expiryReminder: 'P14D',
  reviewSla: 'PT48H',
  secondReviewSla: 'PT24H',
  onSecondSlaBreach: 'first-come',
  extension: { period: 'P30D', max: 1, needsApproval: false },
} as const satisfies PolicyInput['timing'];
