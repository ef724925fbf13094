import { randomBytes } from 'node:crypto';
import fc from 'fast-check';
import { publishPolicy } from '../../db/policies';
import { policySchema } from '../../domain/policy/schema';
import { brokenInvariants, checkInvariants } from '../../services/invariants';
import { untilClosed } from '../support/at-rest';
import { seedPartners } from '../support/fixtures';
import { startTestSystem, type TestSystem } from '../support/harness';
import { lifecycleCommands, openingSubmissions } from '../support/model/arbitraries';
import { KillableWorker } from '../support/model/killable-worker';
import { describeVariant, type PolicyVariant, policyOf, policyVariantArb } from '../support/model/policies';
import { type Model, type Real, readRegistration } from '../support/model/state';
import { runDirFor } from '../support/service-processes';

/**
 * Issue 20, point 4: a model test of a registration's life against the real stack. fast-check draws
 * sequences of submissions (fresh, same and similar customers; identifiers, domains and names; every
 * allocation model and route; bursts of one deal at once), withdrawals, extensions, closes, reviews, time
 * passing, policy changes and a worker process killed; the model checks what it can predict as it goes, and once the sequence's lives
 * are over (bounded by the policy's timings of seconds) every invariant must hold. A failure prints the
 * seed and path that reproduce it: `npm run check:model -- --seed <seed> --path <path>`, which also runs
 * as many sequences as asked (`--runs`).
 */
const settings = {
  runs: Number(process.env.DEALREG_MODEL_RUNS ?? 5),
  commands: Number(process.env.DEALREG_MODEL_COMMANDS ?? 20),
  seed: process.env.DEALREG_MODEL_SEED
    ? Number(process.env.DEALREG_MODEL_SEED)
    : Date.now() ^ (Math.random() * 2 ** 31),
  path: process.env.DEALREG_MODEL_PATH,
  replayPath: process.env.DEALREG_MODEL_REPLAY,
};
/** A sequence's lives end within its timings (6 s of protection, an extension, reviews of 2 + 2 s each), or a killed worker's. */
const AT_REST_WITHIN_MS = 120_000;
jest.setTimeout(60_000 + settings.runs * 240_000);

const began = Date.now();
const log = (line: string) => process.stderr.write(`model +${Math.round((Date.now() - began) / 1000)}s: ${line}\n`);
let system: TestSystem;
let real: Real;

beforeAll(async () => {
  system = await startTestSystem('model');
  await seedPartners();
  const target = {
    temporalAddress: process.env.TEMPORAL_ADDRESS as string,
    mongodbUri: system.mongodbUri,
    taskQueue: system.taskQueue,
    runDir: runDirFor(`model-${randomBytes(3).toString('hex')}`),
  };
  const worker = new KillableWorker(target, system.temporal);
  await worker.start();
  real = { system, worker, accepted: [], log };
});

afterAll(async () => {
  await real?.worker.stop();
  await system?.shutdown();
});

let runs = 0;

/** One sequence from a fresh policy: its commands, then its lives over, then every invariant. */
async function runSequence(
  variant: PolicyVariant,
  opening: readonly fc.AsyncCommand<Model, Real>[],
  commands: Iterable<fc.AsyncCommand<Model, Real>>,
): Promise<void> {
  runs += 1;
  const published = await publishPolicy(policySchema.parse(policyOf(variant)), 'model-test');
  log(`sequence ${runs}: ${describeVariant(variant)} (version ${published.version})`);
  const model: Model = { variant, policyVersion: published.version, customers: [], registrations: [], kills: 0 };
  await fc.asyncModelRun(() => ({ model, real }), [...opening, ...commands]);

  const ids = model.registrations.map((r) => r.id);
  const ended = Date.now();
  const over = await untilClosed(system.temporal, ids, AT_REST_WITHIN_MS).then(
    () => undefined,
    (error: Error) => error.message,
  );
  const report = await checkInvariants(system.temporal, real.accepted, {
    everyDecided: true,
    exhaustive: true,
    deadlineMarginMs: 15_000,
  });
  const statuses = await Promise.all(model.registrations.map((r) => readRegistration(r.id)));
  const counts = statuses.reduce<Record<string, number>>((all, doc) => {
    all[doc.status] = (all[doc.status] ?? 0) + 1;
    return all;
  }, {});
  log(
    `sequence ${runs}: ${ids.length} registrations ${JSON.stringify(counts)}, at rest after ${Math.round((Date.now() - ended) / 1000)} s; ${report.ok ? 'invariants hold' : 'INVARIANTS BROKEN'}`,
  );
  expect({ over, broken: brokenInvariants(report) }).toEqual({ over: undefined, broken: [] });
  // An end the model caused stays the registration's end.
  const ends = model.registrations.filter((r) => r.endedAs);
  expect(ends.map((r) => [r.id, statuses[model.registrations.indexOf(r)]?.status])).toEqual(
    ends.map((r) => [r.id, r.endedAs]),
  );
}

test('random lives of registrations keep every promise of the lifecycle', async () => {
  log(`${settings.runs} sequence(s) of up to ${settings.commands} commands, seed ${settings.seed}`);
  await fc.assert(
    fc.asyncProperty(
      policyVariantArb,
      openingSubmissions,
      lifecycleCommands(settings.commands, settings.replayPath),
      runSequence,
    ),
    {
      numRuns: settings.runs,
      seed: settings.seed,
      ...(settings.path ? { path: settings.path } : {}),
      // Each sequence takes tens of seconds: report the first failure with its seed and path, unshrunk.
      endOnFailure: true,
    },
  );
});
