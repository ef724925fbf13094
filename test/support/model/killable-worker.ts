import type { Client } from '@temporalio/client';
import type { ManagedProcess } from '../../../scripts/dev-stack/processes';
import { killProcess, type ServiceTarget, spawnWorkerProcess, untilPolling } from '../service-processes';

/**
 * One worker process beside the test's own in-process worker, on the same task queue, that can be killed
 * (SIGKILL) mid-flight: whatever it held is taken over once its tasks time out. A fresh one starts at once.
 */
export class KillableWorker {
  private current?: ManagedProcess;
  private starting: Promise<void> = Promise.resolve();
  private started = 0;

  constructor(
    private readonly target: ServiceTarget,
    private readonly temporal: Client,
  ) {}

  start(): Promise<void> {
    this.starting = this.spawn();
    return this.starting;
  }

  private async spawn(): Promise<void> {
    this.started += 1;
    const worker = await spawnWorkerProcess(
      this.target,
      `model-worker-${this.started}`,
      {},
      'test/support/worker-main.ts',
    );
    this.current = worker;
    await untilPolling(this.target, this.temporal, worker);
  }

  /** Kills the running worker (once it is up) and starts another without waiting for it. */
  async kill(): Promise<string> {
    await this.starting;
    const victim = this.current;
    if (!victim) return 'no worker';
    killProcess(victim);
    await victim.exited;
    this.starting = this.spawn();
    this.starting.catch(() => undefined); // awaited by the next kill or stop
    return victim.name;
  }

  async stop(): Promise<void> {
    await this.starting.catch(() => undefined);
    await this.current?.stop();
  }
}
