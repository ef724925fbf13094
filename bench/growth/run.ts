import os from 'node:os';
import path from 'node:path';
import { connectDatabase, disconnectDatabase, ensureIndexes } from '../../db/connection';
import { type Policy, policySchema } from '../../domain/policy/schema';
import {
  addPostgresMatchingIndexes,
  addSqliteMatchingIndexes,
} from '../../scripts/dev-stack/ferretdb-matching-indexes';
import { progress } from '../../scripts/dev-stack/stack';
import { modelPolicies } from '../dealreg/partners';
import { stopOnInterrupt } from '../infra/cleanup';
import { pidsNamed, type WatchedProcess, watchUsage } from '../infra/proc-stats';
import { benchDir, preparePostgresDatabase, siblingDatabaseUrl, startBenchFerretDb } from '../infra/stack';
import { summarize } from '../load/stats';
import type { Backend } from '../options';
import { type CheckTimings, timeConflictChecks } from './conflict-check';
import {
  consoleFilters,
  explainHotPath,
  type OperationTiming,
  someCustomerWord,
  timeListPage,
  timeSubmissionsAndDecisions,
} from './operations';
import { dropOutdatedSeed, readSeedState, seedUntil } from './seeding';

/** Kept between runs: seeding a million registrations takes long, and the data does not change. */
const growthDir = path.join(benchDir, 'growth');
const ports: Record<Backend, number> = { sqlite: 47018, postgresql: 47019 };

export interface GrowthPoint {
  size: number;
  /** What is stored now (less than `size` when seeding ran out of its time budget). */
  stored: number;
  seedRatePerSecond?: number;
  seedSeconds: number;
  /** The conflict check with its parts (keys, candidates, engine). */
  conflictCheck?: CheckTimings;
  /** Every operation timed, by name: acknowledgement, conflict check, decision, each list filter. */
  operations?: Record<string, OperationTiming>;
  skipped?: string;
}

export interface GrowthResult {
  backend: Backend;
  points: GrowthPoint[];
  /** Per operation, the figure at the largest measured size over the smallest (p50 and p95). */
  ratios: Record<string, { p50?: number; p95?: number }>;
  /** The backend's plans for the hot path's point and list reads, at the largest size measured. */
  plans?: Record<string, unknown>;
}

interface GrowthOptions {
  backend: Backend;
  sizes: number[];
  seedMinutes: number;
  /** Samples per operation at one size. */
  checks: number;
  /** Time box for each operation at one size (at least three are timed). */
  checkSeconds: number;
  /** Needed for the postgresql backend. */
  postgresUrl?: string;
}

/** Accounts CPU while `measure` runs: a figure taken while other work ran on the machine says so. */
async function withUsage<T>(watched: WatchedProcess[], measure: () => Promise<T>) {
  const usage = watchUsage(watched);
  const value = await measure();
  const window = usage.stop();
  const othersCpuShare = window.machineBusySeconds > 0 ? window.othersSeconds / window.machineBusySeconds : 0;
  return { value, othersCpuShare, loadAverage: os.loadavg()[0] };
}

async function timeOperations(
  options: GrowthOptions,
  size: number,
  policy: Policy,
  watched: WatchedProcess[],
  point: GrowthPoint,
): Promise<void> {
  const label = `growth ${options.backend} ${size}`;
  const operations: Record<string, OperationTiming> = {};
  progress(`${label}: timing submissions and decisions`);
  const submitted = await withUsage(watched, () =>
    timeSubmissionsAndDecisions(size, options.checks, options.checkSeconds, policy),
  );
  const usage = { othersCpuShare: submitted.othersCpuShare, loadAverage: submitted.loadAverage };
  operations['submission acknowledgement'] = { ms: summarize(submitted.value.acknowledgement), ...usage };
  progress(`${label}: timing conflict checks`);
  const checked = await withUsage(watched, () =>
    timeConflictChecks(size, options.checks, policy, options.checkSeconds),
  );
  point.conflictCheck = { ...checked.value, othersCpuShare: checked.othersCpuShare, loadAverage: checked.loadAverage };
  operations['conflict check'] = {
    ms: checked.value.totalMs,
    othersCpuShare: checked.othersCpuShare,
    loadAverage: checked.loadAverage,
  };
  operations.decision = { ms: summarize(submitted.value.decision), ...usage };
  const filters = consoleFilters(await someCustomerWord(size));
  for (const [name, filter] of Object.entries(filters)) {
    progress(`${label}: timing ${name}`);
    const listed = await withUsage(watched, () => timeListPage(filter, options.checks, options.checkSeconds));
    operations[name] = {
      ms: summarize(listed.value),
      othersCpuShare: listed.othersCpuShare,
      loadAverage: listed.loadAverage,
    };
  }
  point.operations = operations;
}

