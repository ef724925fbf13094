import { runWorkerProcess } from './run-worker';

/** `npm run worker`: one worker process. Run as many as the load needs, against one Temporal and one database. */
runWorkerProcess().catch((error) => {
  process.stderr.write(`dealreg worker: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
  process.exit(1);
});
