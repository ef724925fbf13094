import type { DealregWorkerOptions } from '../../worker/create-worker';
import { runWorkerProcess } from '../../worker/run-worker';

/**
 * The dealreg worker exactly as `npm run worker` runs it, with two benchmark hooks: a workflow bundle
 * built beforehand (bundling at start-up would dominate the process's peak memory) and worker tuning
 * from BENCH_WORKER_TUNING (JSON).
 */
const bundlePath = process.env.BENCH_WORKFLOW_BUNDLE;
runWorkerProcess({
  ...(bundlePath ? { workflowBundlePath: bundlePath } : {}),
  tuning: JSON.parse(process.env.BENCH_WORKER_TUNING ?? '{}') as DealregWorkerOptions['tuning'],
  onReady: () => process.stdout.write('bench worker ready\n'),
}).then(
  // Exit explicitly: a CPU profile (--cpu-prof) is written on exit, and nothing may keep the loop alive.
  () => process.exit(0),
  (error) => {
    process.stderr.write(`bench worker: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
    process.exit(1);
  },
);
