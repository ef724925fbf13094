import { performance } from 'node:perf_hooks';

/** Wall-clock epoch milliseconds with sub-millisecond resolution, comparable with servers' timestamps. */
export const epochMs = () => performance.timeOrigin + performance.now();

export interface Outcome<R> {
  ok: boolean;
  status: number;
  value?: R;
}

export interface Sample<R> {
  index: number;
  sentAt: number;
  latencyMs: number;
  ok: boolean;
  status: number;
  error?: string;
  value?: R;
}

export interface LoadResult<R> {
  samples: Sample<R>[];
  startedAt: number;
  endedAt: number;
  /** From the first request sent to the last answer received. */
  seconds: number;
  /** Items not sent: the time box ran out, or (paced) too many were already in flight. */
  notSent: number;
}

async function sendOne<T, R>(item: T, index: number, send: (item: T) => Promise<Outcome<R>>): Promise<Sample<R>> {
  const sentAt = epochMs();
  try {
    const outcome = await send(item);
    return { index, sentAt, latencyMs: epochMs() - sentAt, ...outcome };
  } catch (error) {
    return { index, sentAt, latencyMs: epochMs() - sentAt, ok: false, status: 0, error: String(error) };
  }
}

function finish<R>(samples: Sample<R>[], startedAt: number, notSent: number): LoadResult<R> {
  const endedAt = samples.reduce((last, s) => Math.max(last, s.sentAt + s.latencyMs), startedAt);
  samples.sort((a, b) => a.index - b.index);
  return { samples, startedAt, endedAt, seconds: (endedAt - startedAt) / 1000, notSent };
}

/**
 * Closed loop: `concurrency` senders, each sending its next item as soon as its previous answer
 * arrived, until the items or the time box run out. This finds the throughput at that concurrency.
 */
export async function runClosedLoop<T, R>(
  items: readonly T[],
  concurrency: number,
  maxSeconds: number,
  send: (item: T) => Promise<Outcome<R>>,
  /** Awaited before each send, outside its latency (one at a time: until the one before is decided). */
  beforeEach?: () => Promise<unknown>,
): Promise<LoadResult<R>> {
  const startedAt = epochMs();
  const deadline = startedAt + maxSeconds * 1000;
  const samples: Sample<R>[] = [];
  let next = 0;
  const sender = async () => {
    while (next < items.length && epochMs() < deadline) {
      const index = next++;
      if (beforeEach) await beforeEach();
      samples.push(await sendOne(items[index] as T, index, send));
    }
  };
  await Promise.all(Array.from({ length: concurrency }, sender));
  return finish(samples, startedAt, items.length - next);
}

/**
 * Open loop: one request every 1/rate seconds whatever the answers do, as independent callers
 * arrive. This shows the latency at a given load; a system that cannot keep up queues (and the
 * latency shows it) until `maxInFlight` is reached, after which arrivals are counted as not sent.
 */
export async function runPaced<T, R>(
  items: readonly T[],
  ratePerSecond: number,
  maxInFlight: number,
  send: (item: T) => Promise<Outcome<R>>,
): Promise<LoadResult<R>> {
  const startedAt = epochMs();
  const intervalMs = 1000 / ratePerSecond;
  const samples: Sample<R>[] = [];
  const inFlight = new Set<Promise<void>>();
  let notSent = 0;
  for (let index = 0; index < items.length; index += 1) {
    const due = startedAt + index * intervalMs;
    const wait = due - epochMs();
    if (wait > 0) await new Promise((resolve) => setTimeout(resolve, wait));
    if (inFlight.size >= maxInFlight) {
      notSent += 1;
      continue;
    }
    const request = sendOne(items[index] as T, index, send).then((sample) => {
      samples.push(sample);
      inFlight.delete(request);
    });
    inFlight.add(request);
  }
  await Promise.all(inFlight);
  return finish(samples, startedAt, notSent);
}
