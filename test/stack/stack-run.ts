import { type ChildProcess, spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { setTimeout as sleep } from 'node:timers/promises';
import { processesWithEnvironment } from '../../scripts/dev-stack/proc-tree';
import { isPortOpen } from '../../scripts/dev-stack/processes';
import { profiles, projectRoot } from '../../scripts/dev-stack/stack';

export const profile = profiles['supervisor-test'];
export const apiUrl = `http://127.0.0.1:${profile.apiPort}`;
export const adminKey = `sv-${randomBytes(24).toString('base64url')}`;
/** Every process of a run carries it in its environment (inherited), so /proc tells which are left. */
const MARKER = 'DEALREG_STACK_TEST_RUN';

/** Settings of the machine running the tests that would point npm start elsewhere than its own servers. */
const inherited = [
  'TEMPORAL_ADDRESS',
  'TEMPORAL_UI_URL',
  'MONGODB_URI',
  'API_PORT',
  'API_HOST',
  'WORKER_METRICS_PORT',
  'DEALREG_DATA_DIR',
  'DEALREG_FERRETDB_POSTGRES_URL',
  'DEALREG_FERRETDB_BACKEND',
  'DEALREG_AUDIT_KEY',
  'DEALREG_AUDIT_KEY_FILE',
  'NODE_ENV',
];

/** `npm start` as a terminal runs it: bootstrap.mjs leading a process group of its own, on the test profile. */
export class StackRun {
  output = '';
  readonly exited: Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
  private readonly child: ChildProcess;

  constructor(readonly label: string) {
    const env: NodeJS.ProcessEnv = { ...process.env };
    for (const name of inherited) delete env[name];
    this.child = spawn(process.execPath, ['scripts/bootstrap.mjs', 'start'], {
      cwd: projectRoot,
      detached: true,
      stdio: ['ignore', 'pipe', 'pipe'],
      env: {
        ...env,
        DEALREG_STACK_PROFILE: profile.name,
        DEALREG_ADMIN_KEY: adminKey,
        LOG_LEVEL: 'warn',
        [MARKER]: this.marker,
      },
    });
    for (const stream of [this.child.stdout, this.child.stderr]) {
      stream?.on('data', (chunk: Buffer) => {
        const text = chunk.toString();
        this.output += text;
        // Progress for whoever watches the test: the supervisor's own lines.
        for (const line of text.split('\n')) if (line.startsWith('dealreg:')) say(`[${label}] ${line}`);
      });
    }
    this.exited = new Promise((resolve) => this.child.on('exit', (code, signal) => resolve({ code, signal })));
  }

  get marker(): string {
    return `${this.label}-${process.pid}`;
  }

  /** To the whole process group, as Ctrl-C or a service manager sends it. */
  signalGroup(signal: NodeJS.Signals): void {
    process.kill(-(this.child.pid as number), signal);
  }

  async waitForOutput(pattern: RegExp, timeoutMs: number): Promise<RegExpMatchArray> {
    const deadline = Date.now() + timeoutMs;
    let ended = false;
    void this.exited.then(() => {
      ended = true;
    });
    while (Date.now() < deadline) {
      const match = this.output.match(pattern);
      if (match) return match;
      if (ended) break;
      await sleep(200);
    }
    throw new Error(`${this.label}: no ${pattern} in the output${ended ? ' before it exited' : ''}:\n${this.output}`);
  }

  /** Every process of this run still alive, found through /proc (the run's marker in its environment). */
  processesLeft(): number[] {
    return processesWithEnvironment(MARKER, this.marker);
  }
}

export function say(line: string): void {
  process.stderr.write(`${line}\n`);
}

/** The profile's ports that still accept connections. */
export async function openPorts(): Promise<number[]> {
  const ports = [
    profile.temporalPort,
    profile.temporalUiPort,
    profile.ferretDbPort,
    profile.postgresPort,
    profile.apiPort,
    profile.workerMetricsPort,
  ];
  const open = await Promise.all(ports.map(async (port) => ((await isPortOpen(port)) ? [port] : [])));
  return open.flat();
}

export async function call(
  path: string,
  key: string,
  init: { method?: string; body?: unknown; headers?: object } = {},
) {
  const response = await fetch(`${apiUrl}${path}`, {
    method: init.method ?? 'GET',
    headers: { authorization: `Bearer ${key}`, 'content-type': 'application/json', ...init.headers },
    body: init.body === undefined ? undefined : JSON.stringify(init.body),
    signal: AbortSignal.timeout(60_000),
  });
  return { status: response.status, body: (await response.json().catch(() => undefined)) as Record<string, unknown> };
}
