import { readdir, rm } from 'node:fs/promises';
import path from 'node:path';
import { connectDatabase, disconnectDatabase } from '../../db/connection';
import { InsightFactModel, InsightRollup } from '../../db/insights';
import { type RebuildReport, rebuildInsights } from '../../db/insights-rebuild';
import { progress } from '../../scripts/dev-stack/stack';
import { type LatencySummary, summarize } from '../load/stats';
import { type ProfileSummary, summarizeCpuProfiles } from '../report/cpu-profile';
import {
  type BenchApi,
  call,
  type SimulationStore,
  type StoreOptions,
  simulationDir,
  startStoreApi,
  withSimulationStore,
} from './store';

export const insightsGoals = { p95Ms: 200 } as const;

/** Clients asking at once, and for how long, in the steady timing. */
const CLIENTS = 4;
const STEADY_SECONDS = 20;
/** Before that, one client alone: the time a request takes without waiting behind others. */
const ALONE_SECONDS = 10;
const DAY_MS = 86_400_000;
/** Days per request of the totals check: the first read of a period builds its rollups, a month at a time. */
const WINDOW_DAYS = 30;
/** How far back the totals check reads: the seed spreads submissions over the last three years. */
const SEEDED_DAYS = 3 * 365 + 1;

interface Shape {
  name: string;
  query: string;
}

interface ShapeFigures extends Shape {
  points: number;
  groups: number;
  submitted: number;
  bytes: number;
  /** The first request after the API process started: closed days from their stored rollups. */
  firstMs: number;
  alone?: LatencySummary;
  steady?: LatencySummary;
}

export interface InsightsBenchResult {
  size: number;
  stored: number;
  seedSeconds: number;
  skipped?: string;
  /** `seededFacts`: what the seeding wrote, which the rebuild drops and derives again. */
  rebuild?: RebuildReport & { seconds: number; seededFacts: number };
  /** Every seeded day read once through GET /insights before any rollup existed (the first reader builds them). */
  /** `coldMs`: each request's time, 30 days each; `rollupsKept`: they were read, not built (a rerun). */
  totals?: {
    submitted: number;
    expected: number;
    decided: number;
    ended: number;
    coldMs: number[];
    rollupsKept: boolean;
  };
  shapes?: ShapeFigures[];
  /** Every request of the steady timing, all shapes together. */
  steady?: LatencySummary & { errors: number; seconds: number; clients: number };
  alone?: LatencySummary & { errors: number; seconds: number; clients: number };
  /** With --profile: the API's JavaScript time over the first reads and the steady timing. */
  apiProfile?: ProfileSummary;
}

const day = (t: number) => new Date(t).toISOString().slice(0, 10);

function shapesFor(today: number): Shape[] {
  const since = (days: number) => `from=${day(today - (days - 1) * DAY_MS)}&to=${day(today)}`;
  return [
    { name: 'last 90 days by day, by distributor', query: `${since(90)}&bucket=day&groupBy=distributor` },
    { name: 'last year by week, by policy version', query: `${since(365)}&bucket=week&groupBy=policyVersion` },
    { name: 'last year by month, by segment', query: `${since(365)}&bucket=month&groupBy=segment` },
    { name: 'last 30 days (defaults)', query: '' },
  ];
}

interface Point {
  group: string;
  submitted: number;
  approved: number;
  rejected: Record<string, number>;
  won: number;
  lost: number;
  expired: number;
}

async function ask(api: BenchApi, key: string, query: string) {
  const sent = performance.now();
  const answer = await call(`${api.url}/api/v1/insights${query ? `?${query}` : ''}`, key);
  const text = await answer.text();
  const ms = performance.now() - sent;
  if (!answer.ok) throw new Error(`GET /insights?${query} answered ${answer.status}: ${text.slice(0, 300)}`);
  return { ms, bytes: text.length, series: (JSON.parse(text) as { series: Point[] }).series };
}

const sum = (points: Point[], of: (p: Point) => number) => points.reduce((total, p) => total + of(p), 0);

/**
 * The rebuild, by the product's own code (`npm run insights:rebuild`), timed. It also drops the
 * rollups, so the totals check that follows reads every day from its facts, as the first reader does.
 */
async function rebuild(store: SimulationStore): Promise<InsightsBenchResult['rebuild']> {
  await connectDatabase(store.mongodbUri);
  try {
    const seededFacts = await InsightFactModel.countDocuments().exec();
    progress(`insights: rebuilding the measures from ${store.stored} registrations (${seededFacts} facts seeded)`);
    const startedAt = performance.now();
    const report = await rebuildInsights();
    const seconds = (performance.now() - startedAt) / 1000;
    progress(`insights: ${report.facts} facts from ${report.registrations} registrations in ${seconds.toFixed(1)} s`);
    return { ...report, seconds, seededFacts };
  } finally {
    await disconnectDatabase();
  }
}

