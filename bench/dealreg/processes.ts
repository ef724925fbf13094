import { randomBytes } from 'node:crypto';
import type { ManagedProcess } from '../../scripts/dev-stack/processes';
import { startChild, stopChild, waitForHttp, waitForLogLine } from '../infra/children';
import type { CounterEndpoints } from './round-trips';

export const API_PORT = 27300;
/** The worker's /metrics (its round-trip counters); 27301 is the bare Express baseline's. */
export const WORKER_METRICS_PORT = 27302;

export interface DealregProcesses {
  worker: ManagedProcess;
  api: ManagedProcess;
  apiUrl: string;
  adminKey: string;
  /** Each process's Prometheus counters. */
  counterEndpoints: CounterEndpoints;
  stop(): Promise<void>;
}

export interface DealregProcessOptions {
  temporalAddress: string;
  mongodbUri: string;
  workflowBundle: string;
  workerTuning: Record<string, number>;
  cpuProfileDir?: string;
}

/**
 * The worker and the API as separate processes, as `npm start` runs them, so that each one's memory
 * and CPU are its own. The rate limit is lifted: the benchmark measures capacity, and one reseller
 * key sends far more than a partner would.
 */
export async function startDealregProcesses(options: DealregProcessOptions): Promise<DealregProcesses> {
  const adminKey = `bench-admin-${randomBytes(16).toString('hex')}`;
  const env = {
    TEMPORAL_ADDRESS: options.temporalAddress,
    MONGODB_URI: options.mongodbUri,
    TEMPORAL_TASK_QUEUE: 'dealreg',
    LOG_LEVEL: 'info',
    // A key of this run's own: the benchmark's decisions are signed like any others.
    DEALREG_AUDIT_KEY: randomBytes(32).toString('base64'),
  };
  const worker = await startChild({
    name: 'worker',
    entry: 'bench/dealreg/worker-main.ts',
    env: {
      ...env,
      BENCH_WORKFLOW_BUNDLE: options.workflowBundle,
      BENCH_WORKER_TUNING: JSON.stringify(options.workerTuning),
      WORKER_METRICS_PORT: String(WORKER_METRICS_PORT),
    },
    cpuProfileDir: options.cpuProfileDir,
  });
  const api = await startChild({
    name: 'api',
    entry: 'api/main.ts',
    env: {
      ...env,
      API_HOST: '127.0.0.1',
      API_PORT: String(API_PORT),
      DEALREG_ADMIN_KEY: adminKey,
      RATE_LIMIT_PER_MINUTE: '100000000',
      RATE_LIMIT_ROOT_PER_MINUTE: '100000000',
    },
    cpuProfileDir: options.cpuProfileDir,
  });
  const apiUrl = `http://127.0.0.1:${API_PORT}`;
  const stop = async () => {
    await stopChild(api);
    await stopChild(worker);
  };
  try {
    await waitForLogLine(worker, 'the dealreg worker', /bench worker ready/);
    await waitForHttp(api, 'the API', `${apiUrl}/readyz`);
  } catch (error) {
    await stop();
    throw error;
  }
  const counterEndpoints = { api: `${apiUrl}/metrics`, worker: `http://127.0.0.1:${WORKER_METRICS_PORT}/metrics` };
  return { worker, api, apiUrl, adminKey, counterEndpoints, stop };
}
