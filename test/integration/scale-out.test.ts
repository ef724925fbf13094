import { randomBytes } from 'node:crypto';
import type { Client } from '@temporalio/client';
import pLimit from 'p-limit';
import { loadAuditVerifier } from '../../config/audit-key';
import { config } from '../../config/config';
import { createApiKey } from '../../db/apikeys';
import { verifyAuditLog } from '../../db/audit-log';
import { connectDatabase, disconnectDatabase, ensureIndexes } from '../../db/connection';
import { Registration, type RegistrationDoc } from '../../db/registrations';
import { freePort, type ManagedProcess } from '../../scripts/dev-stack/processes';
import { brokenInvariants, checkInvariants } from '../../services/invariants';
import { connectTemporalClient } from '../../services/temporal';
import { registrationWorkflowId } from '../../workflows/definitions';
import { untilAtRest } from '../support/at-rest';
import { publishTestPolicy, seedPartners, submission, uniqueWord } from '../support/fixtures';
import { eventually } from '../support/harness';
import {
  type ApiProcess,
  killProcess,
  ownServiceTarget,
  type ServiceTarget,
  scrapeCounter,
  startApiProcess,
  startWorkerProcess,
} from '../support/service-processes';

/**
 * Scale-out as it is deployed: two API processes and two worker processes (separate OS processes) on
 * one Temporal server and one database. A burst goes through both APIs, one worker is killed with
 * SIGKILL in the middle of it, and the survivor must decide everything, first come first served.
 */
jest.setTimeout(150_000);

const resellers = ['big-integrator', 'other-integrator', 'value-var', 'small-boutique'];
let target: ServiceTarget;
let temporal: Client;
let apis: ApiProcess[] = [];
let workers: ManagedProcess[] = [];
const keys = new Map<string, string>();
/** Registration ids derive from the reseller and the Idempotency-Key: keys of this run's own, or an earlier run's workflows answer. */
const runLabel = randomBytes(4).toString('hex');
let survivorMetricsUrl: string;

beforeAll(async () => {
  target = ownServiceTarget('scale-out');
  await connectDatabase(target.mongodbUri);
  await ensureIndexes();
  await seedPartners();
  await publishTestPolicy({
    model: 'open',
    timing: { protection: 'PT1H', expiryReminder: 'PT10M', reviewSla: 'PT1H', secondReviewSla: 'PT1H' },
  });
  for (const resellerId of resellers) {
    keys.set(resellerId, (await createApiKey({ role: 'reseller', resellerId, createdBy: 'test' })).key);
  }
  temporal = await connectTemporalClient({ TEMPORAL_ADDRESS: target.temporalAddress, TEMPORAL_NAMESPACE: 'default' });
  const metricsPort = await freePort();
  survivorMetricsUrl = `http://127.0.0.1:${metricsPort}/metrics`;
  // Started together: on two cores, one after the other would double the start-up time.
  [apis, workers] = await Promise.all([
    Promise.all([startApiProcess(target, 'api-1'), startApiProcess(target, 'api-2')]),
    Promise.all([
      startWorkerProcess(target, temporal, 'worker-1'),
      startWorkerProcess(target, temporal, 'worker-2', { WORKER_METRICS_PORT: String(metricsPort) }),
    ]),
  ]);
});

afterAll(async () => {
  for (const proc of [...apis, ...workers]) await proc.stop().catch(() => undefined);
  await temporal?.connection.close();
  await disconnectDatabase();
});

interface Planned {
  resellerId: string;
  body: ReturnType<typeof submission>;
  /** The contested deal it belongs to, if any. */
  deal?: number;
}

/** Submits as a careful client does: a 503 is repeated with the same Idempotency-Key after Retry-After. */
let repeatsAfter503 = 0;
async function post(api: ApiProcess, planned: Planned, index: number): Promise<string> {
  for (let attempt = 1; ; attempt += 1) {
    const response = await fetch(`${api.url}/api/v1/registrations`, {
      method: 'POST',
      headers: {
        authorization: `Bearer ${keys.get(planned.resellerId)}`,
        'content-type': 'application/json',
        'idempotency-key': `scale-out-${runLabel}-${index}`,
      },
      body: JSON.stringify(planned.body),
    });
    const answer = (await response.json()) as { id?: string };
    if (response.status === 202 && answer.id) return answer.id;
    if (response.status !== 503 || attempt === 20) {
      throw new Error(`POST answered ${response.status}: ${JSON.stringify(answer)}`);
    }
    repeatsAfter503 += 1;
    await new Promise((resolve) => setTimeout(resolve, Number(response.headers.get('retry-after') ?? 1) * 1000));
  }
}

