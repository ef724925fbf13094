import { createHash } from 'node:crypto';
import { type Client, WithStartWorkflowOperation } from '@temporalio/client';
import { customerIdentity, customerKeysOf } from '../../domain/matching';
import type { RegistrationSubmission } from '../../domain/registration';
import { progress } from '../../scripts/dev-stack/stack';
import { searchAttributes } from '../../workflows/search-attributes';
import { type UsageWindow, type WatchedProcess, watchUsage } from '../infra/proc-stats';
import { epochMs, type LoadResult, runClosedLoop } from '../load/driver';
import { BASELINE_QUEUE } from './phase';
import { shapeTwinAcceptUpdate, shapeTwinWorkflow } from './shape-twin-workflow';
import { measureTwinBursts, type TwinBursts, type TwinStarted } from './twin-bursts';

export interface ShapeTwinRun {
  /** Each sample's latency is its answer (the update's result); `completedAt` its decision step, by index. */
  load: LoadResult<string>;
  completedAt: Map<number, number>;
  usage: UsageWindow;
  bursts: TwinBursts;
}

/**
 * Starts one twin as services/submit-registration.ts starts a registration: update-with-start of `accept`,
 * with the same workflow options and search attributes, carrying the same submission body; answered when
 * the update returns (the API's 202 waits for the same), done when its decision step ran.
 */
function shapeTwinStarter(client: Client, runLabel: string) {
  let serial = 0;
  return async (body: RegistrationSubmission): Promise<TwinStarted> => {
    const registrationId = `shape-twin-${runLabel}-${serial++}`;
    const requestHash = createHash('sha256').update(JSON.stringify(body)).digest('hex');
    const startWorkflowOperation = new WithStartWorkflowOperation(shapeTwinWorkflow, {
      workflowId: registrationId,
      taskQueue: BASELINE_QUEUE,
      args: [{ registrationId, submission: body, requestHash }],
      workflowIdConflictPolicy: 'USE_EXISTING',
      workflowIdReusePolicy: 'ALLOW_DUPLICATE_FAILED_ONLY',
      typedSearchAttributes: [
        { key: searchAttributes.status, value: 'pending' },
        { key: searchAttributes.resellerId, value: body.resellerId ?? 'reseller' },
        { key: searchAttributes.distributorId, value: body.distributorId },
        { key: searchAttributes.customerKeys, value: customerKeysOf(customerIdentity(body.customer)) },
        { key: searchAttributes.sequence, value: 0 },
      ],
    });
    await client.workflow.executeUpdateWithStart(shapeTwinAcceptUpdate, {
      args: [{ requestHash }],
      startWorkflowOperation,
    });
    const answeredAt = epochMs();
    const handle = await startWorkflowOperation.workflowHandle();
    // A failed twin is done at no time (NaN): counted as not completed, not thrown into the load loop.
    return { answeredAt, done: handle.result().then(Number, () => Number.NaN) };
  };
}

/**
 * The shape twin on the baseline worker: the registrations' bodies at the same concurrency through the
 * same client as the no-op workflow, then its own lone and 20-at-once bursts with nothing else running.
 */
export async function runShapeTwin(options: {
  client: Client;
  worker: WatchedProcess;
  bodies: RegistrationSubmission[];
  concurrency: number;
  maxSeconds: number;
  runLabel: string;
  servers: WatchedProcess[];
}): Promise<ShapeTwinRun> {
  progress(`shape twin: ${options.bodies.length} at concurrency ${options.concurrency}`);
  const start = shapeTwinStarter(options.client, options.runLabel);
  const usage = watchUsage([...options.servers, options.worker]);
  const done = new Map<number, Promise<number>>();
  let index = 0;
  const load = await runClosedLoop(options.bodies, options.concurrency, options.maxSeconds, async (body) => {
    const mine = index++;
    const started = await start(body);
    done.set(mine, started.done);
    return { ok: true, status: 200, value: String(mine) };
  });
  const completedAt = new Map<number, number>();
  for (const sample of load.samples.filter((s) => s.ok)) {
    const at = await (done.get(Number(sample.value)) as Promise<number>);
    if (!Number.isNaN(at)) completedAt.set(sample.index, at);
  }
  const window = usage.stop();
  progress('shape twin: a lone one, then 20 at once');
  let next = 0;
  const bursts = await measureTwinBursts(() =>
    start(options.bodies[next++ % options.bodies.length] as RegistrationSubmission),
  );
  return { load, completedAt, usage: window, bursts };
}
