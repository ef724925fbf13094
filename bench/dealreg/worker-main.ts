import { NativeConnection } from '@temporalio/worker';
import { connectTemporalClient } from '../../client/temporal';
import { config } from '../../config/config';
import { createLogger } from '../../config/logger';
import { connectDatabase, disconnectDatabase, ensureIndexes } from '../../db/connection';
import { createDealregWorker, type DealregWorkerOptions } from '../../worker/create-worker';
import { startIntakeSweeper } from '../../worker/intake-sweeper';
import { startOutboxDispatcher } from '../../worker/outbox-dispatcher';

/**
 * The dealreg worker as `worker/main.ts` runs it (workflows, activities, outbox dispatcher, intake
 * sweeper), with two benchmark hooks: a workflow bundle built beforehand (bundling at start-up would
 * dominate the process's peak memory) and worker tuning from BENCH_WORKER_TUNING (JSON).
 */
async function main(): Promise<void> {
  const cfg = config();
  const logger = createLogger('dealreg-worker', cfg.LOG_LEVEL);
  const bundlePath = process.env.BENCH_WORKFLOW_BUNDLE;
  const tuning = JSON.parse(process.env.BENCH_WORKER_TUNING ?? '{}') as DealregWorkerOptions['tuning'];
  await connectDatabase(cfg.MONGODB_URI);
  await ensureIndexes();
  const client = await connectTemporalClient(cfg);
  const connection = await NativeConnection.connect({ address: cfg.TEMPORAL_ADDRESS });
  const worker = await createDealregWorker({
    connection,
    client,
    namespace: cfg.TEMPORAL_NAMESPACE,
    taskQueue: cfg.TEMPORAL_TASK_QUEUE,
    logger,
    ...(bundlePath ? { workflowBundlePath: bundlePath } : {}),
    tuning,
  });
  const dispatcher = startOutboxDispatcher({ pollMs: cfg.OUTBOX_POLL_MS, timeoutMs: cfg.WEBHOOK_TIMEOUT_MS, logger });
  const sweeper = startIntakeSweeper({ temporal: client, taskQueue: cfg.TEMPORAL_TASK_QUEUE }, logger);
  process.stdout.write('bench worker ready\n');
  await worker.run();
  sweeper.stop();
  await dispatcher.stop();
  await connection.close();
  await client.connection.close();
  await disconnectDatabase();
  // Exit explicitly: a CPU profile (--cpu-prof) is written on exit, and nothing may keep the loop alive.
  process.exit(0);
}

main().catch((error) => {
  process.stderr.write(`bench worker: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
  process.exit(1);
});
