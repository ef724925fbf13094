import { randomBytes } from 'node:crypto';
import type { Client } from '@temporalio/client';
import { DefaultLogger, NativeConnection, Runtime, type Worker } from '@temporalio/worker';
import pino from 'pino';
import { connectDatabase, disconnectDatabase, ensureIndexes } from '../../db/connection';
import { connectTemporalClient } from '../../services/temporal';
import { createDealregWorker } from '../../worker/create-worker';

export interface TestSystem {
  temporal: Client;
  taskQueue: string;
  mongodbUri: string;
  namespace: string;
  worker: Worker;
  /**
   * Submissions in tests wait longer for their registration to be stored than the API's 5 s: test files
   * share two cores, and how long a submission takes is the benchmark's to measure, not a test's.
   */
  acceptanceWaitMs: number;
  /** Stops the worker and closes the connections; the data stays for inspection. */
  shutdown(): Promise<void>;
}

export const quietLogger = pino({ level: process.env.TEST_LOG_LEVEL ?? 'silent' });

/** A database of its own for each test file, on the shared test server. */
export function testDatabaseUri(label: string): string {
  const base = process.env.MONGODB_URI;
  if (!base)
    throw new Error(
      'MONGODB_URI is not set: run the integration tests through jest (its globalSetup starts the servers)',
    );
  const url = new URL(base);
  url.pathname = `/t_${label.replace(/[^a-z0-9]/gi, '_').slice(0, 30)}_${randomBytes(3).toString('hex')}`;
  return url.toString();
}

/**
 * A real worker on the real dev server, polling a task queue of its own (so test files running in
 * parallel never take each other's tasks), with activities writing to this file's own database.
 */
export async function startTestSystem(label: string): Promise<TestSystem> {
  const address = process.env.TEMPORAL_ADDRESS;
  if (!address) throw new Error('TEMPORAL_ADDRESS is not set: run the integration tests through jest');
  const namespace = 'default';
  installQuietRuntime();
  const mongodbUri = testDatabaseUri(label);
  await connectDatabase(mongodbUri);
  await ensureIndexes();
  const client = await connectTemporalClient({ TEMPORAL_ADDRESS: address, TEMPORAL_NAMESPACE: namespace });
  const connection = await NativeConnection.connect({ address });
  const taskQueue = `test-${label}-${randomBytes(4).toString('hex')}`;
  const worker = await createDealregWorker({
    connection,
    client,
    namespace,
    taskQueue,
    logger: quietLogger,
    workflowBundlePath: process.env.DEALREG_TEST_WORKFLOW_BUNDLE,
  });
  const running = worker.run();
  return {
    temporal: client,
    taskQueue,
    mongodbUri,
    namespace,
    worker,
    acceptanceWaitMs: 60_000,
    async shutdown() {
      if (worker.getState() === 'RUNNING') worker.shutdown();
      await running;
      await connection.close();
      await client.connection.close();
      await disconnectDatabase();
    },
  };
}

let runtimeInstalled = false;
function installQuietRuntime(): void {
  if (runtimeInstalled) return;
  runtimeInstalled = true;
  try {
    Runtime.install({ logger: new DefaultLogger((process.env.TEST_TEMPORAL_LOG_LEVEL as 'WARN') ?? 'ERROR') });
  } catch {
    // Another test file in this jest worker installed it already.
  }
}

/** Polls until `check` returns a value (not undefined) or the time is up. */
export async function eventually<T>(check: () => Promise<T | undefined>, what: string, timeoutMs = 20_000): Promise<T> {
  const started = Date.now();
  let last: unknown;
  while (Date.now() - started < timeoutMs) {
    try {
      const value = await check();
      if (value !== undefined) return value;
    } catch (error) {
      last = error;
    }
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new Error(`timed out after ${timeoutMs} ms waiting for ${what}${last ? `: ${String(last)}` : ''}`);
}
