import { mkdir, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { bundleWorkflowCode } from '@temporalio/worker';
import mongoose from 'mongoose';
import { connectApiTemporalClient } from '../api/temporal';
import { connectDatabase, disconnectDatabase } from '../db/connection';
import { type AllocationModel, allocationModels } from '../domain/policy/schema';
import { addSqliteMatchingIndexes } from '../scripts/dev-stack/ferretdb-matching-indexes';
import { progress } from '../scripts/dev-stack/stack';
import { runDriverTwin } from './baseline/driver-twin';
import { benchProcess, processOf, runBareExpress, runBaselineWorkflows, withBaselineWorker } from './baseline/phase';
import { runShapeTwin } from './baseline/shape-twin';
import { seededRandom } from './dealreg/customers';
import { MixPlanner, type PlannedRegistration } from './dealreg/mix';
import { startDealregProcesses } from './dealreg/processes';
import { runDealreg } from './dealreg/run-dealreg';
import { stopAllChildren } from './infra/children';
import type { Configuration } from './infra/configurations';
import { pidsNamed, type WatchedProcess } from './infra/proc-stats';
import { FERRETDB_DEBUG_PORT, liveDir, startBenchStack } from './infra/stack';
import type { BenchOptions } from './options';
import { type ProfileSummary, summarizeCpuProfiles } from './report/cpu-profile';
import { phaseFigures, ratiosOf } from './report/figures';
import { captureGoProfile } from './report/go-profile';
import type { LoadFigures, TwinFigures } from './report/load-figures';

const silentLogger = { info() {}, warn() {}, error() {}, debug() {}, trace() {}, log() {} };

/** Bundled once before the workers start, so that webpack's peak is not counted as the workers' memory. */
async function bundle(workflowsPath: string, name: string): Promise<string> {
  const { code } = await bundleWorkflowCode({ workflowsPath, logger: silentLogger });
  const file = path.join(liveDir, name);
  await writeFile(file, code);
  return file;
}

/**
 * One configuration's load measurements, on servers started for it: the yardsticks (bare Express, the
 * no-op workflow, the shape twin, the driver twin), then the registrations through the API (saturation
 * per model, then paced at half that saturation), then the invariant check.
 */
export async function runLoadBench(
  options: BenchOptions,
  configuration: Configuration,
  paced: boolean,
): Promise<LoadFigures> {
  const stack = await startBenchStack(configuration, options.postgresUrl, options.durable);
  const runLabel = `run${Date.now().toString(36)}`;
  const database = 'dealreg_bench';
  const mongodbUri = `${stack.mongodbUri}/${database}`;
  const temporal = await connectApiTemporalClient({
    TEMPORAL_ADDRESS: stack.temporalAddress,
    TEMPORAL_NAMESPACE: 'default',
  });
  try {
    await connectDatabase(mongodbUri);
    await mongoose.connection.dropDatabase();
    progress('bundling the workflow code');
    const workflowBundle = await bundle(require.resolve('../workflows'), 'dealreg-workflows.js');
    const baselineBundle = await bundle(require.resolve('./baseline/workflows'), 'baseline-workflows.js');

    const servers: WatchedProcess[] = [
      processOf('temporal', stack.temporal),
      processOf('ferretdb', stack.ferretDb),
      ...(configuration.ferretDbBackend === 'postgresql'
        ? [{ label: 'postgresql', pids: () => pidsNamed('postgres') }]
        : []),
      benchProcess,
    ];
    const planner = new MixPlanner(seededRandom(options.seed));
    const plans = new Map<AllocationModel, PlannedRegistration[]>(
      allocationModels.map((model) => [model, planner.plan(model, options.perModel)]),
    );
    const bodies = allocationModels.flatMap((model) => (plans.get(model) ?? []).map((planned) => planned.body));
    const bare = await runBareExpress({
      bodies,
      concurrency: options.concurrency,
      maxSeconds: options.maxPhaseSeconds,
    });
    // The no-op workflow and the shape twin on one baseline worker, one after the other.
    const { workflows, shapeTwin } = await withBaselineWorker(
      { temporalAddress: stack.temporalAddress, bundlePath: baselineBundle },
      async (worker) => {
        const common = { client: temporal, worker, concurrency: options.concurrency, runLabel, servers };
        return {
          workflows: await runBaselineWorkflows({
            ...common,
            count: bodies.length,
            maxSeconds: options.maxPhaseSeconds,
          }),
          shapeTwin: await runShapeTwin({ ...common, bodies, maxSeconds: options.maxPhaseSeconds }),
        };
      },
    );
    const driverTwin = await runDriverTwin({
      mongodbUri: `${stack.mongodbUri}/dealreg_driver_twin`,
      bodies,
      concurrency: options.concurrency,
      maxSeconds: options.maxPhaseSeconds,
      servers,
    });
    const baseline = {
      bareExpress: phaseFigures('bare Express', bare.load, bare.usage),
      workflow: phaseFigures('baseline workflow', workflows.load, workflows.usage, (i) => workflows.completedAt.get(i)),
    };
    const twins: TwinFigures = {
      shape: {
        ...phaseFigures('shape twin', shapeTwin.load, shapeTwin.usage, (i) => shapeTwin.completedAt.get(i)),
        bursts: shapeTwin.bursts,
      },
      driver: {
        ...phaseFigures('driver twin', driverTwin.load, driverTwin.usage, (i) => driverTwin.completedAt.get(i)),
        bursts: driverTwin.bursts,
      },
    };

    const profileDir = options.profile ? path.join(liveDir, 'profiles') : undefined;
    if (profileDir)
      await rm(profileDir, { recursive: true, force: true }).then(() => mkdir(profileDir, { recursive: true }));
    const processes = await startDealregProcesses({
      temporalAddress: stack.temporalAddress,
      mongodbUri,
      workflowBundle,
      workerTuning: configuration.workerTuning,
      cpuProfileDir: profileDir,
    });
    if (configuration.ferretDbBackend === 'sqlite' && !configuration.withoutMatchingIndexes) {
      // The processes created every collection at start-up; the indexes go on those tables (on PostgreSQL
      // an event trigger added them as FerretDB created the tables).
      await addSqliteMatchingIndexes(path.join(liveDir, 'ferretdb', `${database}.sqlite`));
    }
    // FerretDB's own profile over the first half minute of the registrations (they start within a second).
    const ferretDbProfile = profileDir
      ? captureGoProfile(
          'ferretdb',
          `http://127.0.0.1:${FERRETDB_DEBUG_PORT}`,
          30,
          path.join(profileDir, 'ferretdb.pprof'),
        )
      : undefined;
    let dealreg: LoadFigures['dealreg'];
    try {
      dealreg = await runDealreg({
        processes,
        temporal,
        plans,
        planner,
        concurrency: options.concurrency,
        maxPhaseSeconds: options.maxPhaseSeconds,
        paced,
        pacedSeconds: options.pacedSeconds,
        soakMinutes: paced ? options.soakMinutes : 0,
        watched: [processOf('worker', processes.worker), processOf('api', processes.api), ...servers],
        runLabel,
        breakdown: true,
      });
    } finally {
      await processes.stop();
    }
    const profiles: ProfileSummary[] = [];
    if (profileDir) {
      for (const name of ['worker', 'api']) {
        profiles.push(
          await summarizeCpuProfiles(path.join(profileDir, name), name).catch((error) => ({
            process: name,
            busyMs: 0,
            byArea: [{ area: `profile unreadable: ${String(error)}`, ms: 0, share: 0 }],
            topFunctions: [],
          })),
        );
      }
    }
    const goProfiles = ferretDbProfile ? [await ferretDbProfile] : [];
    return {
      baseline,
      twins,
      dealreg,
      ratios: ratiosOf(dealreg.saturation, baseline.workflow, baseline.bareExpress),
      profiles,
      goProfiles,
    };
  } finally {
    await stopAllChildren();
    await temporal.connection.close().catch(() => undefined);
    await disconnectDatabase().catch(() => undefined);
    await stack.stop();
  }
}
