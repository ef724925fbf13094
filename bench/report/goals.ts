import type { GrowthResult } from '../growth/run';
import type { PhaseFigures, Ratios } from './figures';

export interface GoalCheck {
  goal: string;
  measured: string;
  met: boolean | undefined;
  note?: string;
}

const ms = (value: number | undefined) => (value === undefined ? 'n/a' : `${Math.round(value)} ms`);

/** The goals against what this run measured; undefined where a figure is missing. */
export function checkGoals(input: {
  ratios: Ratios;
  saturation: PhaseFigures;
  paced?: PhaseFigures & { targetRate: number };
  growth: GrowthResult[];
}): GoalCheck[] {
  const { ratios, saturation, paced } = input;
  const throughput = ratios.throughputToBaselineWorkflow;
  const atLoad = paced ?? saturation;
  const where = paced
    ? `paced at ${paced.targetRate.toFixed(1)}/s (half the baseline)`
    : 'at saturation (no paced phase)';
  const goals: GoalCheck[] = [
    {
      goal: 'registration throughput ≥ 0.5 × baseline workflow',
      measured: throughput === undefined ? 'n/a' : `${throughput.toFixed(2)} ×`,
      met: throughput === undefined ? undefined : throughput >= 0.5,
    },
    {
      goal: 'API p99 ≤ 100 ms at that load',
      measured: `${ms(atLoad.ackMs.p99)} ${where}`,
      met: atLoad.ackMs.p99 === undefined ? undefined : atLoad.ackMs.p99 <= 100,
      note: paced && paced.notSent > 0 ? `${paced.notSent} arrivals not sent: the API fell behind` : undefined,
    },
    {
      goal: 'decision p95 ≤ 1 s',
      measured: `${ms(atLoad.decisionMs?.p95)} ${where}; ${ms(saturation.decisionMs?.p95)} at saturation`,
      met: atLoad.decisionMs?.p95 === undefined ? undefined : atLoad.decisionMs.p95 <= 1000,
    },
  ];
  for (const growth of input.growth) {
    const measured = growth.points.filter((point) => point.timings);
    const first = measured[0];
    const last = measured.at(-1);
    const reachedMillion = last !== undefined && last.size >= 1_000_000;
    goals.push({
      goal: `conflict check at 1M ≤ 2 × at 10k (${growth.backend})`,
      measured:
        first && last && growth.largestToSmallest !== undefined
          ? `${growth.largestToSmallest.toFixed(1)} × (${ms(last.timings?.totalMs.p50)} at ${last.size} / ${ms(first.timings?.totalMs.p50)} at ${first.size})`
          : 'n/a',
      met:
        growth.largestToSmallest === undefined
          ? undefined
          : growth.largestToSmallest <= 2 && reachedMillion
            ? true
            : growth.largestToSmallest > 2
              ? false
              : undefined,
      note: reachedMillion
        ? undefined
        : `1M not measured: ${growth.points.find((p) => p.skipped)?.skipped ?? 'not requested'}`,
    });
  }
  return goals;
}
