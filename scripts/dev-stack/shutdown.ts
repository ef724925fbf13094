import { setTimeout as sleep } from 'node:timers/promises';
import { descendantsOf, sendSignal } from './proc-tree';
import { liveProcesses, refuseNewProcesses } from './processes';

/** A stop finishes within this (the promise to the operator is 15 s); what is still running then is killed. */
export const STOP_BUDGET_MS = 12_000;
/**
 * A signal this soon after the first is the same request arriving twice: npm relays the terminal's Ctrl-C,
 * and so does bootstrap.mjs when a signal reaches the whole process group. Only a later one means "now".
 */
const SAME_REQUEST_MS = 2_000;

let stopping: Promise<never> | undefined;
let firstSignalAt = 0;
let killingNow = false;

export const isStopping = () => stopping !== undefined;

/** SIGKILL to every process this one started, and to anything descending from it: nothing outlives us. */
export async function killEverything(): Promise<void> {
  const managed = liveProcesses();
  for (const proc of managed) proc.kill();
  for (const pid of descendantsOf(process.pid)) sendSignal(pid, 'SIGKILL');
  // Their exits remove their pid files; wait for that briefly, never for long.
  await Promise.race([Promise.all(managed.map((proc) => proc.exited)), sleep(2_000)]);
}

/**
 * SIGKILL to the processes this one runs besides the ones it manages (jest's workers): they must not go
 * on starting things while the managed ones are stopped in order.
 */
export function killUnmanagedChildren(): void {
  const managed = new Set(liveProcesses().map((proc) => proc.pid));
  for (const pid of descendantsOf(process.pid, managed)) sendSignal(pid, 'SIGKILL');
}

/** Stops, newest first, what this process still runs: a start-up under way may not have handed it over yet. */
export async function stopLiveProcesses(deadline: number): Promise<void> {
  for (const proc of liveProcesses().reverse()) await proc.stop(Math.max(500, deadline - Date.now()));
}

export interface StopHandlerOptions {
  /** The orderly stop; it is given the time by which it must be done. */
  stop(deadline: number): Promise<void>;
  /** Exit code after a stop a signal asked for. */
  signalExitCode?: number;
  say(message: string): void;
}

let handlerOptions: StopHandlerOptions | undefined;

/**
 * Stops everything in order, then exits. Whatever the orderly stop has not ended by the deadline is
 * killed, and so is anything else this process started (tool builds, the console build).
 */
export function stopAndExit(code: number, why?: string): Promise<never> {
  stopping ??= (async () => {
    const options = handlerOptions;
    refuseNewProcesses('stopping');
    if (why) options?.say(why);
    const deadline = Date.now() + STOP_BUDGET_MS;
    const orderly = async () => {
      await options?.stop(deadline);
      await stopLiveProcesses(deadline);
    };
    await Promise.race([
      orderly().catch((error) => options?.say(`while stopping: ${String(error)}`)),
      sleep(STOP_BUDGET_MS),
    ]);
    await killEverything();
    options?.say('stopped');
    process.exit(code);
  })();
  return stopping;
}

/**
 * SIGINT and SIGTERM stop everything this process started, in order and within STOP_BUDGET_MS; a second
 * signal kills it all at once. Installed before anything starts, so that no moment is left uncovered.
 */
export function installStopHandlers(options: StopHandlerOptions): void {
  handlerOptions = options;
  const onSignal = (signal: NodeJS.Signals) => {
    const now = Date.now();
    if (!firstSignalAt) {
      firstSignalAt = now;
      void stopAndExit(options.signalExitCode ?? 0, `${signal}: stopping… (a second Ctrl-C stops at once)`);
      return;
    }
    if (now - firstSignalAt < SAME_REQUEST_MS || killingNow) return;
    killingNow = true;
    options.say(`${signal} again: stopping at once`);
    refuseNewProcesses('stopping');
    void killEverything().then(() => process.exit(options.signalExitCode ?? 1));
  };
  process.on('SIGINT', onSignal);
  process.on('SIGTERM', onSignal);
}
