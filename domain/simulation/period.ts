import type { RegistrationSnapshot } from './types';

export interface SubmissionPeriod {
  /** Inclusive. */
  from?: Date;
  /** Exclusive. */
  to?: Date;
}

/**
 * The registrations submitted in a period, for replaying a candidate over it and comparing with what
 * actually happened in it. Registrations from before the period are left out altogether, so the
 * replay starts with no deal held.
 */
export function submittedWithin(
  snapshots: readonly RegistrationSnapshot[],
  period: SubmissionPeriod,
): RegistrationSnapshot[] {
  const from = period.from?.getTime() ?? Number.NEGATIVE_INFINITY;
  const to = period.to?.getTime() ?? Number.POSITIVE_INFINITY;
  return snapshots.filter((snapshot) => {
    const at = Date.parse(snapshot.submittedAt);
    return at >= from && at < to;
  });
}
