import { configurations } from '../infra/configurations';
import { startBenchStack } from '../infra/stack';
import type { BenchOptions } from '../options';
import type { GoalCheck } from '../report/goals';
import { type MigrationBenchResult, migrationGoals, runMigrationBench } from './run';

/**
 * The migration phase of `npm run bench`: against TEMPORAL_ADDRESS and MONGODB_URI when both are set
 * (servers that already run), otherwise on the bench's own servers, started for it and stopped after.
 */
export async function runMigrationPhase(options: BenchOptions): Promise<MigrationBenchResult> {
  const { TEMPORAL_ADDRESS: temporalAddress, MONGODB_URI: mongodbUri } = process.env;
  if (temporalAddress && mongodbUri)
    return runMigrationBench({ size: options.migrationSize, temporalAddress, mongodbUri });
  const stack = await startBenchStack(configurations.postgresql, options.postgresUrl, options.durable);
  try {
    return await runMigrationBench({
      size: options.migrationSize,
      temporalAddress: stack.temporalAddress,
      mongodbUri: stack.mongodbUri,
    });
  } finally {
    await stack.stop();
  }
}

const ms = (value: number | undefined) => (value === undefined ? 'n/a' : `${value.toFixed(1)} ms`);
const worstP99 = (reads: MigrationBenchResult['whileRunning']) =>
  reads ? Math.max(reads.registration.p99 ?? 0, reads.list.p99 ?? 0) : undefined;

export function migrationGoalChecks(result: MigrationBenchResult | undefined): GoalCheck[] {
  if (!result) return [];
  const atSize = result.size >= migrationGoals.size;
  const note = result.skipped ?? (atSize ? undefined : `measured at ${result.size}, not ${migrationGoals.size}`);
  const verdict = (met: boolean | undefined) => (met === false ? false : met && atSize ? true : undefined);
  const seconds = result.totalSeconds;
  const done = result.job?.status === 'done' && result.job.failed === 0;
  const p99 = worstP99(result.whileRunning);
  const before = worstP99(result.before);
  return [
    {
      goal: `${migrationGoals.size.toLocaleString('en')} registrations migrated (${migrationGoals.protectedShare * 100} % protected) within ${migrationGoals.maxSeconds / 60} minutes`,
      measured: seconds === undefined ? 'n/a' : `${result.job?.status} in ${seconds.toFixed(1)} s`,
      met: verdict(seconds === undefined ? undefined : done && seconds <= migrationGoals.maxSeconds),
      note,
    },
    {
      goal: `the API's p99 for other requests under ${migrationGoals.p99Ms} ms while a migration runs`,
      measured:
        p99 === undefined
          ? 'n/a'
          : `${ms(p99)} (${before === undefined || before === 0 ? 'no baseline' : `${(p99 / before).toFixed(1)}× the ${ms(before)} before it`})`,
      met: verdict(p99 === undefined ? undefined : p99 < migrationGoals.p99Ms),
      note,
    },
    {
      goal: 'the invariant check passes after a migration',
      measured: result.invariants ? (result.invariants.ok ? 'passes' : result.invariants.broken.join('; ')) : 'n/a',
      met: result.invariants?.ok,
    },
  ];
}

export function migrationLines(result: MigrationBenchResult | undefined): string[] {
  if (!result) return [];
  const lines = [`migration of ${result.size} registrations (${migrationGoals.protectedShare * 100} % protected):`];
  if (result.skipped) return [...lines, `  skipped: ${result.skipped}`];
  const j = result.job;
  if (j && result.totalSeconds !== undefined) {
    lines.push(
      `  ${j.status}: every registration recorded after ${result.totalSeconds.toFixed(1)} s (file stored after ` +
        `${result.uploadSeconds?.toFixed(1)} s, job done after ${result.jobSeconds?.toFixed(1)} s): ` +
        `${j.done} imported (${j.approved} approved, ${j.escalated} escalated, ${j.closed} closed), ${j.failed} refused; ` +
        `${(j.rows / result.totalSeconds).toFixed(0)} rows/s`,
    );
  }
  const reads = (label: string, r: MigrationBenchResult['before']) =>
    r &&
    lines.push(
      `  ${label}: GET /registrations/{id} p50 ${ms(r.registration.p50)} p99 ${ms(r.registration.p99)} (${r.registration.count}); ` +
        `GET /registrations p50 ${ms(r.list.p50)} p99 ${ms(r.list.p99)} (${r.list.count}); ${r.errors} errors`,
    );
  reads('other requests before it', result.before);
  reads('other requests while it ran', result.whileRunning);
  if (result.invariants)
    lines.push(`  invariants afterwards: ${result.invariants.ok ? 'pass' : result.invariants.broken.join('; ')}`);
  return lines;
}
