import { readdirSync, readFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { startSimulation } from '../../api/simulation/jobs';
import { type StoredForReplay, snapshotOf } from '../../api/simulation-snapshots';
import { seededRandom } from '../../bench/dealreg/customers';
import { modelPolicies } from '../../bench/dealreg/partners';
import { storedRegistration } from '../../bench/growth/documents';
import { Distributor } from '../../db/partners';
import { Registration, registrationListKeys } from '../../db/registrations';
import { ReplayRecord, type ReplayRecordDoc, recordReplayEnd, snapshotsOfRecord } from '../../db/replay-records';
import { highestSequence, sequenceHint } from '../../db/sequences';
import { findSimulationJob, type SimulationJobDoc, SimulationLock } from '../../db/simulation-jobs';
import { policySchema } from '../../domain/policy/schema';
import { simulatePolicy } from '../../domain/simulation';
import { eventually, quietLogger } from '../support/harness';
import { type ApiTest, freshSubmission, startApiTest, submitAndWait } from './api-support';

const SEEDED = 5000;

/** The nice value in a /proc stat file (field 19). */
function niceOf(statFile: string): number {
  const stat = readFileSync(statFile, 'utf8');
  return Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[16]);
}

/** Threads of this process (the API under test runs in it) whose nice value is `nice`. */
function threadsOfThisProcessAtNice(nice: number): number {
  return readdirSync('/proc/self/task').filter((tid) => niceOf(`/proc/self/task/${tid}/stat`) === nice).length;
}
/** FerretDB on a busy shared machine reads a few thousand registrations a second at worst. */
const SIMULATION_WAIT_MS = 150_000;
const candidate = policySchema.parse({
  model: 'hybrid',
  routes: [{ when: { segments: ['federal-dod', 'education'] }, distributors: ['dist-b'] }],
});

let api: ApiTest;
let server: Server;
let baseUrl: string;

/** Stored registrations as the workflow leaves them, listed and numbered after the real ones. */
async function seedRegistrations(count: number): Promise<void> {
  const first = (await highestSequence()) + 1;
  const random = seededRandom(7);
  const benchPolicy = policySchema.parse(modelPolicies.open);
  const now = Date.now();
  for (let from = 0; from < count; from += 500) {
    const docs = Array.from({ length: Math.min(500, count - from) }, (_, i) => {
      const doc = storedRegistration(from + i, random, benchPolicy, now);
      const sequence = first + from + i;
      return { ...doc, _id: `${doc._id}_sim`, sequence, listKeys: registrationListKeys({ ...doc, sequence }) };
    });
    await Registration.insertMany(docs, { lean: true });
  }
  await sequenceHint.raise(first + count - 1);
}

/** The same replay, in memory, over everything stored: what the job must report. */
async function simulatedInMemory() {
  const docs = await Registration.find({ sequence: { $exists: true } })
    .lean<StoredForReplay[]>()
    .exec();
  const distributors = (await Distributor.find().sort({ _id: 1 }).lean().exec()).map((d) => ({
    id: d._id,
    name: d.name,
  }));
  return simulatePolicy({
    policy: candidate,
    label: 'candidate policy',
    registrations: docs.map(snapshotOf),
    partners: { distributors },
    maxChanges: 500,
  });
}

const readJob = async (id: string) =>
  (await api.call({ as: 'channel-manager', method: 'get', path: `/api/v1/policy/simulations/${id}` })).body;

const ended = (id: string) =>
  eventually(
    async () => {
      const job = await readJob(id);
      return job.status === 'running' ? undefined : job;
    },
    `simulation ${id} to end`,
    SIMULATION_WAIT_MS,
  );

beforeAll(async () => {
  api = await startApiTest('policy-simulation');
  await submitAndWait(api, freshSubmission());
  const federal = freshSubmission();
  federal.customer.segment = 'federal-dod';
  await submitAndWait(api, federal);
  await seedRegistrations(SEEDED);
  server = createServer(api.app);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  baseUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
}, 180_000);

afterAll(async () => {
  await new Promise((resolve) => server?.close(resolve));
  await api?.shutdown();
});

