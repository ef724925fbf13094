import { ActivityCancellationType, proxyActivities, proxyLocalActivities } from '@temporalio/workflow';
import type { Activities } from '../activities';

/** How the registration workflow runs each of its activities: timeouts, retries, cancellation. */

/**
 * The conflict check waits (polling, then retrying) while an earlier registration on the same deal is
 * undecided, so its retries are frequent and unlimited. It heartbeats while it waits: a worker that dies
 * mid-wait is noticed in seconds, and a withdrawal can cancel it (we wait for the cancellation to land,
 * so that the withdrawal never writes while the check still might).
 */
export const { decideRegistration } = proxyActivities<Activities>({
  startToCloseTimeout: '30 seconds',
  heartbeatTimeout: '5 seconds',
  cancellationType: ActivityCancellationType.WAIT_CANCELLATION_COMPLETED,
  retry: { initialInterval: '100 milliseconds', backoffCoefficient: 1.5, maximumInterval: '2 seconds' },
});

/** One look at the deal: it never waits inside, so it has the short timeouts of any other step. */
export const { checkRegistration } = proxyActivities<Activities>({
  startToCloseTimeout: '10 seconds',
  cancellationType: ActivityCancellationType.WAIT_CANCELLATION_COMPLETED,
  retry: { initialInterval: '200 milliseconds', backoffCoefficient: 2, maximumInterval: '10 seconds' },
});

/**
 * Run started since steps ran as local activities ('local-steps'): the acceptance and the conflict check
 * run in the worker that runs the workflow task, inside it, so that a submission is answered and decided
 * without an activity task's round trips through Temporal (a marker event each instead of three events
 * and a dispatch). Both are short and repeatable; a worker that dies mid-step takes its workflow task
 * with it, and the next worker runs the step again.
 */
export const locally = proxyLocalActivities<Activities>({
  startToCloseTimeout: '10 seconds',
  cancellationType: ActivityCancellationType.WAIT_CANCELLATION_COMPLETED,
  retry: { initialInterval: '200 milliseconds', backoffCoefficient: 2, maximumInterval: '10 seconds' },
});

/**
 * Every other step is a few guarded writes: retried until the database answers, never applied twice.
 * A short timeout, so that a step lost with a killed worker is retried on another within seconds.
 */
export const lifecycle = proxyActivities<Activities>({
  startToCloseTimeout: '10 seconds',
  retry: {
    initialInterval: '500 milliseconds',
    backoffCoefficient: 2,
    maximumInterval: '30 seconds',
    nonRetryableErrorTypes: ['TransitionRefused'],
  },
});
