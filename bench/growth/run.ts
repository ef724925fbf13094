import os from 'node:os';
import path from 'node:path';
import { connectDatabase, disconnectDatabase, ensureIndexes } from '../../db/connection';
import { type Policy, policySchema } from '../../domain/policy/schema';
import {
  addPostgresMatchingIndexes,
  addSqliteMatchingIndexes,
  dropPostgresMatchingIndexes,
  dropSqliteMatchingIndexes,
} from '../../scripts/dev-stack/ferretdb-matching-indexes';
import { progress } from '../../scripts/dev-stack/stack';
import { modelPolicies } from '../dealreg/partners';
import { stopOnInterrupt } from '../infra/cleanup';
import { pidsNamed, type WatchedProcess, watchUsage } from '../infra/proc-stats';
import { benchDir, preparePostgresDatabase, siblingDatabaseUrl, startBenchFerretDb } from '../infra/stack';
import type { Backend } from '../options';
import { type CheckTimings, explainLookups, timeConflictChecks } from './conflict-check';
import { readSeedState, seedUntil } from './seeding';

/** Kept between runs: seeding a million registrations takes long, and the data does not change. */
const growthDir = path.join(benchDir, 'growth');
const ports: Record<Backend, number> = { sqlite: 47018, postgresql: 47019 };

export interface GrowthPoint {
  size: number;
  /** What is stored now (less than `size` when seeding ran out of its time budget). */
  stored: number;
  seedRatePerSecond?: number;
  seedSeconds: number;
  /** With the indexes FerretDB creates (the service as it runs). */
  timings?: CheckTimings;
  /** With the indexes that match FerretDB's queries (scripts/dev-stack/ferretdb-matching-indexes.ts). */
  withMatchingIndexes?: CheckTimings;
  skipped?: string;
}

export interface GrowthResult {
  backend: Backend;
  points: GrowthPoint[];
  /** p50 conflict-check time at the largest measured size over the smallest. */
  largestToSmallest?: number;
  largestToSmallestWithMatchingIndexes?: number;
  /** The backend's plan for a `dealkeys` key lookup and a registration `_id` lookup, before and after. */
  plans?: unknown;
}

interface GrowthOptions {
  backend: Backend;
  sizes: number[];
  seedMinutes: number;
  checks: number;
  /** Time box for the checks at one size (at least three are timed). */
  checkSeconds: number;
  /** Needed for the postgresql backend. */
  postgresUrl?: string;
}

/** Times the checks while accounting CPU: a figure taken while other work ran on the machine says so. */
async function timedChecks(options: GrowthOptions, size: number, policy: Policy, watched: WatchedProcess[]) {
  const usage = watchUsage(watched);
  const timings = await timeConflictChecks(size, options.checks, policy, options.checkSeconds);
  const window = usage.stop();
  timings.othersCpuShare = window.machineBusySeconds > 0 ? window.othersSeconds / window.machineBusySeconds : 0;
  timings.loadAverage = os.loadavg()[0];
  return timings;
}

async function measureSize(
  options: GrowthOptions & { postgresUrl: string },
  size: number,
  deadline: number,
  policy: Policy,
  result: GrowthResult,
  watched: WatchedProcess[],
): Promise<void> {
  // At least four checks run (one to warm up), each growing with the data: skip what cannot fit the time box.
  const previous = result.points.filter((p) => p.timings).at(-1);
  const expectedMs = previous?.timings?.totalMs.p50 ? (previous.timings.totalMs.p50 * size) / previous.size : 0;
  if (expectedMs * 4 > options.checkSeconds * 1000 * 2) {
    result.points.push({
      size,
      stored: (await readSeedState()).seeded,
      seedSeconds: 0,
      skipped: `not timed: a check would take ~${Math.round(expectedMs / 1000)} s here (linear from ${previous?.size}), too long for the ${options.checkSeconds} s time box (--growth-check-seconds)`,
    });
    return;
  }
  let state = await readSeedState();
  const rate = state.lastRate ?? result.points.at(-1)?.seedRatePerSecond;
  const secondsLeft = (deadline - Date.now()) / 1000;
  const point: GrowthPoint = { size, stored: state.seeded, seedRatePerSecond: rate, seedSeconds: state.seconds };
  result.points.push(point);
  if (state.seeded < size && rate !== undefined && (size - state.seeded) / rate > secondsLeft) {
    const minutes = Math.round((size - state.seeded) / rate / 60);
    point.skipped = `seeding the remaining ${size - state.seeded} would take ~${minutes} min at ${Math.round(rate)}/s; budget left ${Math.round(secondsLeft / 60)} min (raise --growth-seed-minutes; progress is kept)`;
    progress(`growth ${options.backend} ${size}: skipped (${point.skipped})`);
    return;
  }
  if (state.seeded < size) {
    progress(`growth ${options.backend}: seeding ${size - state.seeded} registrations`);
    state = await seedUntil(size, deadline, policy, `growth ${options.backend} ${size}`);
    Object.assign(point, { stored: state.seeded, seedRatePerSecond: state.lastRate, seedSeconds: state.seconds });
  }
  if (state.seeded < size) {
    point.skipped = `seeding budget ran out at ${state.seeded}; a later run carries on`;
    return;
  }
  const sqliteFile = path.join(growthDir, 'ferretdb-growth-sqlite', `growth_${size}.sqlite`);
  const matchingIndexes = async (action: 'add' | 'drop') => {
    if (options.backend === 'postgresql') {
      await (action === 'add'
        ? addPostgresMatchingIndexes(options.postgresUrl)
        : dropPostgresMatchingIndexes(options.postgresUrl, `growth_${size}`));
    } else await (action === 'add' ? addSqliteMatchingIndexes(sqliteFile) : dropSqliteMatchingIndexes(sqliteFile));
  };
  await matchingIndexes('drop');
  progress(`growth ${options.backend} ${size}: timing conflict checks`);
  point.timings = await timedChecks(options, size, policy, watched);
  const before = await explainLookups();
  await matchingIndexes('add');
  progress(`growth ${options.backend} ${size}: timing conflict checks with matching indexes`);
  point.withMatchingIndexes = await timedChecks(options, size, policy, watched);
  result.plans = { asCreatedByFerretDb: before, withMatchingIndexes: await explainLookups() };
}

function largestToSmallest(points: GrowthPoint[], pick: (point: GrowthPoint) => CheckTimings | undefined) {
  const measured = points.filter((point) => pick(point));
  const [smallest, largest] = [measured[0], measured.at(-1)];
  if (!smallest || !largest || smallest === largest) return undefined;
  return (pick(largest)?.totalMs.p50 ?? 0) / (pick(smallest)?.totalMs.p50 ?? 1);
}

/**
 * The conflict check's time with more and more stored registrations, one database per size (so each
 * figure is measured on exactly that many), seeded directly in bulk within a time budget per backend.
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
  const result: GrowthResult = { backend: options.backend, points: [] };
  try {
    for (const size of options.sizes) {
      await connectDatabase(`mongodb://127.0.0.1:${ports[options.backend]}/growth_${size}`);
      try {
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
  result.largestToSmallest = largestToSmallest(result.points, (point) => point.timings);
  result.largestToSmallestWithMatchingIndexes = largestToSmallest(result.points, (point) => point.withMatchingIndexes);
  return result;
}
