import {
  ActivityCancellationType,
  proxyActivities,
  proxyLocalActivities,
  type RetryPolicy,
} from '@temporalio/workflow';
import type { Activities } from '../activities';

/** How the registration workflow runs each of its activities: timeouts, retries, cancellation. */

const untilDone: RetryPolicy = {
  initialInterval: '200 milliseconds',
  backoffCoefficient: 2,
  maximumInterval: '10 seconds',
};

/**
 * The acceptance, the look at the deal and the decision's step run in the worker that runs the workflow
 * task, inside it: a marker event each instead of an activity task's three events and a trip through
 * Temporal's matching. All are short and repeatable; a worker that dies mid-step takes its workflow task
 * with it, and the next worker runs the step again.
 */
export const locally = proxyLocalActivities<Activities>({
  startToCloseTimeout: '10 seconds',
  cancellationType: ActivityCancellationType.WAIT_CANCELLATION_COMPLETED,
  retry: { ...untilDone, nonRetryableErrorTypes: ['TransitionRefused', 'LimitReached', 'NoPolicy'] },
});

/**
 * Every later step: a few keyed writes, retried until the database answers, never applied twice. A short
 * timeout, so that a step lost with a killed worker is retried on another within seconds.
 */
export const lifecycle = proxyActivities<Activities>({
  startToCloseTimeout: '10 seconds',
  retry: { ...untilDone, maximumInterval: '30 seconds', nonRetryableErrorTypes: ['TransitionRefused'] },
});

/**
 * Steps with an effect outside the database (opening a review in Temporal) that a person waits for: they
 * give up after about a minute, so the request fails and the registration's later steps go on; they
 * never hold the registration's one-step-at-a-time queue for good.
 */
export const outside = proxyActivities<Activities>({
  startToCloseTimeout: '10 seconds',
  retry: { ...untilDone, maximumAttempts: 8 },
});
