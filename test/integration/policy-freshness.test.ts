import { randomBytes } from 'node:crypto';
import type { Client } from '@temporalio/client';
import { connectDatabase, disconnectDatabase, ensureIndexes } from '../../db/connection';
import { publishPolicy } from '../../db/policies';
import { policySchema } from '../../domain/policy/schema';
import type { ManagedProcess } from '../../scripts/dev-stack/processes';
import { submitRegistration } from '../../services/submit-registration';
import { connectTemporalClient } from '../../services/temporal';
import { publishTestPolicy, seedPartners, submission } from '../support/fixtures';
import { testDatabaseUri } from '../support/harness';
import { runDirFor, type ServiceTarget, startWorkerProcess } from '../support/service-processes';

/**
 * The promise for policy changes, across processes: a submission whose request starts after the
 * publication answered is decided under that version. The registrations are stored by a worker in
 * another OS process (its own cache of policies, warmed by a submission just before each publication);
 * this process publishes, then submits at once.
 */
jest.setTimeout(180_000);

let target: ServiceTarget;
let temporal: Client;
let worker: ManagedProcess;

beforeAll(async () => {
  const temporalAddress = process.env.TEMPORAL_ADDRESS;
  if (!temporalAddress) throw new Error('TEMPORAL_ADDRESS is not set: run the integration tests through jest');
  target = {
    temporalAddress,
    mongodbUri: testDatabaseUri('policy_fresh'),
    taskQueue: `test-policy-fresh-${randomBytes(4).toString('hex')}`,
    runDir: runDirFor(`policy-fresh-${randomBytes(3).toString('hex')}`),
  };
  await connectDatabase(target.mongodbUri);
  await ensureIndexes();
  await seedPartners();
  await publishTestPolicy();
  temporal = await connectTemporalClient({ TEMPORAL_ADDRESS: temporalAddress, TEMPORAL_NAMESPACE: 'default' });
  worker = await startWorkerProcess(target, temporal, 'policy-fresh-worker');
});

afterAll(async () => {
  await worker?.stop().catch(() => undefined);
  await temporal?.connection.close();
  await disconnectDatabase();
});

const submit = async () =>
  (
    await submitRegistration(
      { temporal, taskQueue: target.taskQueue, acceptanceWaitMs: 60_000 },
      'value-var',
      submission(),
    )
  ).registration;

test('a submission made right after a publication is decided under it, in another process, every time', async () => {
  const rounds = 10;
  const seen: Array<{ published: number; decidedUnder: number }> = [];
  for (let round = 0; round < rounds; round += 1) {
    await submit(); // the other process now holds the policy in force
    const published = await publishPolicy(
      policySchema.parse({ model: 'open', matching: { nameSimilarity: 0.8 + round / 100 } }),
      'test',
    );
    const registration = await submit();
    seen.push({ published: published.version, decidedUnder: registration.policyVersion });
  }
  expect(seen).toEqual(seen.map(({ published }) => ({ published, decidedUnder: published })));
});