/** Without the rebuild: the seeded facts stay, the rollups of an earlier run go (the totals check builds them). */
async function dropRollups(store: SimulationStore): Promise<number> {
  await connectDatabase(store.mongodbUri);
  try {
    return (await InsightRollup.deleteMany({}).exec()).deletedCount;
  } finally {
    await disconnectDatabase();
  }
}

async function auditorKey(api: BenchApi): Promise<string> {
  const answer = await call(`${api.url}/api/v1/api-keys`, api.adminKey, 'POST', { role: 'auditor' });
  if (!answer.ok) throw new Error(`POST /api-keys answered ${answer.status}: ${await answer.text()}`);
  return ((await answer.json()) as { key: string }).key;
}

/** Reads every seeded day in 400-day windows (the first reads, so each builds its days' rollups): the totals. */
async function readTotals(api: BenchApi, key: string, stored: number, today: number, rollupsKept: boolean) {
  const totals = { submitted: 0, expected: stored, decided: 0, ended: 0, coldMs: [] as number[], rollupsKept };
  for (let end = today; end > today - SEEDED_DAYS * DAY_MS; end -= WINDOW_DAYS * DAY_MS) {
    const query = `from=${day(end - (WINDOW_DAYS - 1) * DAY_MS)}&to=${day(end)}&bucket=month`;
    const { ms, series } = await ask(api, key, query);
    totals.coldMs.push(ms);
    totals.submitted += sum(series, (p) => p.submitted);
    totals.decided += sum(series, (p) => p.approved + Object.values(p.rejected).reduce((a, b) => a + b, 0));
    totals.ended += sum(series, (p) => p.won + p.lost + p.expired);
  }
  return totals;
}

async function figuresOf(api: BenchApi, key: string, shape: Shape): Promise<ShapeFigures> {
  const { ms, bytes, series } = await ask(api, key, shape.query);
  if (series.length === 0) throw new Error(`GET /insights?${shape.query} answered an empty series`);
  const groups = new Set(series.map((p) => p.group)).size;
  return { ...shape, points: series.length, groups, submitted: sum(series, (p) => p.submitted), bytes, firstMs: ms };
}

/** The shapes round-robin from a few clients, back to back, for a while. */
async function steadyTiming(api: BenchApi, key: string, shapes: ShapeFigures[], clients: number, seconds: number) {
  const byShape = shapes.map(() => [] as number[]);
  let errors = 0;
  const ends = Date.now() + seconds * 1000;
  const client = async (offset: number) => {
    for (let i = offset; Date.now() < ends; i += 1) {
      const index = i % shapes.length;
      const sent = performance.now();
      const answer = await call(`${api.url}/api/v1/insights?${(shapes[index] as Shape).query}`, key).catch(
        () => undefined,
      );
      await answer?.arrayBuffer();
      (byShape[index] as number[]).push(performance.now() - sent);
      if (!answer?.ok) errors += 1;
    }
  };
  await Promise.all(Array.from({ length: clients }, (_, i) => client(i)));
  return {
    byShape: byShape.map((values) => summarize(values)),
    ...summarize(byShape.flat()),
    errors,
    seconds,
    clients,
  };
}

/**
 * GET /insights at `size` stored registrations: the measures rebuilt from the seeded registrations by
 * the product's rebuild, every seeded day read once (its totals must add up to the seeded count), then
 * an API process started afresh answers a few dashboard shapes, first once each and then from a few
 * clients for a while (goal: p95 ≤ 200 ms at 1M).
 */
