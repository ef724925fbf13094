import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { type ManagedProcess, spawnManaged, waitUntilReady } from '../../scripts/dev-stack/processes';
import { projectRoot } from '../../scripts/dev-stack/stack';
import { liveDir } from './stack';

export interface ChildSpec {
  name: string;
  /** Entry file relative to the project root, run as `npm start` runs the worker and the API. */
  entry: string;
  env: NodeJS.ProcessEnv;
  /**
   * Folder for V8 CPU profiles written when the process exits (node --cpu-prof): one file per thread
   * (the main thread, tsx's loader thread, the worker's workflow threads), so each child gets its own folder.
   */
  cpuProfileDir?: string;
}

/** Every child the benchmark started and has not stopped yet, so Ctrl-C can stop them. */
const running = new Set<ManagedProcess>();

export async function startChild(spec: ChildSpec): Promise<ManagedProcess> {
  const profiling = spec.cpuProfileDir
    ? ['--cpu-prof', `--cpu-prof-dir=${path.join(spec.cpuProfileDir, spec.name)}`]
    : [];
  const child = await spawnManaged({
    name: spec.name,
    command: process.execPath,
    args: [...profiling, '--import', 'tsx', spec.entry],
    cwd: projectRoot,
    runDir: path.join(liveDir, 'run'),
    env: spec.env,
  });
  running.add(child);
  child.exited.then(() => running.delete(child));
  return child;
}

/** Waits until a child prints `line` to its log (workers have no port to probe). */
export async function waitForLogLine(child: ManagedProcess, what: string, line: RegExp, timeoutMs = 180_000) {
  await waitUntilReady(
    child,
    what,
    async () => line.test(await readFile(child.logFile, 'utf8').catch(() => '')),
    timeoutMs,
  );
}

export async function waitForHttp(child: ManagedProcess, what: string, url: string, timeoutMs = 120_000) {
  await waitUntilReady(child, what, async () => (await fetch(url)).ok, timeoutMs);
}

export async function stopChild(child: ManagedProcess): Promise<void> {
  await child.stop(30_000);
  running.delete(child);
}

export async function stopAllChildren(): Promise<void> {
  for (const child of [...running].reverse()) await child.stop(10_000);
  running.clear();
}
