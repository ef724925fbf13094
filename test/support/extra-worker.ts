import { NativeConnection, Worker } from '@temporalio/worker';
import { type Activities, createActivities } from '../../activities';
import { weighRegistration } from '../../activities/weigh';
import { quietLogger, type TestSystem } from './harness';

export interface ExtraWorker {
  stop(): Promise<void>;
}

/**
 * One more worker on a task queue (the product's workflows and activities, some of them replaced), so that
 * tasks are taken by two pollers in whatever order they like, or a step can be held back.
 */
export async function startExtraWorker(
  system: TestSystem,
  taskQueue: string,
  replaced: Partial<Activities> = {},
): Promise<ExtraWorker> {
  const connection = await NativeConnection.connect({ address: process.env.TEMPORAL_ADDRESS! });
  const worker = await Worker.create({
    connection,
    namespace: system.namespace,
    taskQueue,
    workflowBundle: { codePath: process.env.DEALREG_TEST_WORKFLOW_BUNDLE! },
    activities: {
      ...createActivities({ temporal: system.temporal, taskQueue, logger: quietLogger }),
      ...replaced,
    },
  });
  const running = worker.run();
  return {
    async stop() {
      worker.shutdown();
      await running;
      await connection.close();
    },
  };
}

/**
 * A conflict check (the look at the deal, `weighRegistration`) that starts only once
 * `open()` is called: the registration is stored, then waits.
 */
export function heldConflictCheck(): { weighRegistration: Activities['weighRegistration']; open(): void } {
  let open: () => void = () => undefined;
  const opened = new Promise<void>((resolve) => {
    open = resolve;
  });
  return {
    open,
    weighRegistration: async (input) => {
      await opened;
      return weighRegistration(input);
    },
  };
}
