import { runWorkerProcess } from '../../worker/run-worker';

/**
 * `npm run worker` as the tests run it: with the workflows jest's globalSetup bundled once, so that a
 * worker restarted after a kill polls within seconds instead of bundling again.
 */
const bundlePath = process.env.DEALREG_TEST_WORKFLOW_BUNDLE;
runWorkerProcess(bundlePath ? { workflowBundlePath: bundlePath } : {}).catch((error) => {
  process.stderr.write(
    `dealreg test worker: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`,
  );
  process.exit(1);
});