async function measureSize(
  options: GrowthOptions,
  size: number,
  deadline: number,
  policy: Policy,
  result: GrowthResult,
  watched: WatchedProcess[],
): Promise<void> {
  let state = await readSeedState();
  const point: GrowthPoint = {
    size,
    stored: state.seeded,
    seedRatePerSecond: state.lastRate,
    seedSeconds: state.seconds,
  };
  result.points.push(point);
  // Seeds what the budget allows even when it cannot reach `size`: progress is kept for the next run.
  if (state.seeded < size && Date.now() < deadline) {
    progress(`growth ${options.backend}: seeding ${size - state.seeded} registrations`);
    state = await seedUntil(size, deadline, policy, `growth ${options.backend} ${size}`);
    Object.assign(point, { stored: state.seeded, seedRatePerSecond: state.lastRate, seedSeconds: state.seconds });
  }
  if (state.seeded < size) {
    const rate = state.lastRate ?? result.points.at(-2)?.seedRatePerSecond;
    const minutes = rate ? ` (~${Math.ceil((size - state.seeded) / rate / 60)} min more at ${Math.round(rate)}/s)` : '';
    point.skipped = `seeding budget (--growth-seed-minutes) ran out at ${state.seeded}${minutes}; a later run carries on`;
    progress(`growth ${options.backend} ${size}: not timed (${point.skipped})`);
    return;
  }
  // The default store always has them: FerretDB's own indexes serve none of its queries
  // (scripts/dev-stack/ferretdb-matching-indexes.ts); the event trigger made them, this pass checks.
  progress(`growth ${options.backend} ${size}: indexes matching FerretDB's queries`);
  if (options.backend === 'postgresql') await addPostgresMatchingIndexes(options.postgresUrl as string);
  else await addSqliteMatchingIndexes(path.join(growthDir, 'ferretdb-growth-sqlite', `growth_${size}.sqlite`));
  await timeOperations(options, size, policy, watched, point);
  result.plans = { size, ...(await explainHotPath(size)) };
}

/** Per operation, the largest measured size's figure over the smallest's. */
function ratiosOf(points: GrowthPoint[]): GrowthResult['ratios'] {
  const measured = points.filter((point) => point.operations);
  const [smallest, largest] = [measured[0], measured.at(-1)];
  if (!smallest?.operations || !largest?.operations || smallest === largest) return {};
  const ratio = (a?: number, b?: number) => (a !== undefined && b ? a / b : undefined);
  return Object.fromEntries(
    Object.entries(largest.operations).map(([name, timing]) => {
      const base = smallest.operations?.[name];
      return [name, { p50: ratio(timing.ms.p50, base?.ms.p50), p95: ratio(timing.ms.p95, base?.ms.p95) }];
    }),
  );
}

/**
 * The hot path's database-bound operations with more and more stored registrations, one database per
 * size (so each figure is measured on exactly that many), seeded directly in bulk within a time budget.
 */
export async function runGrowth(options: GrowthOptions): Promise<GrowthResult> {
  const onPostgres = options.backend === 'postgresql';
  if (onPostgres && !options.postgresUrl) throw new Error('growth on postgresql needs a PostgreSQL URL');
  const postgresUrl = onPostgres ? siblingDatabaseUrl(options.postgresUrl ?? '', 'dealreg_bench_growth') : '';
  // The event trigger indexes collections as they are created; measureSize drops and re-adds to compare.
  if (onPostgres) await preparePostgresDatabase(postgresUrl, true);
  const ferretDb = await startBenchFerretDb({
    dataDir: growthDir,
    port: ports[options.backend],
    name: `ferretdb-growth-${options.backend}`,
    postgresUrl: onPostgres ? postgresUrl : undefined,
  });
  const forgetFerretDb = stopOnInterrupt(() => ferretDb.stop());
  const watched: WatchedProcess[] = [
    { label: 'ferretdb', pids: () => [ferretDb.pid] },
    { label: 'bench', pids: () => [process.pid] },
    ...(options.backend === 'postgresql' ? [{ label: 'postgresql', pids: () => pidsNamed('postgres') }] : []),
  ];
  const policy = policySchema.parse(modelPolicies.hybrid);
  const deadline = Date.now() + options.seedMinutes * 60_000;
  const result: GrowthResult = { backend: options.backend, points: [], ratios: {} };
  try {
    for (const size of options.sizes) {
      await connectDatabase(`mongodb://127.0.0.1:${ports[options.backend]}/growth_${size}`);
      try {
        await dropOutdatedSeed(`growth ${options.backend} ${size}`);
        await ensureIndexes();
        await measureSize({ ...options, postgresUrl }, size, deadline, policy, result, watched);
      } finally {
        await disconnectDatabase();
      }
    }
  } finally {
    await ferretDb.stop();
    forgetFerretDb();
  }
  result.ratios = ratiosOf(result.points);
  return result;
}