test('a simulation runs as a job off the event loop, refuses a second one, and reports what the pure replay reports', async () => {
  const started = await api.call({
    as: 'admin',
    method: 'post',
    path: '/api/v1/policy/simulate',
    body: { policy: candidate },
  });
  expect(started.status).toBe(202);
  expect(started.headers.location).toBe(`/api/v1/policy/simulations/${started.body.id}`);
  expect(started.body).toMatchObject({ status: 'running', partial: false });

  const second = await api.call({
    as: 'channel-manager',
    method: 'post',
    path: '/api/v1/policy/simulate',
    body: { policy: candidate },
  });
  expect(second.status).toBe(409);
  expect(second.headers['content-type']).toMatch(/^application\/problem\+json/);
  expect(second.body.detail).toContain(started.body.id);

  // While it runs, the API keeps answering: the replay must not hold the event loop, and its thread
  // yields the cores to the requests (SIMULATION_THREAD_NICE, 10 by default). How fast it answers is
  // the benchmark's to measure (npm run bench, "Policy simulation"), not a test's.
  let answered = 0;
  let nicedThreads = 0;
  const loweredNice = Math.min(19, niceOf('/proc/self/stat') + 10);
  let job: { status: string; progress: { read: number; totalEstimate: number } } = started.body;
  while (job.status === 'running') {
    const health = await fetch(`${baseUrl}/healthz`);
    await health.arrayBuffer();
    answered += 1;
    if (answered % 10 === 0) job = await readJob(started.body.id);
    if (answered % 10 === 1) nicedThreads = Math.max(nicedThreads, threadsOfThisProcessAtNice(loweredNice));
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
  expect(answered).toBeGreaterThan(20);
  expect(nicedThreads).toBe(1);

  const done = await ended(started.body.id);
  expect(done.status).toBe('done');
  expect(done.partial).toBe(false);
  expect(done.progress.read).toBe(SEEDED + 2);
  expect(done.progress.totalEstimate).toBe(SEEDED + 2);
  expect(done.report).toEqual(await simulatedInMemory());
  expect(done.report.registrations).toBe(SEEDED + 2);
  expect(await SimulationLock.countDocuments().exec()).toBe(0);
}, 180_000);

test('settled buckets are read from their replay records, with ends written after them, as the registrations tell', async () => {
  // The first simulation wrote the records of the closed buckets it found settled (all of them: the
  // seeded registrations are all decided), so this one reads those instead of the registrations.
  const records = await ReplayRecord.find().lean<ReplayRecordDoc[]>().exec();
  expect(records.length).toBeGreaterThanOrEqual(Math.floor(SEEDED / 128) - 2);
  // Deflated (format 2) and read back through the server's binary type.
  expect(records.every((record) => record.format === 2 && record.snapshots === undefined)).toBe(true);
  const recorded = records.flatMap(snapshotsOfRecord);
  const live = recorded.find(
    (snapshot) => snapshot.actual.endStatus === undefined && snapshot.actual.status === 'approved',
  );
  expect(live).toBeDefined();
  // It ends after its record was written: its workflow writes the end (db/decision-log.ts) once.
  const endedAt = new Date();
  const registration = await Registration.findOneAndUpdate(
    { _id: live!.id },
    { $set: { status: 'won', endedAt } },
    { new: true, lean: true },
  ).exec();
  await recordReplayEnd(registration!, endedAt.toISOString());
  // A record of a format this release does not know (as a newer release would write) is passed over:
  // its bucket is read from the registrations, and the report is the same.
  const unknown = records.find((record) => record.bucket === 1)!;
  await ReplayRecord.deleteOne({ _id: unknown._id }).exec();
  await ReplayRecord.collection.insertOne({ ...unknown, format: 99, packed: 'not ours' } as never);

  const started = await api.call({
    as: 'admin',
    method: 'post',
    path: '/api/v1/policy/simulate',
    body: { policy: candidate },
  });
  expect(started.status).toBe(202);
  const done = await ended(started.body.id);
  expect(done.status).toBe('done');
  expect(done.report).toEqual(await simulatedInMemory());

  const csv = await fetch(`${baseUrl}/api/v1/policy/simulations/${started.body.id}/changes.csv`, {
    headers: { authorization: `Bearer ${api.keys.admin}` },
  });
  expect(csv.status).toBe(200);
  expect(csv.headers.get('content-type')).toMatch(/^text\/csv/);
  const lines = (await csv.text()).split('\r\n').filter((line) => line.length > 0);
  expect(lines).toHaveLength(1 + done.report.changes.length);
  expect(lines.every((line) => line.startsWith('"') && line.endsWith('"'))).toBe(true);
}, 180_000);

test('a simulation past its time limit ends timed-out with a partial report, and frees the lock', async () => {
  const job = await startSimulation({
    setup: { policy: candidate, label: 'tiny limit', partners: { distributors: [] }, maxChanges: 5 },
    requestedBy: 'test',
    timeLimitMs: 1,
    threadNice: 0,
    logger: quietLogger,
  });
  const endedJob = await eventually(async () => {
    const found = await findSimulationJob(job._id);
    return found && found.status !== 'running' ? found : undefined;
  }, 'the timed-out job');
  expect(endedJob.status).toBe('timed-out');
  expect(endedJob.partial).toBe(true);
  expect(endedJob.report?.registrations).toBeLessThan(SEEDED + 2);
  const view = await readJob(job._id);
  expect(view).toMatchObject({ status: 'timed-out', partial: true });
  await eventually(async () => ((await SimulationLock.countDocuments().exec()) === 0 ? true : undefined), 'lock');
});

test('a lock left behind by a simulation that died is taken over once it has expired', async () => {
  await SimulationLock.create({ _id: 'current', jobId: 'sim_dead', expiresAt: new Date(Date.now() + 60_000) });
  const refused = await api.call({
    as: 'admin',
    method: 'post',
    path: '/api/v1/policy/simulate',
    body: { policy: candidate },
  });
  expect(refused.status).toBe(409);
  await SimulationLock.updateOne({ _id: 'current' }, { $set: { expiresAt: new Date(Date.now() - 1000) } }).exec();
  const started = await api.call({
    as: 'admin',
    method: 'post',
    path: '/api/v1/policy/simulate',
    body: { policy: candidate },
  });
  expect(started.status).toBe(202);
  const done: SimulationJobDoc & { id: string } = await ended(started.body.id);
  expect(done.status).toBe('done');
}, 180_000);

test('an unknown simulation is 404', async () => {
  const missing = await api.call({ as: 'admin', method: 'get', path: '/api/v1/policy/simulations/sim_nope' });
  expect(missing.status).toBe(404);
});
