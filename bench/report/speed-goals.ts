import type { GoalCheck } from './goals';
import type { LoadFigures } from './load-figures';
import type { SoakVerdict } from './soak-verdict';

const ms = (value: number | undefined) =>
  value === undefined || !Number.isFinite(value) ? 'n/a' : `${Math.round(value)} ms`;
const rate = (value: number | undefined) =>
  value === undefined || !Number.isFinite(value) ? 'n/a' : `${value.toFixed(1)}/s`;
const known = (value: number | undefined): value is number => value !== undefined && Number.isFinite(value);

/** measured ≤ limit (or ≥, for rates); undefined when either side was not measured. */
function atMost(measured: number | undefined, limit: number | undefined): boolean | undefined {
  return known(measured) && known(limit) ? measured <= limit : undefined;
}
function atLeast(measured: number | undefined, limit: number | undefined): boolean | undefined {
  return known(measured) && known(limit) ? measured >= limit : undefined;
}
const times = (share: number, of: number | undefined) => (known(of) ? share * of : undefined);

/**
 * Issue 27's goals (point 4), each as written, with what this run measured, the yardstick it is held to
 * (a fixed limit, or a share of a yardstick measured in the same run) and whether it is met.
 */
export function speedGoals(load: LoadFigures): GoalCheck[] {
  const { dealreg, baseline, twins } = load;
  const { saturation, unloaded, paced, bursts } = dealreg;
  const shape = twins.shape;
  const atHalf = paced ? `paced at ${rate(paced.targetRate)}, half its saturation ${rate(paced.saturationRate)}` : '';
  const noPaced = paced ? undefined : 'no paced phase in this run (--paced-seconds 0)';
  const goals: GoalCheck[] = [
    {
      goal: 'must pass: a lone registration acknowledged (202) within 100 ms, p95',
      measured: `${ms(unloaded.ackMs.p95)} (${unloaded.ackMs.count} lone, each after the one before was decided)`,
      yardstick: `100 ms; shape twin's lone answer ${ms(shape.bursts.loneAckMs)}`,
      met: atMost(unloaded.ackMs.p95, 100),
    },
    {
      goal: 'must pass: 20 at once acknowledged (202) within 500 ms, p95',
      measured: `${ms(bursts.distinctAckMs.p95)} (${bursts.distinctAckMs.count} of 20 distinct deals)`,
      yardstick: `500 ms; shape twin's 20 at once answered p95 ${ms(shape.bursts.burstAckMs.p95)}`,
      met: atMost(bursts.distinctAckMs.p95, 500),
    },
    {
      goal: "decided per second ≥ 1.0 × the no-op workflow's completion rate",
      measured: rate(saturation.decidedPerSecond),
      yardstick: `${rate(baseline.workflow.decidedPerSecond)} no-op completions`,
      met: atLeast(saturation.decidedPerSecond, baseline.workflow.decidedPerSecond),
    },
    {
      goal: "decided per second ≥ 0.5 × the shape twin's",
      measured: rate(saturation.decidedPerSecond),
      yardstick: `0.5 × ${rate(shape.decidedPerSecond)} = ${rate(times(0.5, shape.decidedPerSecond))}`,
      met: atLeast(saturation.decidedPerSecond, times(0.5, shape.decidedPerSecond)),
    },
    {
      goal: 'at half of its own saturation: acknowledgement p99 ≤ 100 ms',
      measured: paced ? `${ms(paced.ackMs.p99)} (${atHalf})` : 'n/a',
      yardstick: '100 ms',
      met: atMost(paced?.ackMs.p99, 100),
      note: noPaced ?? notSentNote(paced?.notSent),
    },
    {
      goal: 'at half of its own saturation: POST to stored decision p95 ≤ 300 ms',
      measured: paced ? `${ms(paced.decisionMs?.p95)} (${atHalf})` : 'n/a',
      yardstick: '300 ms',
      met: atMost(paced?.decisionMs?.p95, 300),
      note: noPaced,
    },
    {
      goal: "20 distinct deals at once: the last decided within 2 × the shape twin's 20-burst",
      measured: ms(bursts.distinctLastMs),
      yardstick: `2 × ${ms(shape.bursts.burstLastDoneMs)} = ${ms(times(2, shape.bursts.burstLastDoneMs))}`,
      met: atMost(bursts.distinctLastMs, times(2, shape.bursts.burstLastDoneMs)),
    },
    {
      goal: '20 distinct deals at once: the last decided within 500 ms',
      measured: ms(bursts.distinctLastMs),
      yardstick: '500 ms',
      met: atMost(bursts.distinctLastMs, 500),
    },
    {
      goal: '20 on one deal: the last decided within 2 × the distinct burst',
      measured: ms(bursts.oneDealLastMs),
      yardstick: `2 × ${ms(bursts.distinctLastMs)} = ${ms(times(2, bursts.distinctLastMs))}`,
      met: atMost(bursts.oneDealLastMs, times(2, bursts.distinctLastMs)),
    },
    {
      goal: 'a lone registration sent during that contest decided within 2 × its usual time',
      measured: ms(bursts.loneDuringContestMs),
      yardstick: `2 × ${ms(bursts.loneMs)} (lone, nothing else running) = ${ms(times(2, bursts.loneMs))}`,
      met: atMost(bursts.loneDuringContestMs, times(2, bursts.loneMs)),
    },
    soakGoal(dealreg.soak),
  ];
  return goals;
}

const notSentNote = (notSent: number | undefined) =>
  notSent ? `${notSent} arrivals not sent: the API fell behind` : undefined;

const SOAK_GOAL =
  'an hour at half saturation (--soak): memory flat after warm-up (≤ 10 %), 0 errors, last-10-min p99 ≤ 1.5 × first';

function soakGoal(soak: SoakVerdict | undefined): GoalCheck {
  if (!soak) return { goal: SOAK_GOAL, measured: 'not measured', met: undefined, note: 'run with --soak (an hour)' };
  const growth = soak.memory.map((m) => `${m.process} ${m.growth >= 0 ? '+' : ''}${(m.growth * 100).toFixed(1)} %`);
  const short =
    soak.minutes < 59 ? `only ${soak.minutes.toFixed(0)} min (windows of ${soak.windowMinutes.toFixed(0)})` : undefined;
  return {
    goal: SOAK_GOAL,
    measured: `${soak.errors} errors of ${soak.sent}; ack p99 first ${ms(soak.ackP99FirstMs)}, last ${ms(soak.ackP99LastMs)}; memory ${growth.join(', ')}`,
    yardstick: '≤ 10 % growth, 0 errors, last p99 ≤ 1.5 × first',
    met: soak.errors === 0 && soak.flatMemory && soak.steadyLatency === true,
    ...(short ? { note: short } : {}),
  };
}
