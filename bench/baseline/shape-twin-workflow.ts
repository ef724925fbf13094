import {
  ActivityCancellationType,
  allHandlersFinished,
  condition,
  defineUpdate,
  proxyActivities,
  proxyLocalActivities,
  type RetryPolicy,
  setHandler,
  upsertSearchAttributes,
} from '@temporalio/workflow';
import { searchAttributes } from '../../workflows/search-attributes';
import type * as activities from './activities';

/** As workflows/registration-steps.ts sets the registration's local steps and its ordinary ones. */
const retry: RetryPolicy = {
  initialInterval: '200 milliseconds',
  backoffCoefficient: 2,
  maximumInterval: '10 seconds',
};
const locally = proxyLocalActivities<typeof activities>({
  startToCloseTimeout: '10 seconds',
  cancellationType: ActivityCancellationType.WAIT_CANCELLATION_COMPLETED,
  retry,
});
const ordinary = proxyActivities<typeof activities>({
  startToCloseTimeout: '10 seconds',
  retry: { ...retry, maximumInterval: '30 seconds' },
});

/** The twin's `accept` update, answered as the registration's is: once the acceptance has run. */
export const shapeTwinAcceptUpdate = defineUpdate<{ sequence: number }, [{ requestHash: string }]>('accept');

export interface ShapeTwinInput {
  registrationId: string;
  /** The same submission body a registration's workflow carries in its history. */
  submission: unknown;
  requestHash: string;
}

/**
 * The shape twin: a registration's workflow with its steps doing nothing. Started by update-with-start,
 * it runs the acceptance as a local activity in the first task, answers the update when that task ends
 * (which the first look, an ordinary activity, ends by being scheduled), then runs the decision step as a
 * local activity in the task that the look's completion starts (workflows/registration-lifecycle.ts).
 * It returns when its decision step ran (epoch ms); a registration instead stays to protect its deal.
 */
export async function shapeTwinWorkflow(input: ShapeTwinInput): Promise<number> {
  let accepted: { sequence: number } | undefined;
  setHandler(
    shapeTwinAcceptUpdate,
    async () => {
      await condition(() => accepted !== undefined);
      return accepted as { sequence: number };
    },
    {
      validator: ({ requestHash }) => {
        if (requestHash !== input.requestHash) throw new Error('another request under this workflow id');
      },
    },
  );
  accepted = await locally.acceptNothing();
  upsertSearchAttributes([{ key: searchAttributes.sequence, value: accepted.sequence }]);
  await ordinary.lookAtNothing();
  const storedAt = await locally.recordNothing();
  upsertSearchAttributes([{ key: searchAttributes.status, value: 'approved' }]);
  await condition(allHandlersFinished);
  return storedAt;
}
