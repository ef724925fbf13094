import { randomBytes } from 'node:crypto';
import { installStopHandlers } from '../scripts/dev-stack/shutdown';
import { progress } from '../scripts/dev-stack/stack';
import type { GrowthResult } from './growth/run';
import { runGrowth } from './growth/run';
import { importGoalChecks, runImportPhase } from './imports/phase';
import { stopAllChildren } from './infra/children';
import { stopEverything } from './infra/cleanup';
import { configurations } from './infra/configurations';
import { startBenchPostgres } from './infra/stack';
import { runLoadBench } from './load-bench';
import { migrationGoalChecks, runMigrationPhase } from './migration/phase';
import { parseOptions } from './options';
import { checkGoals } from './report/goals';
import { describeMachine } from './report/machine';
import { type BenchReport, reportName, writeReport } from './report/report';
import { renderTable } from './report/table';
import { type InsightsBenchResult, runInsightsBench } from './simulation/insights';
import { runSimulationBench, type SimulationBenchResult } from './simulation/run';
import { runSweep } from './sweep';

/**
 * `npm run bench`: starts its own Temporal dev server and FerretDB (ports 27233 and 47017, data in
 * .data/bench), measures the baselines and the registrations through the API, the conflict check's
 * growth, checks the invariants, prints a table and writes a JSON report. See docs/BENCHMARK.md.
 */
async function main(): Promise<void> {
  const options = parseOptions(process.argv.slice(2));
  // The growth phase records decisions in this process, and decisions are signed: a key for this run only.
  if (!process.env.DEALREG_AUDIT_KEY && !process.env.DEALREG_AUDIT_KEY_FILE) {
    process.env.DEALREG_AUDIT_KEY = randomBytes(32).toString('base64');
  }
  const loadConfigurations = options.sweep ? options.sweepConfigurations : [options.configuration];
  const needsPostgres =
    ((options.sweep || options.phases.includes('load')) &&
      loadConfigurations.some((name) => configurations[name].ferretDbBackend === 'postgresql')) ||
    (!options.sweep && options.phases.includes('growth') && options.growthBackends.includes('postgresql')) ||
    (!options.sweep && (options.phases.includes('simulation') || options.phases.includes('insights'))) ||
    (!options.sweep &&
      (options.phases.includes('import') || options.phases.includes('migration')) &&
      !process.env.TEMPORAL_ADDRESS);
  // Started once for the whole run (stopped on exit by stopEverything), as npm start has one.
  if (needsPostgres) options.postgresUrl = await startBenchPostgres(options.postgresUrl, options.durable);
  if (options.sweep) return runSweep(options);
  const startedAt = new Date();
  const machine = describeMachine();
  const configuration = { name: options.configuration, ...configurations[options.configuration] };
  progress(`benchmark: configuration ${configuration.name}; load average ${machine.loadAverageAtStart.toFixed(2)}`);

  const load = options.phases.includes('load')
    ? await runLoadBench(options, configuration, options.pacedSeconds > 0)
    : undefined;
  const growth: GrowthResult[] = [];
  const growthBackends =
    options.phases.includes('growth') && options.growthSizes.length > 0 ? options.growthBackends : [];
  for (const backend of growthBackends) {
    growth.push(
      await runGrowth({
        backend,
        sizes: options.growthSizes,
        seedMinutes: options.growthSeedMinutes,
        checks: options.growthChecks,
        checkSeconds: options.growthCheckSeconds,
        postgresUrl: options.postgresUrl,
      }),
    );
  }
  let simulation: SimulationBenchResult | undefined;
  if (options.phases.includes('simulation') && options.postgresUrl) {
    simulation = await runSimulationBench({
      size: options.simulationSize,
      seedMinutes: options.simulationSeedMinutes,
      postgresUrl: options.postgresUrl,
    });
  }
  let insights: InsightsBenchResult | undefined;
  if (options.phases.includes('insights') && options.postgresUrl) {
    insights = await runInsightsBench({
      rebuild: options.insightsRebuild,
      profile: options.profile,
      size: options.simulationSize,
      seedMinutes: options.simulationSeedMinutes,
      postgresUrl: options.postgresUrl,
    });
  }
  const imports = options.phases.includes('import') ? await runImportPhase(options) : undefined;
  const migration = options.phases.includes('migration') ? await runMigrationPhase(options) : undefined;
  machine.loadAverageAtEnd = describeMachine().loadAverageAtStart;
  const report: BenchReport = {
    startedAt: startedAt.toISOString(),
    finishedAt: new Date().toISOString(),
    machine,
    options,
    configuration,
    load,
    growth,
    simulation,
    insights,
    imports,
    migration,
    goals: [
      ...checkGoals(load, growth, simulation, insights),
      ...importGoalChecks(imports),
      ...migrationGoalChecks(migration),
    ],
  };
  const file = await writeReport(report, reportName('report', startedAt));
  process.stdout.write(renderTable(report));
  process.stdout.write(`\nreport: ${file}\n`);
}

// Before anything starts: a signal at any moment stops what the benchmark started (within the stop budget).
installStopHandlers({
  say: progress,
  signalExitCode: 130,
  stop: async () => {
    await stopAllChildren();
    await stopEverything();
  },
});

main().then(
  async () => {
    await stopEverything(); // the PostgreSQL started for the whole run
    process.exit(0);
  },
  async (error) => {
    process.stderr.write(`bench: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
    await stopAllChildren();
    await stopEverything();
    process.exit(1);
  },
);
