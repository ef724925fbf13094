import { epochMs } from '../load/driver';
import { type LatencySummary, median, summarize } from '../load/stats';

/** One piece of a yardstick's work under way: when it was answered, and when it will be done (epoch ms). */
export interface TwinStarted {
  answeredAt: number;
  done: Promise<number>;
}

/** A yardstick's own bursts, measured as dealreg's are (bench/dealreg/bursts.ts), from the first send. */
export interface TwinBursts {
  /** Median of five sent one after another: to done, and to the answer. */
  loneMs: number;
  loneAckMs: number;
  /** Twenty sent at once: their answers, the last answered, the last done. */
  burstAckMs: LatencySummary;
  burstLastAckMs: number;
  burstLastDoneMs: number;
}

export const BURST = 20;
const LONE = 5;

export async function measureTwinBursts(start: () => Promise<TwinStarted>): Promise<TwinBursts> {
  const lone: number[] = [];
  const loneAck: number[] = [];
  for (let i = 0; i < LONE; i += 1) {
    const sentAt = epochMs();
    const started = await start();
    lone.push((await started.done) - sentAt);
    loneAck.push(started.answeredAt - sentAt);
  }
  const sentAt = epochMs();
  const burst = await Promise.all(Array.from({ length: BURST }, () => start()));
  const done = await Promise.all(burst.map((started) => started.done));
  const acks = burst.map((started) => started.answeredAt - sentAt);
  return {
    loneMs: median(lone) ?? Number.NaN,
    loneAckMs: median(loneAck) ?? Number.NaN,
    burstAckMs: summarize(acks),
    burstLastAckMs: Math.max(...acks),
    burstLastDoneMs: Math.max(...done) - sentAt,
  };
}
