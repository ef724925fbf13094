import { type Dirent, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { readFile, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { commandLineOf, isProcessAlive, startTimeOf } from './proc-tree';

/**
 * PostgreSQL wants SIGINT (fast shutdown) sent to the postmaster alone: it stops its own helpers, and a
 * SIGTERM to the whole group would be a "smart" shutdown that waits for clients.
 */
export interface StopSignal {
  signal: NodeJS.Signals;
  group: boolean;
}

export const defaultStop: StopSignal = { signal: 'SIGTERM', group: true };

/**
 * What a pid file records of a process we started: its start time and command line too, so that a pid
 * the kernel has since given to another program is never taken for ours.
 */
export interface PidRecord {
  pid: number;
  startTime?: string;
  command: string;
  stop?: StopSignal;
}

export const pidFile = (runDir: string, name: string) => path.join(runDir, `${name}.pid`);

export function recordOf(pid: number, command: string, stop?: StopSignal): PidRecord {
  return { pid, startTime: startTimeOf(pid), command, ...(stop ? { stop } : {}) };
}

export async function writePidRecord(file: string, record: PidRecord, flag = 'w'): Promise<void> {
  await writeFile(file, `${JSON.stringify(record)}\n`, { flag });
}

/** The same, before anything else runs: a supervisor killed just after a spawn still leaves the record. */
export function writePidRecordNow(file: string, record: PidRecord): void {
  writeFileSync(file, `${JSON.stringify(record)}\n`);
}

/** An earlier release wrote the bare pid: that is read too, without a command line to check. */
export async function readPidRecord(file: string): Promise<PidRecord | undefined> {
  const text = (await readFile(file, 'utf8').catch(() => '')).trim();
  if (/^\d+$/.test(text)) return { pid: Number(text), command: '' };
  try {
    const record = JSON.parse(text) as PidRecord;
    return Number.isInteger(record.pid) && record.pid > 0 ? record : undefined;
  } catch {
    return undefined;
  }
}

/** True when the recorded process still runs and is the one recorded (same start time and command). */
export function isStillRunning(record: PidRecord, commandHint = ''): boolean {
  if (!isProcessAlive(record.pid)) return false;
  const startTime = startTimeOf(record.pid);
  if (record.startTime && startTime && record.startTime !== startTime) return false;
  const command = commandLineOf(record.pid);
  // Trimmed as /proc's is: an argument may end with a space (PostgreSQL's log_line_prefix).
  if (record.command) return command.startsWith(record.command.trim());
  return commandHint !== '' && command.includes(commandHint);
}

/** What `terminate` needs; kept here so that leftovers are stopped the way they would have been. */
export type Terminate = (pid: number, timeoutMs: number, stop: StopSignal) => Promise<void>;

/**
 * Stops the process a pid file names when it is still the one an earlier run started (its parent was
 * killed before it could stop it), saying so in one line; then removes the file.
 */
export async function stopRecordedProcess(
  file: string,
  terminate: Terminate,
  options: { commandHint?: string; stop?: StopSignal; whose?: string } = {},
): Promise<boolean> {
  const record = await readPidRecord(file);
  const name = path.basename(file, '.pid');
  let stopped = false;
  if (record && isStillRunning(record, options.commandHint)) {
    process.stderr.write(
      `dealreg: stopping ${name} (pid ${record.pid}) ${options.whose ?? 'left over from an earlier run'}\n`,
    );
    await terminate(record.pid, 10_000, record.stop ?? options.stop ?? defaultStop);
    stopped = true;
  }
  await rm(file, { force: true });
  return stopped;
}

/** The order a stack is stopped in: the clients of the servers first, PostgreSQL (FerretDB's storage) last. */
const stopRank = (name: string) => ['api', 'worker'].indexOf(name) + 1 || (name.startsWith('postgres') ? 9 : 5);

export const supervisorPidName = 'supervisor';

/** Every pid file under `dir` (its subfolders too when asked: the test data holds one run folder per test). */
function pidFilesUnder(dir: string, recursive: boolean): string[] {
  let entries: Dirent[];
  try {
    entries = readdirSync(dir, { withFileTypes: true });
  } catch {
    return [];
  }
  return entries.flatMap((entry) => {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) return recursive ? pidFilesUnder(full, true) : [];
    return entry.isFile() && entry.name.endsWith('.pid') && entry.name !== `${supervisorPidName}.pid` ? [full] : [];
  });
}

/** Stops what an earlier run left behind under `dir`, API and worker first, PostgreSQL last. */
export async function stopLeftovers(
  dir: string,
  terminate: Terminate,
  options: { recursive?: boolean; whose?: string } = {},
): Promise<number> {
  const files = pidFilesUnder(dir, options.recursive ?? false).sort(
    (a, b) => stopRank(path.basename(a, '.pid')) - stopRank(path.basename(b, '.pid')),
  );
  let stopped = 0;
  for (const file of files) if (await stopRecordedProcess(file, terminate, { whose: options.whose })) stopped += 1;
  return stopped;
}

/**
 * Records this process as the one running the stack in `runDir`, refusing when another live one does:
 * its servers are not leftovers, and a second start would stop them. Removed when this process exits.
 */
export async function claimStack(runDir: string): Promise<void> {
  const file = pidFile(runDir, supervisorPidName);
  const own = recordOf(process.pid, commandLineOf(process.pid));
  for (;;) {
    try {
      await writePidRecord(file, own, 'wx');
      break;
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
      const other = await readPidRecord(file);
      if (other && other.pid !== process.pid && isStillRunning(other)) {
        throw new Error(`another dealreg stack (pid ${other.pid}) runs from ${path.dirname(runDir)}; stop it first`);
      }
      await rm(file, { force: true });
    }
  }
  process.on('exit', () => rmSync(file, { force: true }));
}
