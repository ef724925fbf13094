import { NativeConnection, Worker } from '@temporalio/worker';
import * as activities from './activities';

/** The baseline worker: its own process and task queue, the same SDK and defaults as the dealreg worker. */
async function main(): Promise<void> {
  const address = process.env.TEMPORAL_ADDRESS ?? '127.0.0.1:7233';
  const taskQueue = process.env.BENCH_BASELINE_QUEUE ?? 'bench-baseline';
  const bundlePath = process.env.BENCH_BASELINE_BUNDLE;
  const connection = await NativeConnection.connect({ address });
  const worker = await Worker.create({
    connection,
    taskQueue,
    activities,
    ...(bundlePath ? { workflowBundle: { codePath: bundlePath } } : { workflowsPath: require.resolve('./workflows') }),
  });
  process.stdout.write('baseline worker ready\n');
  await worker.run();
  await connection.close();
  process.exit(0);
}

main().catch((error) => {
  process.stderr.write(`baseline worker: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
  process.exit(1);
});
