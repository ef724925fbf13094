import { rm } from 'node:fs/promises';
import { setTimeout as sleep } from 'node:timers/promises';
import { isStillRunning, pidFile, readPidRecord, supervisorPidName } from '../../scripts/dev-stack/pid-files';
import { findPostgresBinDir } from '../../scripts/dev-stack/postgres';
import { terminate } from '../../scripts/dev-stack/processes';
import { runDirOf, stopLeftoversOf } from '../../scripts/dev-stack/stack';
import { ensureTool } from '../../scripts/dev-stack/tools';
import { submission } from '../support/fixtures';
import { adminKey, apiUrl, call, openPorts, profile, StackRun, say } from './stack-run';

/**
 * npm start itself, on a profile of its own (ports 19xxx, data in .data/supervisor-test), durable as the
 * dev profile is. One stack at a time, each test continuing from the last: a start costs half a minute
 * on two cores, so as few as prove the point.
 */
const START_MS = 360_000;
const STOP_MS = 60_000;
const runDir = runDirOf(profile);
const runs: StackRun[] = [];
let resellerKey = '';

function start(label: string): StackRun {
  say(`[${label}] starting npm start (profile ${profile.name})`);
  const run = new StackRun(label);
  runs.push(run);
  return run;
}

/** The pid a pid file of the running stack names. */
async function recordedPid(name: string): Promise<number> {
  const record = await readPidRecord(pidFile(runDir, name));
  if (!record) throw new Error(`no ${name}.pid in ${runDir}`);
  return record.pid;
}

/** The stop is over when bootstrap has exited; then nothing of the run may be left, and no port held. */
async function expectStoppedCleanly(run: StackRun): Promise<void> {
  const { code } = await run.exited;
  say(`[${run.label}] exited (code ${code}); checking /proc for its processes`);
  expect({ left: run.processesLeft(), ports: await openPorts() }).toEqual({ left: [], ports: [] });
  expect(run.output).toMatch(/dealreg: stopped/);
}

/** Submits as a careful client does: a 503 (no worker yet) is repeated with the same Idempotency-Key. */
async function submitUntilAccepted(idempotencyKey: string): Promise<string> {
  const body = submission();
  for (;;) {
    const answer = await call('/api/v1/registrations', resellerKey, {
      method: 'POST',
      body,
      headers: { 'idempotency-key': idempotencyKey },
    });
    if (answer.status === 202 || answer.status === 200) return answer.body.id as string;
    expect(answer.status).toBe(503);
    await sleep(1_000);
  }
}

async function decidedStatus(id: string): Promise<string> {
  for (;;) {
    const { body } = await call(`/api/v1/registrations/${id}`, resellerKey);
    if (body.status !== 'pending') return body.status as string;
    await sleep(500);
  }
}

beforeAll(async () => {
  // Built once per machine, usually by the integration tests' set-up already; not a start's to pay for.
  await ensureTool('temporal');
  await ensureTool('ferretdb');
  // A test run killed half-way leaves its stack: found the same way npm start finds one.
  const supervisor = await readPidRecord(pidFile(runDir, supervisorPidName));
  if (supervisor && isStillRunning(supervisor))
    await terminate(supervisor.pid, 20_000, { signal: 'SIGTERM', group: false });
  await stopLeftoversOf(profile);
  await rm(profile.dataDir, { recursive: true, force: true });
}, 1_800_000);

afterAll(async () => {
  for (const run of runs) {
    try {
      run.signalGroup('SIGKILL');
    } catch {
      /* ended */
    }
  }
  await stopLeftoversOf(profile);
});

test(
  'SIGTERM during start-up stops every process started so far',
  async () => {
    const run = start('during start-up');
    // Temporal and PostgreSQL run by then, FerretDB is starting.
    await run.waitForOutput(/starting FerretDB/, START_MS);
    run.signalGroup('SIGTERM');
    await expectStoppedCleanly(run);
  },
  START_MS + STOP_MS,
);

describe('a started stack', () => {
  let run: StackRun;

  test(
    'the next start comes up, and prints its URLs once a registration can be taken',
    async () => {
      run = start('running');
      await run.waitForOutput(/dealreg is running/, START_MS);
      const ready = await fetch(`${apiUrl}/readyz`);
      expect(await ready.json()).toMatchObject({ status: 'ready', checks: { worker: true } });
      const created = await call('/api/v1/api-keys', adminKey, {
        method: 'POST',
        body: { role: 'reseller', resellerId: 'riverbend-var' },
      });
      expect(created.status).toBe(201);
      resellerKey = created.body.key as string;
    },
    START_MS,
  );

  test(
    'a worker killed with SIGKILL is restarted, and registrations submitted meanwhile are decided',
    async () => {
      const killed = await recordedPid('worker');
      process.kill(-killed, 'SIGKILL');
      await run.waitForOutput(/worker exited unexpectedly \(signal SIGKILL\); restarting it/, 30_000);
      const ids = await Promise.all(['a', 'b', 'c'].map((key) => submitUntilAccepted(`while-restarting-${key}`)));
      expect(await Promise.all(ids.map(decidedStatus))).toEqual(['approved', 'approved', 'approved']);
      expect(await recordedPid('worker')).not.toBe(killed);
      expect(run.output).not.toMatch(/keeps crashing/);
    },
    START_MS,
  );

  test(
    'SIGTERM while submissions are in flight stops every process',
    async () => {
      let accepted = 0;
      let submitting = true;
      const submitter = async (lane: number) => {
        for (let i = 0; submitting; i += 1) {
          const answer = await call('/api/v1/registrations', resellerKey, {
            method: 'POST',
            body: submission(),
            headers: { 'idempotency-key': `load-${lane}-${i}` },
          }).catch(() => undefined);
          if (answer?.status === 202) accepted += 1;
          if (!answer) await sleep(200); // the API has stopped listening
        }
      };
      const lanes = [0, 1, 2, 3].map(submitter);
      while (accepted < 4) await sleep(100);
      run.signalGroup('SIGTERM');
      await expectStoppedCleanly(run);
      submitting = false;
      await Promise.all(lanes);
    },
    START_MS,
  );
});

describe('a supervisor killed with SIGKILL', () => {
  let killed: StackRun;

  test(
    'leaves its processes running',
    async () => {
      killed = start('killed');
      // The servers are up and the worker is starting once its pid file is there.
      const deadline = Date.now() + START_MS;
      while (!(await readPidRecord(pidFile(runDir, 'worker'))) && Date.now() < deadline) await sleep(200);
      process.kill(await recordedPid(supervisorPidName), 'SIGKILL');
      await killed.exited;
      expect(killed.processesLeft().length).toBeGreaterThan(0);
    },
    START_MS,
  );

  test(
    'the next start stops them, each named in one line, comes up, and stops when idle',
    async () => {
      const next = start('after the kill');
      await next.waitForOutput(/dealreg is running/, START_MS);
      // Without PostgreSQL binaries FerretDB stores into SQLite, and there is no PostgreSQL to stop.
      const servers = findPostgresBinDir() ? ['temporal', 'postgres', 'ferretdb'] : ['temporal', 'ferretdb'];
      for (const name of [...servers, 'worker'])
        expect(next.output).toMatch(new RegExp(`stopping ${name} \\(pid \\d+\\) left over from an earlier run`));
      expect(killed.processesLeft()).toEqual([]);
      next.signalGroup('SIGTERM');
      await expectStoppedCleanly(next);
    },
    START_MS + STOP_MS,
  );
});
