import type { BurstFigures } from '../dealreg/bursts';
import type { GrowthPoint, GrowthResult } from '../growth/run';
import { type InsightsBenchResult, insightsGoals } from '../simulation/insights';
import { type SimulationBenchResult, simulationGoals } from '../simulation/run';
import type { PhaseFigures, Ratios } from './figures';
import type { LoadFigures, PacedFigures } from './load-figures';

export interface GoalCheck {
  goal: string;
  measured: string;
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
    ...(load ? loadGoals(load.ratios, load.dealreg.saturation, load.dealreg.paced) : []),
    ...(load ? burstGoals(load.dealreg.bursts) : []),
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

function loadGoals(ratios: Ratios, saturation: PhaseFigures, paced?: PacedFigures): GoalCheck[] {
  const throughput = ratios.throughputToBaselineWorkflow;
  const atLoad = paced ?? saturation;
  const where = paced ? `paced at ${pacedRateLabel(paced)}` : 'at saturation (no paced phase)';
  const goals: GoalCheck[] = [
    ...[0.25, 0.5].map((share) => ({
      goal: `registration throughput ≥ ${share} × baseline workflow${share === 0.25 ? ' (one-owner issue)' : ' (first benchmark issue)'}`,
      measured: throughput === undefined ? 'n/a' : `${throughput.toFixed(2)} ×`,
      met: throughput === undefined ? undefined : throughput >= share,
    })),
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
  return goals;
}

function burstGoals(b: BurstFigures): GoalCheck[] {
  const within = (value: number, limit: number) => (Number.isFinite(value) ? value <= limit : undefined);
  return [
    {
      goal: '20 distinct deals at once: last decided ≤ 5 × a lone registration',
      measured: `${ms(b.distinctLastMs)} vs lone ${ms(b.loneMs)} (${(b.distinctLastMs / b.loneMs).toFixed(1)} ×)`,
      met: within(b.distinctLastMs, 5 * b.loneMs),
    },
    {
      goal: '20 on one deal at once: last decided ≤ 2 × the distinct burst',
      measured: `${ms(b.oneDealLastMs)} (${(b.oneDealLastMs / b.distinctLastMs).toFixed(1)} ×)`,
      met: within(b.oneDealLastMs, 2 * b.distinctLastMs),
    },
    {
      goal: 'a lone registration during a 20-way contest: decided ≤ 2 × its usual time',
      measured: `${ms(b.loneDuringContestMs)} (${(b.loneDuringContestMs / b.loneMs).toFixed(1)} ×)`,
      met: within(b.loneDuringContestMs, 2 * b.loneMs),
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

/** The paced phase's rate and why: half the baseline, or 80% of saturation when half the baseline is beyond it. */
export function pacedRateLabel(paced: PacedFigures): string {
  return paced.cappedAtSustainable
    ? `${paced.targetRate.toFixed(1)}/s (80% of its saturation; half the baseline, ${paced.halfBaselineRate.toFixed(1)}/s, is beyond it)`
    : `${paced.targetRate.toFixed(1)}/s (half the baseline)`;
}
