import type { GrowthPoint, GrowthResult } from '../growth/run';
import { type InsightsBenchResult, insightsGoals } from '../simulation/insights';
import { type SimulationBenchResult, simulationGoals } from '../simulation/run';
import type { LoadFigures } from './load-figures';
import { speedGoals } from './speed-goals';

export interface GoalCheck {
  goal: string;
  measured: string;
  /** What the measured value is held to: a fixed limit, or a share of a yardstick measured in the same run. */
  yardstick?: string;
  met: boolean | undefined;
  note?: string;
}

const ms = (value: number | undefined) => (value === undefined ? 'n/a' : `${Math.round(value)} ms`);

/** The goals against what this run measured; undefined where a figure is missing. */
export function checkGoals(
  load: LoadFigures | undefined,
  growthResults: GrowthResult[],
  simulation?: SimulationBenchResult,
  insights?: InsightsBenchResult,
): GoalCheck[] {
  return [
    ...(load ? speedGoals(load) : []),
    ...growthGoals(growthResults),
    ...(simulation ? simulationGoalChecks(simulation) : []),
    ...(insights ? insightsGoalChecks(insights) : []),
  ];
}

/** Met only at 1M, with totals that add up (an answer over fewer facts would measure something easier). */
function insightsGoalChecks(result: InsightsBenchResult): GoalCheck[] {
  const atMillion = result.size >= 1_000_000;
  const t = result.totals;
  const complete = t !== undefined && t.submitted === t.expected;
  const p95 = result.steady?.p95;
  const met = p95 === undefined ? undefined : p95 <= insightsGoals.p95Ms;
  return [
    {
      goal: `GET /insights p95 ≤ ${insightsGoals.p95Ms} ms at 1M stored registrations`,
      measured:
        p95 === undefined
          ? 'n/a'
          : `${ms(p95)} (p99 ${ms(result.steady?.p99)}, ${result.steady?.count} requests, ${result.shapes?.length} shapes)`,
      met: met === false ? false : met && atMillion && complete ? true : undefined,
      note:
        result.skipped ??
        (!complete && t ? `totals do not add up: ${t.submitted} submitted of ${t.expected}` : undefined) ??
        (atMillion ? undefined : `measured at ${result.size}, not 1M`),
    },
  ];
}

function simulationGoalChecks(result: SimulationBenchResult): GoalCheck[] {
  const atMillion = result.size >= 1_000_000;
  const note = result.skipped ?? (atMillion ? undefined : `measured at ${result.size}, not 1M`);
  const done = result.simulation?.status === 'done';
  const p99 = Math.max(result.whileRunning?.healthz.p99 ?? 0, result.whileRunning?.registration.p99 ?? 0);
  const verdict = (met: boolean) => (met && !atMillion ? undefined : met);
  return [
    {
      goal: `simulation of 1M stored registrations ≤ ${simulationGoals.maxSeconds} s`,
      measured: result.simulation
        ? `${result.simulation.status} in ${result.simulation.seconds.toFixed(1)} s (${result.simulation.read} read)`
        : 'n/a',
      met: result.simulation ? verdict(done && result.simulation.seconds <= simulationGoals.maxSeconds) : undefined,
      note,
    },
    {
      goal: `API p99 ≤ ${simulationGoals.p99Ms} ms while a simulation runs (GET /healthz, GET /registrations/{id})`,
      measured: result.whileRunning
        ? `healthz ${ms(result.whileRunning.healthz.p99)}, registration ${ms(result.whileRunning.registration.p99)}`
        : 'n/a',
      met: result.whileRunning ? verdict(p99 <= simulationGoals.p99Ms) : undefined,
      note,
    },
  ];
}

/** Met only when 1M was measured within twice the 10k figure; missed as soon as a smaller size exceeds it. */
function growthVerdict(ratio: number | undefined, reachedMillion: boolean): boolean | undefined {
  if (ratio === undefined) return undefined;
  if (ratio > 2) return false;
  return reachedMillion ? true : undefined;
}

function growthGoals(growthResults: GrowthResult[]): GoalCheck[] {
  const goals: GoalCheck[] = [];
  for (const growth of growthResults) {
    const measured = growth.points.filter((point) => point.operations);
    const [first, last] = [measured[0], measured.at(-1)];
    const reachedMillion = last !== undefined && last.size >= 1_000_000;
    for (const [name, ratio] of Object.entries(growth.ratios)) {
      const at = (point: GrowthPoint | undefined) => point?.operations?.[name]?.ms;
      goals.push({
        goal: `${name} at 1M ≤ 2 × at 10k (${growth.backend}, p50)`,
        measured:
          first && last && ratio.p50 !== undefined
            ? `${ratio.p50.toFixed(2)} × (${ms(at(last)?.p50)} at ${last.size} / ${ms(at(first)?.p50)} at ${first.size}); p95 ${ratio.p95?.toFixed(2) ?? 'n/a'} ×`
            : 'n/a',
        met: growthVerdict(ratio.p50, reachedMillion),
        note: reachedMillion
          ? undefined
          : `1M not measured: ${growth.points.find((p) => p.skipped)?.skipped ?? 'not requested'}`,
      });
    }
    if (Object.keys(growth.ratios).length === 0) {
      goals.push({
        goal: `growth at 1M ≤ 2 × at 10k (${growth.backend})`,
        measured: 'n/a',
        met: undefined,
        note: growth.points.find((p) => p.skipped)?.skipped ?? 'fewer than two sizes measured',
      });
    }
  }
  return goals;
}
