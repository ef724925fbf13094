import { CancellationScope, isCancellation, proxyActivities, sleep } from '@temporalio/workflow';
import type { Activities } from '../activities';
import type { PolicyChangeInput } from './definitions';

/** Announcing goes to every partner, so it may take a while; each announcement is idempotent. */
const { announcePolicyChange } = proxyActivities<Activities>({
  startToCloseTimeout: '5 minutes',
  heartbeatTimeout: '30 seconds',
  retry: { initialInterval: '1 second', backoffCoefficient: 2, maximumInterval: '1 minute' },
});

/**
 * A scheduled policy version, announced: every partner is told it is coming, a durable timer waits
 * for its instant, and every partner is told it is in force. Cancelling the workflow (DELETE
 * /policy/upcoming, which marks the version cancelled first) ends the wait; partners who were told
 * it was coming are told it is not.
 */
export async function policyChangeWorkflow(input: PolicyChangeInput): Promise<'effective' | 'cancelled'> {
  try {
    await announcePolicyChange({ ...input, type: 'policy.scheduled' });
    const wait = Date.parse(input.effectiveFrom) - Date.now();
    if (wait > 0) await sleep(wait);
  } catch (error) {
    if (!isCancellation(error)) throw error;
    await CancellationScope.nonCancellable(() => announcePolicyChange({ ...input, type: 'policy.cancelled' }));
    return 'cancelled';
  }
  const announced = await announcePolicyChange({ ...input, type: 'policy.effective' });
  return announced ? 'effective' : 'cancelled';
}
