import { setTimeout as sleep } from 'node:timers/promises';
import { sendSignal } from './proc-tree';
import type { ManagedProcess } from './processes';

/** A process the stack keeps running: how to start it (and wait until it serves). */
export interface ServiceSpec {
  name: string;
  start(): Promise<ManagedProcess>;
  /** The longest an orderly stop of it may take before it is killed. */
  stopTimeoutMs?: number;
}

interface Service {
  spec: ServiceSpec;
  current?: ManagedProcess;
  crashes: number[];
}

export interface SupervisorOptions {
  /** One line per event worth an operator's eye (a restart). */
  say(message: string): void;
  /** Called once when a process keeps crashing; the stack is not worth keeping up without it. */
  giveUp(message: string): void;
  /** Crashes within `windowMs` after which it is given up (default five in a minute). */
  maxCrashes?: number;
  windowMs?: number;
  /** The wait before the first restart (default 1 s); it doubles with each recent crash, up to 30 s. */
  firstBackoffMs?: number;
}

const MAX_BACKOFF_MS = 30_000;

/**
 * Starts processes and restarts one that exits on its own (a crash, the out-of-memory killer) after a
 * backoff that doubles with each recent crash, while the others keep running. Stops them in reverse
 * order of starting, so each server outlives its clients.
 */
export class Supervisor {
  private readonly services: Service[] = [];
  private stopping = false;
  /** Ends the backoff waits when the stack stops. */
  private readonly stopped = new AbortController();

  constructor(private readonly options: SupervisorOptions) {}

  /** Starts it the first time: a failure here is the caller's (nothing is retried before it has run once). */
  async start(spec: ServiceSpec): Promise<ManagedProcess> {
    const service: Service = { spec, crashes: [] };
    const proc = await spec.start();
    service.current = proc;
    this.services.push(service);
    this.watch(service, proc);
    return proc;
  }

  /** The process now running under that name (it changes at each restart). */
  process(name: string): ManagedProcess | undefined {
    return this.services.find((service) => service.spec.name === name)?.current;
  }

  private watch(service: Service, proc: ManagedProcess): void {
    proc.exited.then(() => {
      if (this.stopping || service.current !== proc) return;
      // What a crashed process may leave in its group (PostgreSQL's backends) would stop it starting again.
      sendSignal(-proc.pid, 'SIGKILL');
      void this.restart(service, proc.ended ?? 'exited', proc.logFile);
    });
  }

  private async restart(service: Service, how: string, logFile: string): Promise<void> {
    const { name } = service.spec;
    service.current = undefined;
    const now = Date.now();
    const windowMs = this.options.windowMs ?? 60_000;
    service.crashes = [...service.crashes.filter((at) => now - at < windowMs), now];
    if (service.crashes.length >= (this.options.maxCrashes ?? 5)) {
      this.options.giveUp(
        `${name} keeps crashing (${service.crashes.length} times within ${windowMs / 1000} s, last: ${how}); its log: ${logFile}`,
      );
      return;
    }
    const delayMs = Math.min(MAX_BACKOFF_MS, (this.options.firstBackoffMs ?? 1000) * 2 ** (service.crashes.length - 1));
    this.options.say(`${name} exited unexpectedly (${how}); restarting it in ${delayMs / 1000} s; its log: ${logFile}`);
    await sleep(delayMs, undefined, { signal: this.stopped.signal }).catch(() => undefined);
    if (this.stopping) return;
    try {
      const proc = await service.spec.start();
      if (this.stopping) return await proc.stop(2_000);
      service.current = proc;
      this.watch(service, proc);
    } catch (error) {
      if (!this.stopping) await this.restart(service, firstLine(error), logFile);
    }
  }

  /** Stops every process, newest first, each within its share of the time left before `deadline`. */
  async stop(deadline: number): Promise<void> {
    this.stopping = true;
    this.stopped.abort();
    const running = this.services.filter((service) => service.current).reverse();
    for (const [index, service] of running.entries()) {
      const proc = service.current as ManagedProcess;
      const share = (deadline - Date.now()) / (running.length - index);
      await proc.stop(Math.max(500, Math.min(service.spec.stopTimeoutMs ?? 10_000, share)));
    }
  }
}

function firstLine(error: unknown): string {
  return (error instanceof Error ? error.message : String(error)).split('\n')[0] ?? 'failed';
}
