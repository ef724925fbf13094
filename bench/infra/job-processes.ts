import { randomBytes } from 'node:crypto';
import { request } from 'node:http';
import type { Readable } from 'node:stream';
import { freePort } from '../../scripts/dev-stack/processes';
import { progress } from '../../scripts/dev-stack/stack';
import { startChild, stopChild, waitForHttp, waitForLogLine } from './children';

/**
 * A worker and an API process of a bench phase's own (the account import's, the migration's), on a
 * database and task queue of its own, both ready: as `npm start` runs them, apart from the load phase's.
 */
export interface JobProcesses {
  suffix: string;
  mongodbUri: string;
  taskQueue: string;
  adminKey: string;
  /** The API's base, `http://127.0.0.1:<port>`. */
  origin: string;
  stop(): Promise<void>;
}

export async function startJobProcesses(
  phase: 'import' | 'migration',
  servers: { temporalAddress: string; mongodbUri: string },
  size: number,
  what: string,
): Promise<JobProcesses> {
  const suffix = randomBytes(3).toString('hex');
  const mongodbUri = databaseUri(servers.mongodbUri, `bench_${phase}_${size}_${suffix}`);
  const adminKey = randomBytes(32).toString('base64url');
  const port = await freePort();
  const taskQueue = `bench-${phase}-${suffix}`;
  const env = {
    TEMPORAL_ADDRESS: servers.temporalAddress,
    MONGODB_URI: mongodbUri,
    TEMPORAL_TASK_QUEUE: taskQueue,
    LOG_LEVEL: 'info',
    DEALREG_AUDIT_KEY: process.env.DEALREG_AUDIT_KEY ?? randomBytes(32).toString('base64'),
  };
  progress(`${phase}: ${size} ${what} into ${mongodbUri}`);
  const worker = await startChild({ name: `worker-${phase}`, entry: 'worker/main.ts', env });
  const api = await startChild({
    name: `api-${phase}`,
    entry: 'api/main.ts',
    env: {
      ...env,
      API_HOST: '127.0.0.1',
      API_PORT: String(port),
      DEALREG_ADMIN_KEY: adminKey,
      RATE_LIMIT_PER_MINUTE: '100000000',
      LOG_LEVEL: 'warn',
    },
  });
  const stop = async () => {
    await stopChild(api);
    await stopChild(worker);
  };
  try {
    await waitForLogLine(worker, `the ${phase} worker`, /worker started/);
    await waitForHttp(api, 'the API', `http://127.0.0.1:${port}/readyz`);
  } catch (error) {
    await stop();
    throw error;
  }
  return { suffix, mongodbUri, taskQueue, adminKey, origin: `http://127.0.0.1:${port}`, stop };
}

function databaseUri(base: string, database: string): string {
  const url = new URL(base);
  url.pathname = `/${database}`;
  return url.toString();
}

/** Streams a generated file into an import (never whole in memory); resolves with the job the API answers (202). */
export function uploadFile(url: string, key: string, contentType: string, file: Readable): Promise<{ id: string }> {
  return new Promise((resolve, reject) => {
    const sent = request(
      url,
      { method: 'POST', headers: { authorization: `Bearer ${key}`, 'content-type': contentType } },
      (response) => {
        let text = '';
        response.setEncoding('utf8');
        response.on('data', (chunk: string) => {
          text += chunk;
        });
        response.on('end', () =>
          response.statusCode === 202
            ? resolve(JSON.parse(text) as { id: string })
            : reject(new Error(`${url} answered ${response.statusCode}: ${text}`)),
        );
      },
    );
    sent.on('error', reject);
    file.pipe(sent);
  });
}