export async function runInsightsBench(
  options: StoreOptions & { rebuild: boolean; profile: boolean },
): Promise<InsightsBenchResult> {
  const profilesDir = path.join(simulationDir, 'profiles');
  return withSimulationStore(options, async (store) => {
    const result: InsightsBenchResult = { size: options.size, stored: store.stored, seedSeconds: store.seedSeconds };
    if (store.stored < options.size) {
      result.skipped = `seeding budget ran out at ${store.stored}; a later run carries on (raise --simulation-seed-minutes)`;
      return result;
    }
    const rollupsKept = process.env.DEALREG_BENCH_KEEP_ROLLUPS === '1';
    if (options.rebuild) result.rebuild = await rebuild(store);
    else if (rollupsKept) progress('insights: rollups of an earlier run kept');
    else progress(`insights: seeded measures kept; ${await dropRollups(store)} rollups of an earlier run dropped`);
    const today = Date.now();
    let api = await startStoreApi(store);
    try {
      const key = await auditorKey(api);
      progress('insights: reading every seeded day once (totals)');
      result.totals = await readTotals(api, key, store.stored, today, rollupsKept);
      // A fresh process: closed days come from the stored rollups, not from this process's memory.
      await api.stop();
      const profileDir = options.profile ? profilesDir : undefined;
      if (profileDir) await rm(profileDir, { recursive: true, force: true });
      api = await startStoreApi(store, profileDir);
      const shapes: ShapeFigures[] = [];
      for (const shape of shapesFor(today)) shapes.push(await figuresOf(api, key, shape));
      progress(`insights: one client for ${ALONE_SECONDS} s, then ${CLIENTS} clients for ${STEADY_SECONDS} s`);
      const { byShape: aloneByShape, ...alone } = await steadyTiming(api, key, shapes, 1, ALONE_SECONDS);
      result.alone = alone;
      const { byShape, ...steady } = await steadyTiming(api, key, shapes, CLIENTS, STEADY_SECONDS);
      result.steady = steady;
      shapes.forEach((shape, i) => {
        shape.alone = aloneByShape[i];
        shape.steady = byShape[i];
      });
      result.shapes = shapes;
    } finally {
      await api.stop();
    }
    if (options.profile) {
      const name = (await readdir(profilesDir))[0] as string;
      result.apiProfile = await summarizeCpuProfiles(path.join(profilesDir, name), 'api');
    }
    return result;
  });
}

/** The lines of the report's table. */
export function insightsLines(result: InsightsBenchResult | undefined): string[] {
  if (!result) return [];
  const lines = [`GET /insights at ${result.size} stored registrations (stored ${result.stored}):`];
  if (result.skipped) return [...lines, `  skipped: ${result.skipped}`];
  const ms = (value: number | undefined) => (value === undefined ? 'n/a' : `${Math.round(value)} ms`);
  const r = result.rebuild;
  lines.push(
    r
      ? `  rebuild: ${r.facts} facts (${r.seededFacts} seeded) from ${r.registrations} registrations and ${r.escalations} escalations in ${r.seconds.toFixed(1)} s`
      : '  measures: as seeded (the facts of each decision, by the rule the program and the rebuild share); no --insights-rebuild',
  );
  const t = result.totals;
  if (t) {
    const cold = summarize(t.coldMs);
    lines.push(
      `  totals over every seeded day: submitted ${t.submitted} of ${t.expected} seeded${t.submitted === t.expected ? '' : ' (MISMATCH)'}; ` +
        `approved or rejected ${t.decided}; won, lost or expired ${t.ended}; ${t.coldMs.length} requests of ${WINDOW_DAYS} days ${t.rollupsKept ? '(rollups kept from an earlier run)' : '(building the rollups)'}: ` +
        `${(t.coldMs.reduce((x, y) => x + y, 0) / 1000).toFixed(1)} s in all, p50 ${ms(cold.p50)}, max ${ms(cold.max)}`,
    );
  }
  for (const shape of result.shapes ?? []) {
    const s = shape.steady;
    lines.push(
      `  ${shape.name}: ${shape.points} points, ${shape.groups} groups, ${shape.submitted} submitted, ${Math.round(shape.bytes / 1024)} KB; ` +
        `first ${ms(shape.firstMs)}; alone p50 ${ms(shape.alone?.p50)}; ${result.steady?.clients} clients p50 ${ms(s?.p50)} p95 ${ms(s?.p95)} p99 ${ms(s?.p99)} (${s?.count ?? 0})`,
    );
  }
  const a = result.alone;
  if (a)
    lines.push(
      `  all shapes, one client for ${a.seconds} s: p50 ${ms(a.p50)} p95 ${ms(a.p95)} (${a.count}); ${a.errors} errors`,
    );
  const s = result.steady;
  if (s) {
    lines.push(
      `  all shapes, ${s.clients} clients for ${s.seconds} s: p50 ${ms(s.p50)} p95 ${ms(s.p95)} p99 ${ms(s.p99)} max ${ms(s.max)} (${s.count}); ${s.errors} errors`,
    );
  }
  const p = result.apiProfile;
  if (p) {
    const share = (x: { share: number }) => `${Math.round(x.share * 100)}%`;
    lines.push(
      `  API JavaScript busy ${p.busyMs} ms: ${p.byArea
        .slice(0, 8)
        .map((a) => `${a.area} ${share(a)}`)
        .join(', ')}`,
    );
    lines.push(
      `  top functions: ${p.topFunctions
        .slice(0, 8)
        .map((f) => `${f.name} ${share(f)}`)
        .join('; ')}`,
    );
  }
  return lines;
}
