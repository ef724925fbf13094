import { progress } from '../../scripts/dev-stack/stack';
import { seededRandom } from '../dealreg/customers';
import { modelPolicies } from '../dealreg/partners';
import { type LatencySummary, summarize } from '../load/stats';
import {
  type BenchApi,
  call,
  type SimulationStore,
  type StoreOptions,
  startStoreApi,
  withSimulationStore,
} from './store';

/** Requests in flight against the API while the simulation runs (each waits for its answer). */
const CLIENTS = 4;

export const simulationGoals = { maxSeconds: 120, p99Ms: 100 } as const;

export interface SimulationBenchResult {
  size: number;
  stored: number;
  seedSeconds: number;
  skipped?: string;
  simulation?: { status: string; seconds: number; read: number; totalEstimate: number };
  /** Latencies of the same requests for a while before it started: what the machine gives without it. */
  before?: RequestLatencies;
  /** Latencies of other requests while the simulation ran. */
  whileRunning?: RequestLatencies;
}

interface RequestLatencies {
  healthz: LatencySummary;
  registration: LatencySummary;
  errors: number;
}

/** How long the API's latency is measured before the simulation starts. */
const BASELINE_SECONDS = 15;

export type SimulationBenchOptions = StoreOptions;

/** Other requests, back to back from a few clients, until `done()`: the API's latency while the simulation runs. */
async function measureWhile(
  apiUrl: string,
  key: string,
  stored: number,
  done: () => boolean,
): Promise<RequestLatencies> {
  const healthz: number[] = [];
  const registration: number[] = [];
  let errors = 0;
  const random = seededRandom(99);
  const client = async () => {
    while (!done()) {
      const readOne = random() < 0.5;
      const serial = 1 + Math.floor(random() * stored);
      const url = readOne
        ? `${apiUrl}/api/v1/registrations/reg_g${serial.toString(16).padStart(11, '0')}`
        : `${apiUrl}/healthz`;
      const sent = performance.now();
      const answer = await call(url, key).catch(() => undefined);
      await answer?.arrayBuffer();
      (readOne ? registration : healthz).push(performance.now() - sent);
      if (!answer?.ok) errors += 1;
    }
  };
  await Promise.all(Array.from({ length: CLIENTS }, client));
  return { healthz: summarize(healthz), registration: summarize(registration), errors };
}

/**
 * One policy simulation over `size` stored registrations, through an API process as `npm start` runs
 * it, while a few clients keep reading: how long the simulation takes and what the other requests'
 * p99 is meanwhile (goals: ≤ 2 min, ≤ 100 ms).
 */
export async function runSimulationBench(options: SimulationBenchOptions): Promise<SimulationBenchResult> {
  return withSimulationStore(options, async (store) => {
    const result: SimulationBenchResult = { size: options.size, stored: store.stored, seedSeconds: store.seedSeconds };
    if (store.stored < options.size) {
      result.skipped = `seeding budget ran out at ${store.stored}; a later run carries on (raise --simulation-seed-minutes)`;
      return result;
    }
    const api = await startStoreApi(store);
    try {
      await simulateThroughApi(api, store, result);
    } finally {
      await api.stop();
    }
    return result;
  });
}

async function simulateThroughApi(api: BenchApi, store: SimulationStore, result: SimulationBenchResult): Promise<void> {
  const { url: apiUrl, adminKey } = api;
  const baselineEnds = Date.now() + BASELINE_SECONDS * 1000;
  result.before = await measureWhile(apiUrl, adminKey, store.stored, () => Date.now() >= baselineEnds);
  progress(`simulation: replaying ${store.stored} registrations under the segment model`);
  const startedAt = performance.now();
  const started = await call(`${apiUrl}/api/v1/policy/simulate`, adminKey, 'POST', {
    policy: modelPolicies.segment,
  });
  if (started.status !== 202) throw new Error(`simulate answered ${started.status}: ${await started.text()}`);
  const location = started.headers.get('location') as string;
  let job = (await started.json()) as { status: string; progress: { read: number; totalEstimate: number } };
  const measuring = measureWhile(apiUrl, adminKey, store.stored, () => job.status !== 'running');
  while (job.status === 'running') {
    await new Promise((resolve) => setTimeout(resolve, 1000));
    job = (await (await call(`${apiUrl}${location}`, adminKey)).json()) as typeof job;
  }
  const seconds = (performance.now() - startedAt) / 1000;
  result.simulation = { status: job.status, seconds, ...job.progress };
  result.whileRunning = await measuring;
}

/** The lines of the report's table. */
export function simulationLines(result: SimulationBenchResult | undefined): string[] {
  if (!result) return [];
  const lines = [`simulation at ${result.size} stored registrations (stored ${result.stored}):`];
  if (result.skipped) return [...lines, `  skipped: ${result.skipped}`];
  const ms = (value: number | undefined) => (value === undefined ? 'n/a' : `${Math.round(value)} ms`);
  const s = result.simulation;
  if (s) lines.push(`  ${s.status} in ${s.seconds.toFixed(1)} s, read ${s.read} of ~${s.totalEstimate}`);
  for (const [when, w] of [
    ['before', result.before],
    ['meanwhile', result.whileRunning],
  ] as const) {
    if (!w) continue;
    lines.push(
      `  ${when}: GET /healthz p50 ${ms(w.healthz.p50)} p99 ${ms(w.healthz.p99)} (${w.healthz.count}); ` +
        `GET /registrations/{id} p50 ${ms(w.registration.p50)} p99 ${ms(w.registration.p99)} (${w.registration.count}); ${w.errors} errors`,
    );
  }
  return lines;
}
