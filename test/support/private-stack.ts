import { mkdir, rm } from 'node:fs/promises';
import path from 'node:path';
import type { Client } from '@temporalio/client';
import { temporal as temporalProto } from '@temporalio/proto';
import { applyPostgresMatchingIndexes } from '../../scripts/dev-stack/ferretdb-matching-indexes';
import { databaseUrl, ensureDatabase, findPostgresBinDir, startPostgres } from '../../scripts/dev-stack/postgres';
import { freePort, type ManagedProcess, spawnManaged, waitUntilReady } from '../../scripts/dev-stack/processes';
import { mongoAnswers, startFerretDb, startTemporalServer, temporalAnswers } from '../../scripts/dev-stack/servers';
import { ferretDbPostgresDatabase, projectRoot } from '../../scripts/dev-stack/stack';

export { freePort } from '../../scripts/dev-stack/processes';

/**
 * Servers of its own for a fault test, which stops and restarts them: the shared test servers must not
 * notice. Data lives under .data/test/<label> and survives restarts, as it would on a real machine.
 */
export class PrivateStack {
  temporal?: ManagedProcess;
  ferret?: ManagedProcess;
  worker?: ManagedProcess;
  /** FerretDB's storage, as the shared test stack has it; it stays up while FerretDB is restarted. */
  postgres?: ManagedProcess;
  postgresUrl?: string;

  private constructor(
    readonly dataDir: string,
    readonly temporalPort: number,
    readonly ferretPort: number,
    readonly taskQueue: string,
  ) {}

  static async start(label: string): Promise<PrivateStack> {
    const dataDir = path.join(projectRoot, '.data', 'test', label);
    await rm(dataDir, { recursive: true, force: true });
    await mkdir(dataDir, { recursive: true });
    const stack = new PrivateStack(dataDir, await freePort(), await freePort(), `chaos-${label}`);
    await stack.startTemporal();
    await stack.startPostgres();
    await stack.startFerret();
    return stack;
  }

  get temporalAddress(): string {
    return `127.0.0.1:${this.temporalPort}`;
  }

  get mongodbUri(): string {
    return `mongodb://127.0.0.1:${this.ferretPort}/chaos`;
  }

  async startTemporal(): Promise<void> {
    this.temporal = await startTemporalServer({ dataDir: this.dataDir, port: this.temporalPort });
  }

  /** Without PostgreSQL binaries the shared stack falls back to SQLite, and so does this one. */
  private async startPostgres(): Promise<void> {
    const binDir = findPostgresBinDir();
    if (!binDir) return;
    const own = await startPostgres({ binDir, dataDir: this.dataDir, port: await freePort() });
    this.postgres = own.proc;
    await ensureDatabase(own.serverUrl, ferretDbPostgresDatabase);
    this.postgresUrl = databaseUrl(own.serverUrl, ferretDbPostgresDatabase);
    await applyPostgresMatchingIndexes(this.postgresUrl, (error) => {
      throw error;
    });
  }

  async startFerret(): Promise<void> {
    this.ferret = await startFerretDb({ dataDir: this.dataDir, port: this.ferretPort, postgresUrl: this.postgresUrl });
  }

  /**
   * A worker process, as `npm run worker` runs it, so that it can be killed like one. Ready when Temporal
   * sees it polling (its identity is `<pid>@<host>`).
   */
  async startWorker(temporal: Client): Promise<void> {
    const worker = await spawnManaged({
      name: 'worker',
      command: process.execPath,
      args: ['--import', 'tsx', 'worker/main.ts'],
      cwd: projectRoot,
      runDir: path.join(this.dataDir, 'run'),
      env: {
        TEMPORAL_ADDRESS: this.temporalAddress,
        MONGODB_URI: this.mongodbUri,
        TEMPORAL_TASK_QUEUE: this.taskQueue,
        LOG_LEVEL: 'warn',
        OUTBOX_POLL_MS: '200',
        // The tests' audit key (test/support/global-setup.ts): the worker signs every decision with it.
        ...Object.fromEntries(
          ['DEALREG_AUDIT_KEY', 'DEALREG_AUDIT_KEY_FILE', 'DEALREG_DATA_DIR'].flatMap((name) =>
            process.env[name] ? [[name, process.env[name]]] : [],
          ),
        ),
      },
    });
    this.worker = worker;
    await waitUntilReady(
      worker,
      'worker',
      async () => {
        const { pollers } = await temporal.workflowService.describeTaskQueue({
          namespace: 'default',
          taskQueue: { name: this.taskQueue },
          taskQueueType: temporalProto.api.enums.v1.TaskQueueType.TASK_QUEUE_TYPE_ACTIVITY,
        });
        return (pollers ?? []).some((poller) => poller.identity?.startsWith(`${worker.pid}@`));
      },
      60_000,
    );
  }

  killWorker(): void {
    if (this.worker) process.kill(-this.worker.pid, 'SIGKILL');
  }

  async reachable(): Promise<{ temporal: boolean; database: boolean }> {
    return {
      temporal: await temporalAnswers(this.temporalAddress).catch(() => false),
      database: await mongoAnswers(this.mongodbUri).catch(() => false),
    };
  }

  async stop(): Promise<void> {
    for (const proc of [this.worker, this.temporal, this.ferret, this.postgres]) await proc?.stop();
  }
}
