import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { type ManagedProcess, spawnManaged } from '../../../scripts/dev-stack/processes';
import { Supervisor } from '../../../scripts/dev-stack/supervise';

/** Real processes (node itself), started the way the stack starts its servers. */
let runDir: string;
beforeAll(async () => {
  runDir = await mkdtemp(path.join(tmpdir(), 'dealreg-supervisor-'));
});

const node = (name: string, script: string) => () =>
  spawnManaged({ name, command: process.execPath, args: ['-e', script], runDir });

function recorder() {
  const lines: string[] = [];
  let gaveUp: (message: string) => void = () => undefined;
  const given = new Promise<string>((resolve) => {
    gaveUp = resolve;
  });
  return { lines, given, options: { say: (line: string) => lines.push(line), giveUp: (m: string) => gaveUp(m) } };
}

test('a process that exits on its own is restarted, with one line each time, until it keeps crashing', async () => {
  const { lines, given, options } = recorder();
  const supervisor = new Supervisor({ ...options, firstBackoffMs: 10, maxCrashes: 3 });
  await supervisor.start({ name: 'crasher', start: node('crasher', 'setTimeout(() => process.exit(3), 100)') });
  const message = await given;
  expect(lines).toEqual([
    expect.stringMatching(
      /^crasher exited unexpectedly \(code 3\); restarting it in 0\.01 s; its log: .*crasher\.log$/,
    ),
    expect.stringMatching(/^crasher exited unexpectedly \(code 3\); restarting it in 0\.02 s; its log: /),
  ]);
  expect(message).toMatch(/^crasher keeps crashing \(3 times within 60 s, last: code 3\); its log: .*crasher\.log$/);
  await supervisor.stop(Date.now() + 5_000);
});

test('a restarted process is the one the supervisor names from then on; a stop does not restart it', async () => {
  const { lines, options } = recorder();
  const supervisor = new Supervisor({ ...options, firstBackoffMs: 10 });
  const first = await supervisor.start({ name: 'server', start: node('server', 'setInterval(() => {}, 1000)') });
  first.kill();
  await first.exited;
  let restarted: ManagedProcess | undefined;
  while (!restarted) {
    await new Promise((resolve) => setTimeout(resolve, 20));
    restarted = supervisor.process('server');
  }
  expect(restarted.pid).not.toBe(first.pid);
  expect(lines).toEqual([expect.stringMatching(/^server exited unexpectedly \(signal SIGKILL\)/)]);
  await supervisor.stop(Date.now() + 5_000);
  await restarted.exited;
  await new Promise((resolve) => setTimeout(resolve, 100));
  expect(supervisor.process('server')).toBe(restarted);
  expect(lines).toHaveLength(1);
});

test('stop ends the processes newest first, so that servers outlive their clients', async () => {
  const { options } = recorder();
  const supervisor = new Supervisor(options);
  const ended: string[] = [];
  for (const name of ['database', 'engine', 'client']) {
    const proc = await supervisor.start({ name, start: node(name, 'setInterval(() => {}, 1000)') });
    void proc.exited.then(() => ended.push(name));
  }
  await supervisor.stop(Date.now() + 10_000);
  await new Promise((resolve) => setImmediate(resolve));
  expect(ended).toEqual(['client', 'engine', 'database']);
});
