import type { UsageWindow } from '../infra/proc-stats';
import type { LoadResult } from '../load/driver';
import { type LatencySummary, ratio, summarize } from '../load/stats';

/** What one load phase measured, the same shape for the registrations and for each baseline. */
export interface PhaseFigures {
  label: string;
  sent: number;
  accepted: number;
  notSent: number;
  /** Failed requests by HTTP status (0: no answer), with one example message. */
  failures: Record<string, { count: number; example?: string }>;
  seconds: number;
  acceptedPerSecond: number;
  ackMs: LatencySummary;
  /** Client send to the decision (registrations) or to the no-op activity's end (baseline workflow). */
  decisionMs?: LatencySummary;
  /** Accepted and decided, per second from the first send to the last decision. */
  decidedPerSecond?: number;
  /** Peak resident memory per process while the phase ran (MiB). */
  peakMemoryMiB: Record<string, number>;
  usage: UsageWindow;
}

export function phaseFigures(
  label: string,
  load: LoadResult<unknown>,
  usage: UsageWindow,
  decidedAt?: (index: number) => number | undefined,
): PhaseFigures {
  const accepted = load.samples.filter((sample) => sample.ok);
  const failures: PhaseFigures['failures'] = {};
  for (const sample of load.samples.filter((s) => !s.ok)) {
    const entry = failures[String(sample.status)] ?? { count: 0 };
    failures[String(sample.status)] = entry;
    entry.count += 1;
    entry.example ??= sample.error ?? (typeof sample.value === 'string' ? sample.value : undefined);
  }
  const figures: PhaseFigures = {
    label,
    sent: load.samples.length,
    accepted: accepted.length,
    notSent: load.notSent,
    failures,
    seconds: load.seconds,
    acceptedPerSecond: load.seconds > 0 ? accepted.length / load.seconds : 0,
    ackMs: summarize(accepted.map((sample) => sample.latencyMs)),
    peakMemoryMiB: Object.fromEntries(usage.processes.map((p) => [p.label, Math.round(p.peakRssMiB)])),
    usage,
  };
  if (decidedAt) {
    const decisions = accepted.flatMap((sample) => {
      const at = decidedAt(sample.index);
      return at === undefined ? [] : [{ sentAt: sample.sentAt, at }];
    });
    figures.decisionMs = summarize(decisions.map((d) => d.at - d.sentAt));
    const lastDecision = decisions.reduce((last, d) => Math.max(last, d.at), load.startedAt);
    const span = (lastDecision - load.startedAt) / 1000;
    figures.decidedPerSecond = span > 0 ? decisions.length / span : 0;
  }
  return figures;
}

export interface Ratios {
  throughputToBaselineWorkflow?: number;
  decidedThroughputToBaselineWorkflow?: number;
  ackToBareExpress: { p50?: number; p95?: number; p99?: number };
  ackToBaselineWorkflowStart: { p50?: number; p95?: number; p99?: number };
  decisionToBaselineWorkflow: { p50?: number; p95?: number; p99?: number };
  workerMemoryToBaselineWorker?: number;
  apiMemoryToBareExpress?: number;
}

const latencyRatio = (a: LatencySummary | undefined, b: LatencySummary | undefined) => ({
  p50: ratio(a?.p50, b?.p50),
  p95: ratio(a?.p95, b?.p95),
  p99: ratio(a?.p99, b?.p99),
});

export function ratiosOf(dealreg: PhaseFigures, workflow: PhaseFigures, bare: PhaseFigures): Ratios {
  return {
    throughputToBaselineWorkflow: ratio(dealreg.acceptedPerSecond, workflow.acceptedPerSecond),
    decidedThroughputToBaselineWorkflow: ratio(dealreg.decidedPerSecond, workflow.decidedPerSecond),
    ackToBareExpress: latencyRatio(dealreg.ackMs, bare.ackMs),
    ackToBaselineWorkflowStart: latencyRatio(dealreg.ackMs, workflow.ackMs),
    decisionToBaselineWorkflow: latencyRatio(dealreg.decisionMs, workflow.decisionMs),
    workerMemoryToBaselineWorker: ratio(dealreg.peakMemoryMiB.worker, workflow.peakMemoryMiB['baseline worker']),
    apiMemoryToBareExpress: ratio(dealreg.peakMemoryMiB.api, bare.peakMemoryMiB['bare express']),
  };
}
