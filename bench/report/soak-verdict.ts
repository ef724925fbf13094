import { percentile } from '../load/stats';

/** One look at every watched process's resident memory during the soak. */
export interface MemoryLook {
  atMs: number;
  rssMiB: Record<string, number>;
}

export interface SoakSample {
  sentAt: number;
  latencyMs: number;
  ok: boolean;
}

export interface SoakVerdict {
  minutes: number;
  /** The first and last windows compared (10 minutes each in an hour; a third of a shorter soak). */
  windowMinutes: number;
  sent: number;
  errors: number;
  ackP99FirstMs?: number;
  ackP99LastMs?: number;
  /** Per process: median RSS in the window after warm-up and in the last window, and the growth between. */
  memory: Array<{ process: string; afterWarmUpMiB: number; lastMiB: number; growth: number }>;
  flatMemory: boolean;
  steadyLatency?: boolean;
}

const median = (values: number[]) => percentile(values, 50) ?? 0;

/**
 * Issue 27's soak goal: memory flat after warm-up (≤ 10 % growth), no errors, and the acknowledgement p99
 * in the last window within 1.5 × the first. Warm-up is the first window; memory after it is the median of
 * the second window's looks (a single look would catch a garbage collector's high tide).
 */
export function soakVerdict(
  startedAt: number,
  endedAt: number,
  samples: readonly SoakSample[],
  looks: readonly MemoryLook[],
  notSent: number,
): SoakVerdict {
  const minutes = (endedAt - startedAt) / 60_000;
  const windowMinutes = Math.min(10, minutes / 3);
  const windowMs = windowMinutes * 60_000;
  const acksIn = (from: number, to: number) =>
    samples.filter((s) => s.ok && s.sentAt >= from && s.sentAt < to).map((s) => s.latencyMs);
  const ackP99FirstMs = percentile(acksIn(startedAt, startedAt + windowMs), 99);
  const ackP99LastMs = percentile(acksIn(endedAt - windowMs, endedAt + 1), 99);
  const processes = [...new Set(looks.flatMap((look) => Object.keys(look.rssMiB)))];
  const rssIn = (process: string, from: number, to: number) =>
    looks.filter((l) => l.atMs >= from && l.atMs < to).map((l) => l.rssMiB[process] ?? 0);
  const memory = processes.map((process) => {
    const afterWarmUpMiB = median(rssIn(process, startedAt + windowMs, startedAt + 2 * windowMs));
    const lastMiB = median(rssIn(process, endedAt - windowMs, endedAt + 1));
    return { process, afterWarmUpMiB, lastMiB, growth: afterWarmUpMiB > 0 ? lastMiB / afterWarmUpMiB - 1 : 0 };
  });
  return {
    minutes,
    windowMinutes,
    sent: samples.length,
    errors: samples.filter((s) => !s.ok).length + notSent,
    ...(ackP99FirstMs !== undefined ? { ackP99FirstMs } : {}),
    ...(ackP99LastMs !== undefined ? { ackP99LastMs } : {}),
    memory,
    flatMemory: memory.every((m) => m.growth <= 0.1),
    ...(ackP99FirstMs !== undefined && ackP99LastMs !== undefined
      ? { steadyLatency: ackP99LastMs <= 1.5 * ackP99FirstMs }
      : {}),
  };
}
