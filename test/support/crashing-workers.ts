import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import type { Client } from '@temporalio/client';
import type { CrashPoint } from '../../config/crash-points';
import type { ManagedProcess } from '../../scripts/dev-stack/processes';
import { type ServiceTarget, spawnWorkerProcess, untilPolling } from './service-processes';

/**
 * Worker processes armed with crash points (config/crash-points.ts): each kills itself (SIGKILL) at the
 * first armed point it reaches that has not fired yet in `onceDir`, and a fresh one takes its place at
 * once, so that `count` workers are running or starting at any time and a retried step meets the next point.
 */
export class CrashingWorkers {
  private readonly running = new Set<ManagedProcess>();
  private readonly starting = new Set<Promise<void>>();
  private stopping = false;
  private started = 0;
  /** Each death: which worker, at which point. */
  readonly deaths: Array<{ worker: string; point: string }> = [];

  constructor(
    private readonly target: ServiceTarget,
    private readonly temporal: Client,
    private readonly armed: { points: readonly CrashPoint[]; onceDir: string; label: string },
    private readonly log: (line: string) => void,
  ) {}

  /** Starts `count` workers and waits until they poll. */
  async start(count: number): Promise<void> {
    await Promise.all(Array.from({ length: count }, () => this.startOne()));
  }

  private startOne(): Promise<void> {
    const starting = this.spawn().finally(() => this.starting.delete(starting));
    this.starting.add(starting);
    return starting;
  }

  private async spawn(): Promise<void> {
    this.started += 1;
    const name = `${this.armed.label}-worker-${this.started}`;
    const worker = await spawnWorkerProcess(
      this.target,
      name,
      {
        NODE_ENV: 'test',
        ...(this.armed.points.length > 0
          ? { DEALREG_CRASH_AT: this.armed.points.join(','), DEALREG_CRASH_ONCE_DIR: this.armed.onceDir }
          : {}),
        DEALREG_WEBHOOKS_ALLOW_LOCAL: 'true',
      },
      'test/support/worker-main.ts',
    );
    this.running.add(worker);
    void worker.exited.then(() => this.died(worker));
    // One that dies at a point before Temporal saw it poll is replaced like any other.
    await untilPolling(this.target, this.temporal, worker).catch((error: unknown) => {
      if (this.running.has(worker)) throw error;
    });
  }

  private async died(worker: ManagedProcess): Promise<void> {
    this.running.delete(worker);
    if (this.stopping) return;
    const point = (await this.firedPoints()).find((fired) => fired.pid === worker.pid)?.point;
    this.deaths.push({ worker: worker.name, point: point ?? `not at a crash point: see ${worker.logFile}` });
    // A worker that died otherwise (a bad start) is not started again and again: the test sees the death.
    if (!point) return this.log(`${worker.name} died, not at a crash point; see ${worker.logFile}`);
    this.log(`${worker.name} died at ${point}; a fresh worker starts`);
    await this.startOne().catch((error: unknown) => this.log(`a fresh worker did not start: ${String(error)}`));
  }

  /** The points that fired, each with the pid of the worker it killed. */
  async firedPoints(): Promise<Array<{ point: string; pid: number }>> {
    const names = await readdir(this.armed.onceDir).catch(() => [] as string[]);
    return Promise.all(
      names.map(async (point) => ({
        point,
        pid: Number(await readFile(path.join(this.armed.onceDir, point), 'utf8')),
      })),
    );
  }

  /** Stops every worker (those still starting too) and starts no more. */
  async stop(): Promise<void> {
    this.stopping = true;
    await Promise.allSettled([...this.starting]);
    await Promise.all([...this.running].map((worker) => worker.stop()));
  }
}
