import { NativeConnection, Runtime } from '@temporalio/worker';
import type { Logger } from 'pino';
import { auditKeys } from '../config/audit-key';
import { type Config, config } from '../config/config';
import { createLogger } from '../config/logger';
import { connectDatabase, disconnectDatabase, ensureIndexes } from '../db/connection';
import { ensureSearchAttributes } from '../services/ensure-namespace';
import { connectTemporalClient } from '../services/temporal';
import { createDealregWorker, type DealregWorkerOptions } from './create-worker';
import { startWorkerMetricsServer, workerMetrics } from './metrics';
import { startOutboxDispatcher } from './outbox-dispatcher';

export interface WorkerProcessOptions {
  /** A workflow bundle built beforehand, instead of bundling at start-up. */
  workflowBundlePath?: string;
  tuning?: DealregWorkerOptions['tuning'];
  /** Called once the worker polls its task queue. */
  onReady?: () => void;
}

/**
 * One worker process: workflows and activities and the outbox dispatcher, until
 * SIGINT/SIGTERM, then everything is closed in order. Run as many as the load needs.
 */
export async function runWorkerProcess(options: WorkerProcessOptions = {}): Promise<void> {
  const cfg = config();
  const logger = createLogger('dealreg-worker', cfg.LOG_LEVEL);
  // Every decision is signed with it: without one the worker could decide nothing, so it does not start.
  logger.info({ auditKeyId: auditKeys().keyId }, 'audit key loaded');
  await connectDatabase(cfg.MONGODB_URI);
  await ensureIndexes();
  const client = await connectTemporalClient(cfg);
  const added = await ensureSearchAttributes(client, cfg.TEMPORAL_NAMESPACE);
  if (added.length > 0) logger.info({ added }, 'registered search attributes');
  const metricsServer = await startMetrics(cfg, logger);
  const connection = await NativeConnection.connect({ address: cfg.TEMPORAL_ADDRESS });
  const worker = await createDealregWorker({
    connection,
    client,
    namespace: cfg.TEMPORAL_NAMESPACE,
    taskQueue: cfg.TEMPORAL_TASK_QUEUE,
    logger,
    ...(options.workflowBundlePath ? { workflowBundlePath: options.workflowBundlePath } : {}),
    ...(options.tuning ? { tuning: options.tuning } : {}),
  });
  if (cfg.DEALREG_WEBHOOKS_ALLOW_LOCAL) logger.warn('DEALREG_WEBHOOKS_ALLOW_LOCAL: webhooks may reach local addresses');
  const dispatcher = startOutboxDispatcher({
    pollMs: cfg.OUTBOX_POLL_MS,
    timeoutMs: cfg.WEBHOOK_TIMEOUT_MS,
    logger,
    targets: { allowLocal: cfg.DEALREG_WEBHOOKS_ALLOW_LOCAL },
    concurrencyPerEndpoint: cfg.WEBHOOK_CONCURRENCY_PER_ENDPOINT,
    endpointsAtOnce: cfg.WEBHOOK_ENDPOINTS_PER_DISPATCHER,
    retry: { windowMs: cfg.WEBHOOK_RETRY_WINDOW_MS, maxBackoffMs: cfg.WEBHOOK_MAX_BACKOFF_MS },
  });
  logger.info({ taskQueue: cfg.TEMPORAL_TASK_QUEUE, temporal: cfg.TEMPORAL_ADDRESS }, 'worker started');
  options.onReady?.();
  // Worker.run() returns after SIGINT/SIGTERM once in-flight tasks have finished.
  await worker.run();
  await dispatcher.stop();
  await connection.close();
  await client.connection.close();
  await disconnectDatabase();
  metricsServer?.close();
  logger.info('worker stopped');
}

/**
 * The worker's `/metrics`, with the Temporal SDK's runtime metrics appended. The SDK's runtime can be
 * installed once per process and before its first connection, so it is installed here, where the
 * process starts; with WORKER_METRICS_PORT unset it keeps its defaults and nothing listens.
 */
async function startMetrics(cfg: Config, logger: Logger) {
  workerMetrics();
  if (cfg.WORKER_METRICS_PORT === 0) return undefined;
  const temporalPort = cfg.WORKER_TEMPORAL_METRICS_PORT ?? cfg.WORKER_METRICS_PORT + 1;
  const bindAddress = `127.0.0.1:${temporalPort}`;
  Runtime.install({ telemetryOptions: { metrics: { prometheus: { bindAddress } } } });
  const { server, port } = await startWorkerMetricsServer({
    port: cfg.WORKER_METRICS_PORT,
    host: cfg.WORKER_METRICS_HOST,
    temporalMetricsUrl: `http://${bindAddress}/metrics`,
  });
  logger.info({ port, temporalExporter: bindAddress }, 'worker metrics on /metrics');
  return server;
}
