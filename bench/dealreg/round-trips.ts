import { setTimeout as sleep } from 'node:timers/promises';
import type { Client } from '@temporalio/client';
import pLimit from 'p-limit';
import { summarize } from '../load/stats';

/** Where the processes serve their counters (Prometheus text on GET /metrics). */
export interface CounterEndpoints {
  api: string;
  worker: string;
}

type Counts = Map<string, number>;

interface Scrape {
  at: number;
  apiDb: Counts;
  apiTemporal: Counts;
  workerDb: Counts;
  workerTemporal: Counts;
}

/** Per registration, from POST to decision: each process's round trips, by command or method. */
export interface RoundTripFigures {
  registrations: number;
  seconds: number;
  apiDbCommands: RoundTripCount;
  workerDbCommands: RoundTripCount;
  apiTemporalRpcs: RoundTripCount;
  /** Through the worker's client (signals and starts from activities); polls and task completions go through the native connection and are not counted here. */
  workerClientTemporalRpcs: RoundTripCount;
  /** Events in each registration's workflow history once it rests after its decision. */
  historyEvents: { mean: number; min: number; max: number; p50: number };
  /** Commands per second the worker sends while idle (outbox polling): subtracted above. */
  workerIdleDbCommandsPerSecond: number;
  apiIdleDbCommandsPerSecond: number;
}

export interface RoundTripCount {
  total: number;
  byName: Record<string, number>;
}

function parseCounter(text: string, name: string, label: string): Counts {
  const counts: Counts = new Map();
  const pattern = new RegExp(`^${name}\\{[^}]*${label}="([^"]+)"[^}]*\\} (\\S+)$`, 'gm');
  for (const match of text.matchAll(pattern)) {
    counts.set(match[1] as string, (counts.get(match[1] as string) ?? 0) + Number(match[2]));
  }
  return counts;
}

async function scrape(endpoints: CounterEndpoints): Promise<Scrape> {
  const [api, worker] = await Promise.all(
    [endpoints.api, endpoints.worker].map(async (url) => (await fetch(url)).text()),
  );
  return {
    at: Date.now(),
    apiDb: parseCounter(api as string, 'dealreg_db_commands_total', 'command'),
    apiTemporal: parseCounter(api as string, 'dealreg_temporal_rpcs_total', 'method'),
    workerDb: parseCounter(worker as string, 'dealreg_db_commands_total', 'command'),
    workerTemporal: parseCounter(worker as string, 'dealreg_temporal_rpcs_total', 'method'),
  };
}

function difference(after: Counts, before: Counts): Counts {
  return new Map([...after].map(([name, count]) => [name, count - (before.get(name) ?? 0)]));
}

const totalOf = (counts: Counts) => [...counts.values()].reduce((sum, count) => sum + count, 0);

function perRegistration(counts: Counts, registrations: number, idleTotal = 0): RoundTripCount {
  const byName = Object.fromEntries(
    [...counts]
      .filter(([, count]) => count > 0)
      .sort((a, b) => b[1] - a[1])
      .map(([name, count]) => [name, Math.round((count / registrations) * 100) / 100]),
  );
  return { total: Math.max(0, totalOf(counts) - idleTotal) / registrations, byName };
}

/**
 * Counts the round trips behind registrations sent one at a time: the processes' counters are read
 * at the start and at `finish`, and what they send while idle (the worker's outbox polling) is measured
 * first and subtracted. The API's stored-count gauges read the database on a scrape at most every 30 s;
 * the counters are collected before those gauges refresh, and the idle scrapes come within 30 s of the
 * first, so no scrape's own reads are counted.
 */
export async function startRoundTripCount(endpoints: CounterEndpoints, temporal: Client) {
  await scrape(endpoints);
  const idleStart = await scrape(endpoints);
  await sleep(3000);
  const before = await scrape(endpoints);
  const idleSeconds = (before.at - idleStart.at) / 1000;
  const workerIdle = totalOf(difference(before.workerDb, idleStart.workerDb)) / idleSeconds;
  const apiIdle = totalOf(difference(before.apiDb, idleStart.apiDb)) / idleSeconds;

  return {
    /** `ids`: the registrations sent since the start, all decided by now. */
    async finish(ids: string[]): Promise<RoundTripFigures> {
      const after = await scrape(endpoints);
      const seconds = (after.at - before.at) / 1000;
      const n = Math.max(ids.length, 1);
      const limit = pLimit(8);
      const events = await Promise.all(
        ids.map((id) =>
          limit(
            async () => (await temporal.workflow.getHandle(`registration-${id}`).fetchHistory()).events?.length ?? 0,
          ),
        ),
      );
      return {
        registrations: ids.length,
        seconds,
        apiDbCommands: perRegistration(difference(after.apiDb, before.apiDb), n, apiIdle * seconds),
        workerDbCommands: perRegistration(difference(after.workerDb, before.workerDb), n, workerIdle * seconds),
        apiTemporalRpcs: perRegistration(difference(after.apiTemporal, before.apiTemporal), n),
        workerClientTemporalRpcs: perRegistration(difference(after.workerTemporal, before.workerTemporal), n),
        historyEvents: {
          mean: events.reduce((sum, count) => sum + count, 0) / n,
          min: events.length ? Math.min(...events) : 0,
          max: events.length ? Math.max(...events) : 0,
          p50: summarize(events).p50 ?? 0,
        },
        workerIdleDbCommandsPerSecond: workerIdle,
        apiIdleDbCommandsPerSecond: apiIdle,
      };
    },
  };
}
