import { proxyActivities } from '@temporalio/workflow';
import type * as activities from './activities';

export { shapeTwinWorkflow } from './shape-twin-workflow';

const { noop } = proxyActivities<typeof activities>({ startToCloseTimeout: '10 seconds' });

/**
 * The baseline: the least a registration could cost Temporal, one workflow running one activity.
 * It returns when its activity finished (epoch ms), the counterpart of a registration's `decidedAt`.
 */
export async function baselineWorkflow(): Promise<number> {
  return noop();
}
