import { mkdtemp, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import {
  claimStack,
  isStillRunning,
  type PidRecord,
  pidFile,
  readPidRecord,
  supervisorPidName,
} from '../../../scripts/dev-stack/pid-files';
import { isProcessAlive } from '../../../scripts/dev-stack/proc-tree';
import { spawnManaged, stopLeftoverProcesses } from '../../../scripts/dev-stack/processes';

let runDir: string;
beforeEach(async () => {
  runDir = await mkdtemp(path.join(tmpdir(), 'dealreg-pids-'));
});

const sleeper = (name: string) =>
  spawnManaged({ name, command: process.execPath, args: ['-e', 'setInterval(() => {}, 1000)'], runDir });

async function captureStderr<T>(work: () => Promise<T>): Promise<{ result: T; lines: string[] }> {
  const lines: string[] = [];
  const spy = jest.spyOn(process.stderr, 'write').mockImplementation((chunk) => {
    lines.push(String(chunk).trim());
    return true;
  });
  try {
    return { result: await work(), lines };
  } finally {
    spy.mockRestore();
  }
}

test('a pid file names the process with its start time and command line', async () => {
  const proc = await sleeper('server');
  const record = (await readPidRecord(pidFile(runDir, 'server'))) as PidRecord;
  expect(record).toEqual({
    pid: proc.pid,
    startTime: expect.stringMatching(/^\d+$/),
    command: `${process.execPath} -e setInterval(() => {}, 1000)`,
  });
  expect(isStillRunning(record)).toBe(true);
  // A pid the kernel gave to another program later: another start time, or another command.
  expect(isStillRunning({ ...record, startTime: '1' })).toBe(false);
  expect(isStillRunning({ ...record, command: '/usr/bin/other-program' })).toBe(false);
  await proc.stop();
  expect(isStillRunning(record)).toBe(false);
});

test('leftovers are stopped with one line each, clients first; files of processes gone are just removed', async () => {
  const worker = await sleeper('worker');
  const postgres = await sleeper('postgres');
  const api = await sleeper('api');
  await writeFile(pidFile(runDir, 'temporal'), JSON.stringify({ pid: worker.pid, startTime: '1', command: 'x' }));
  const { result, lines } = await captureStderr(() => stopLeftoverProcesses(runDir));
  expect(lines).toEqual([
    `dealreg: stopping api (pid ${api.pid}) left over from an earlier run`,
    `dealreg: stopping worker (pid ${worker.pid}) left over from an earlier run`,
    `dealreg: stopping postgres (pid ${postgres.pid}) left over from an earlier run`,
  ]);
  expect(result).toBe(3);
  expect([api, worker, postgres].map((proc) => isProcessAlive(proc.pid))).toEqual([false, false, false]);
  expect(await readFile(pidFile(runDir, 'temporal'), 'utf8').catch(() => 'removed')).toBe('removed');
});

test('an earlier bare pid is only trusted with a matching command hint', async () => {
  const proc = await sleeper('legacy');
  expect(isStillRunning({ pid: proc.pid, command: '' })).toBe(false);
  expect(isStillRunning({ pid: proc.pid, command: '' }, '-e setInterval')).toBe(true);
  await proc.stop();
});

test("a stack's folder is claimed by one live process; a dead claim is taken over", async () => {
  await writeFile(pidFile(runDir, supervisorPidName), JSON.stringify({ pid: 999_999_999, command: 'gone' }));
  await claimStack(runDir);
  expect((await readPidRecord(pidFile(runDir, supervisorPidName)))?.pid).toBe(process.pid);
  const other = await sleeper('other');
  const otherRecord = await readFile(pidFile(runDir, 'other'), 'utf8');
  await writeFile(pidFile(runDir, supervisorPidName), otherRecord);
  await expect(claimStack(runDir)).rejects.toThrow(`another dealreg stack (pid ${other.pid}) runs from`);
  await other.stop();
});