test('two APIs and two workers, one worker killed with SIGKILL mid-burst: every registration decided, first come first served', async () => {
  // 40 distinct deals and 5 contested ones (each registered by all four resellers), interleaved.
  const contested = Array.from({ length: 5 }, () =>
    submission({ uei: `${uniqueWord().toUpperCase()}0000`.slice(0, 12) }),
  );
  const plan: Planned[] = [];
  for (let i = 0; i < 40; i += 1) {
    plan.push({ resellerId: resellers[i % resellers.length] as string, body: submission() });
    if (i % 2 === 1) {
      const round = (i - 1) / 2;
      const deal = round % contested.length;
      plan.push({
        resellerId: resellers[Math.floor(round / contested.length)] as string,
        body: { ...(contested[deal] as Planned['body']) },
        deal,
      });
    }
  }
  expect(plan).toHaveLength(60);

  const killed = workers[0] as ManagedProcess;
  const ids: string[] = new Array(plan.length);
  let acceptedSoFar = 0;
  let undecidedAtKill = -1;
  let awaitingAnswer = 0;
  let submissionsInFlightAtKill = 0;
  const limit = pLimit(8);
  await Promise.all(
    plan.map((planned, index) =>
      limit(async () => {
        awaitingAnswer += 1;
        ids[index] = await post(apis[index % apis.length] as ApiProcess, planned, index);
        awaitingAnswer -= 1;
        acceptedSoFar += 1;
        if (acceptedSoFar === 20) {
          killProcess(killed);
          submissionsInFlightAtKill = awaitingAnswer;
          undecidedAtKill = await Registration.countDocuments({ _id: { $in: ids.filter(Boolean) }, status: 'pending' });
        }
      }),
    ),
  );
  expect(await killed.exited).toBeNull();
  // The kill came while work was in flight (submissions being stored, or decisions still to come), not
  // after the burst had been decided.
  expect(undecidedAtKill + submissionsInFlightAtKill).toBeGreaterThan(0);

  const final = await eventually(
    async () => {
      const docs = await Registration.find({ _id: { $in: ids } })
        .lean<RegistrationDoc[]>()
        .exec();
      return docs.length === ids.length && docs.every((doc) => doc.status !== 'pending') ? docs : undefined;
    },
    `${ids.length} registrations decided by the surviving worker`,
    // Measured: the last within about 50 s of the kill (an earliest check's attempt ran into its 30 s timeout).
    90_000,
  );
  const byId = new Map(final.map((doc) => [doc._id, doc]));
  for (let deal = 0; deal < contested.length; deal += 1) {
    const group = plan.flatMap((p, index) =>
      p.deal === deal ? [byId.get(ids[index] as string) as RegistrationDoc] : [],
    );
    expect(group).toHaveLength(4);
    const first = group.reduce((a, b) => ((a.sequence as number) < (b.sequence as number) ? a : b));
    expect(group.map((doc) => [doc.sequence, doc.status])).toEqual(
      group.map((doc) => [doc.sequence, doc === first ? 'approved' : 'rejected']),
    );
  }
  for (const [index, planned] of plan.entries()) {
    if (planned.deal === undefined) expect(byId.get(ids[index] as string)?.status).toBe('approved');
  }
  // Submissions caught by the kill waited for another worker to take their workflow over: some may
  // have been answered 503 first, and their repeats returned the same registration (counted above).
  process.stderr.write(`scale-out: ${repeatsAfter503} submission(s) repeated after a 503\n`);
  await untilAtRest(temporal, ids.map(registrationWorkflowId));
  const report = await checkInvariants(temporal, ids, { everyDecided: true });
  expect(brokenInvariants(report)).toEqual([]);
  // Both workers appended to the one global audit log, each from its own last entry: it still chains.
  const verifier = loadAuditVerifier(config());
  const log = await verifyAuditLog(verifier.publicKey, verifier.keyId);
  expect(log.problems).toEqual([]);
  expect(log.entries).toBeGreaterThanOrEqual(60);

  // Each process counts its own round trips: the API its Temporal RPCs (one per submission: the
  // workflow stores the registration), the surviving worker (its metrics endpoint turned on) the
  // commands of the registrations it stored and the decisions it wrote.
  for (const api of apis) {
    expect(await scrapeCounter(`${api.url}/metrics`, 'dealreg_temporal_rpcs_total')).toBeGreaterThanOrEqual(30);
  }
  expect(await scrapeCounter(survivorMetricsUrl, 'dealreg_db_commands_total', 'command="insert"')).toBeGreaterThan(0);
  expect(await scrapeCounter(survivorMetricsUrl, 'dealreg_db_commands_total', 'command="update"')).toBeGreaterThan(0);
});
