import { type ChildProcess, spawn } from 'node:child_process';
import { createWriteStream, readFileSync } from 'node:fs';
import { mkdir, readFile, rm, writeFile } from 'node:fs/promises';
import net from 'node:net';
import path from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';

export function isProcessAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

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
  /** Resolves with the exit code once the process has ended. */
  exited: Promise<number | null>;
  stop(timeoutMs?: number): Promise<void>;
}

export interface SpawnOptions {
  name: string;
  command: string;
  args: string[];
  /** Folder for its pid file and log. */
  runDir: string;
  env?: NodeJS.ProcessEnv;
  cwd?: string;
  /** Also copy its output to our stdout (the worker and the API under `npm start`). */
  echo?: boolean;
  /** Run as this user and group (PostgreSQL refuses to run as root); the pid is still the server's own. */
  uid?: number;
  gid?: number;
  /** How to ask it to stop; by default SIGTERM to its whole process group. */
  stop?: StopSignal;
}

/**
 * PostgreSQL wants SIGINT (fast shutdown) sent to the postmaster alone: it stops its own helpers, and a
 * SIGTERM to the whole group would be a "smart" shutdown that waits for clients.
 */
export interface StopSignal {
  signal: NodeJS.Signals;
  group: boolean;
}

const defaultStop: StopSignal = { signal: 'SIGTERM', group: true };

function pidFile(runDir: string, name: string): string {
  return path.join(runDir, `${name}.pid`);
}

/**
 * Kills a process that an earlier run started and could not stop (its parent was killed with SIGKILL):
 * without this, its port stays taken and the next start fails in a confusing way.
 */
export async function killLeftover(
  runDir: string,
  name: string,
  commandHint: string,
  stop: StopSignal = defaultStop,
): Promise<void> {
  const file = pidFile(runDir, name);
  const pid = Number(await readFile(file, 'utf8').catch(() => '0'));
  if (pid && isProcessAlive(pid) && commandLineOf(pid).includes(commandHint)) {
    process.stderr.write(`dealreg: stopping ${name} (pid ${pid}) left over from an earlier run\n`);
    await terminate(pid, 10_000, stop);
  }
  await rm(file, { force: true });
}

export function commandLineOf(pid: number): string {
  try {
    return readFileSync(`/proc/${pid}/cmdline`, 'utf8').replaceAll('\0', ' ');
  } catch {
    return '';
  }
}

async function terminate(pid: number, timeoutMs: number, stop: StopSignal = defaultStop): Promise<void> {
  // Each managed process leads its own process group; signal the group so that helpers it started go too.
  const signal = (sig: NodeJS.Signals, group = stop.group) => {
    try {
      if (!group) throw new Error('signal the leader alone');
      process.kill(-pid, sig);
    } catch {
      try {
        process.kill(pid, sig);
      } catch {
        /* already gone */
      }
    }
  };
  signal(stop.signal);
  const deadline = Date.now() + timeoutMs;
  while (isProcessAlive(pid) && Date.now() < deadline) await sleep(100);
  if (isProcessAlive(pid)) signal('SIGKILL', true);
  while (isProcessAlive(pid)) await sleep(50);
}

/**
 * Starts a long-running process in its own process group (so a terminal's Ctrl-C reaches only us and we
 * stop things in order), logs to runDir/<name>.log, and records its pid for leftover cleanup.
 */
export async function spawnManaged(options: SpawnOptions): Promise<ManagedProcess> {
  await mkdir(options.runDir, { recursive: true });
  const logFile = path.join(options.runDir, `${options.name}.log`);
  const log = createWriteStream(logFile, { flags: 'a' });
  const child: ChildProcess = spawn(options.command, options.args, {
    cwd: options.cwd,
    env: { ...process.env, ...options.env },
    detached: true,
    stdio: ['ignore', 'pipe', 'pipe'],
    uid: options.uid,
    gid: options.gid,
  });
  if (!child.pid) throw new Error(`could not start ${options.name} (${options.command})`);
  const pid = child.pid;
  for (const stream of [child.stdout, child.stderr]) {
    stream?.on('data', (chunk: Buffer) => {
      log.write(chunk);
      if (options.echo) process.stdout.write(chunk);
    });
  }
  await writeFile(pidFile(options.runDir, options.name), String(pid));
  const exited = new Promise<number | null>((resolve) => {
    child.on('exit', (code) => {
      log.end();
      rm(pidFile(options.runDir, options.name), { force: true }).finally(() => resolve(code));
    });
  });
  return {
    name: options.name,
    pid,
    logFile,
    exited,
    async stop(timeoutMs = 15_000) {
      if (child.exitCode !== null || child.signalCode !== null) return;
      await terminate(pid, timeoutMs, options.stop);
      await exited;
    },
  };
}

/** Polls `probe` until it succeeds; fails early with the log's tail if the process dies first. */
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
  throw new Error(`${what} did not become ready within ${timeoutMs / 1000}s${proc ? `; see ${proc.logFile}` : ''}`);
}

export async function logTail(file: string | undefined, lines = 20): Promise<string> {
  if (!file) return '';
  const text = await readFile(file, 'utf8').catch(() => '');
  return text.split('\n').slice(-lines).join('\n');
}
