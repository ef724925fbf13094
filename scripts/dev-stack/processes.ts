import { type ChildProcess, spawn } from 'node:child_process';
import { closeSync, openSync } from 'node:fs';
import { mkdir, readFile, rm } from 'node:fs/promises';
import net from 'node:net';
import path from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import {
  defaultStop,
  pidFile,
  recordOf,
  type StopSignal,
  stopLeftovers,
  stopRecordedProcess,
  writePidRecordNow,
} from './pid-files';
import { isProcessAlive, sendSignal } from './proc-tree';

export type { StopSignal } from './pid-files';

/** True when something accepts TCP connections on host:port. */
export function isPortOpen(port: number, host = '127.0.0.1'): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = net.connect({ port, host });
    const done = (open: boolean) => {
      socket.destroy();
      resolve(open);
    };
    socket.once('connect', () => done(true));
    socket.once('error', () => done(false));
    socket.setTimeout(1000, () => done(false));
  });
}

/** A free TCP port on loopback (asked of the kernel, then released for the server to take). */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as net.AddressInfo;
      server.close(() => resolve(port));
    });
  });
}

export interface ManagedProcess {
  name: string;
  pid: number;
  logFile: string;
  /** Resolves with the exit code once the process has ended (null when a signal ended it; see `ended`). */
  exited: Promise<number | null>;
  /** How it ended, once it has: `code 1`, `signal SIGKILL`. */
  ended?: string;
  stop(timeoutMs?: number): Promise<void>;
  /** SIGKILL to its whole process group, now. */
  kill(): void;
}

export interface SpawnOptions {
  name: string;
  command: string;
  args: string[];
  /** Folder for its pid file and log. */
  runDir: string;
  env?: NodeJS.ProcessEnv;
  cwd?: string;
  /** Run as this user and group (PostgreSQL refuses to run as root); the pid is still the server's own. */
  uid?: number;
  gid?: number;
  /** How to ask it to stop; by default SIGTERM to its whole process group. */
  stop?: StopSignal;
}

/** Every process this one started and that has not ended yet, so that a stop can reach them all. */
const live = new Set<ManagedProcess>();
let refusing: string | undefined;

export function liveProcesses(): ManagedProcess[] {
  return [...live];
}

/** From now on nothing new is started: a start-up still under way must not add processes behind a stop. */
export function refuseNewProcesses(reason: string): void {
  refusing = reason;
}

export async function terminate(pid: number, timeoutMs: number, stop: StopSignal = defaultStop): Promise<void> {
  // Each managed process leads its own process group; signal the group so that helpers it started go too.
  sendSignal(stop.group ? -pid : pid, stop.signal);
  const deadline = Date.now() + timeoutMs;
  while (isProcessAlive(pid) && Date.now() < deadline) await sleep(100);
  sendSignal(-pid, 'SIGKILL');
  while (isProcessAlive(pid)) await sleep(50);
}

/**
 * Stops a process an earlier run started and could not stop (its parent was killed with SIGKILL):
 * without this, its port stays taken and the next start fails in a confusing way.
 */
export async function killLeftover(
  runDir: string,
  name: string,
  commandHint: string,
  stop: StopSignal = defaultStop,
): Promise<void> {
  await stopRecordedProcess(pidFile(runDir, name), terminate, { commandHint, stop });
}

/** Every leftover under `dir` (see pid-files.ts), each named in one line. */
export const stopLeftoverProcesses = (dir: string, options: { recursive?: boolean; whose?: string } = {}) =>
  stopLeftovers(dir, terminate, options);

/**
 * Starts a long-running process in its own process group (so a terminal's Ctrl-C reaches only us and we
 * stop things in order), logs to runDir/<name>.log, and records it in runDir/<name>.pid for leftover cleanup.
 */
export async function spawnManaged(options: SpawnOptions): Promise<ManagedProcess> {
  if (refusing) throw new Error(`not starting ${options.name}: ${refusing}`);
  await mkdir(options.runDir, { recursive: true });
  const logFile = path.join(options.runDir, `${options.name}.log`);
  // The child writes its log itself, not through a pipe to us: if we are killed, it neither dies of a
  // broken pipe at its next line (some would, some would not) nor loses what it writes; the next start
  // finds it by its pid file and stops it.
  const log = openSync(logFile, 'a');
  let child: ChildProcess;
  try {
    child = spawn(options.command, options.args, {
      cwd: options.cwd,
      env: { ...process.env, ...options.env },
      detached: true,
      stdio: ['ignore', log, log],
      uid: options.uid,
      gid: options.gid,
    });
  } finally {
    closeSync(log);
  }
  if (!child.pid) throw new Error(`could not start ${options.name} (${options.command})`);
  const pid = child.pid;
  const file = pidFile(options.runDir, options.name);
  // At once, in this same turn of the event loop: an await here was a window in which a supervisor
  // killed with SIGKILL left a child that no pid file named (the child lives on, writing its own log).
  writePidRecordNow(file, recordOf(pid, [options.command, ...options.args].join(' '), options.stop));
  const exitedNow = () => child.exitCode !== null || child.signalCode !== null;
  const managed: ManagedProcess = {
    name: options.name,
    pid,
    logFile,
    exited: new Promise<number | null>((resolve) => {
      child.on('exit', (code, signal) => {
        managed.ended = signal ? `signal ${signal}` : `code ${code}`;
        live.delete(managed);
        rm(file, { force: true }).finally(() => resolve(code));
      });
    }),
    async stop(timeoutMs = 15_000) {
      if (exitedNow()) return;
      await terminate(pid, timeoutMs, options.stop);
      await managed.exited;
    },
    kill() {
      if (!exitedNow()) sendSignal(-pid, 'SIGKILL');
    },
  };
  live.add(managed);
  return managed;
}

/**
 * Polls `probe` until it succeeds; fails early with the log's tail if the process dies first. A process
 * that never becomes ready is killed: nothing could use it, and it would hold its port.
 */
export async function waitUntilReady(
  proc: ManagedProcess | undefined,
  what: string,
  probe: () => Promise<boolean>,
  timeoutMs = 120_000,
): Promise<void> {
  const started = Date.now();
  let died = false;
  proc?.exited.then(() => {
    died = true;
  });
  while (Date.now() - started < timeoutMs) {
    if (died) throw new Error(`${what} exited during start-up; see ${proc?.logFile}:\n${await logTail(proc?.logFile)}`);
    if (await probe().catch(() => false)) return;
    await sleep(250);
  }
  proc?.kill();
  throw new Error(`${what} did not become ready within ${timeoutMs / 1000}s${proc ? `; see ${proc.logFile}` : ''}`);
}

export async function logTail(file: string | undefined, lines = 20): Promise<string> {
  if (!file) return '';
  const text = await readFile(file, 'utf8').catch(() => '');
  return text.split('\n').slice(-lines).join('\n');
}
