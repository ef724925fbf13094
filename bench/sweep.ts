import { progress } from '../scripts/dev-stack/stack';
import { type ConfigurationName, configurations } from './infra/configurations';
import type { LatencySummary } from './load/stats';
import { runLoadBench } from './load-bench';
import type { BenchOptions } from './options';
import { describeMachine, type MachineInfo } from './report/machine';
import { reportName, writeReport } from './report/report';

export interface SweepRow {
  configuration: ConfigurationName;
  description: string;
  acceptedPerSecond: number;
  baselineWorkflowPerSecond: number;
  throughputRatio?: number;
  ackMs: LatencySummary;
  decisionMs?: LatencySummary;
  workerPeakMiB?: number;
  apiPeakMiB?: number;
  othersCpuShare: number;
  invariantsHold?: boolean;
  /** Invariants that did not hold, with how many registrations each. */
  brokenInvariants?: Record<string, number>;
  whyPending?: Record<string, string>;
  error?: string;
}

const fmt = (value: number | undefined, digits = 0) => (value === undefined ? '–' : value.toFixed(digits));

/**
 * The load phase (both baselines and the registrations, no paced phase, no growth) under every
 * configuration in turn, on freshly started servers each time; the fastest is the one with the most
 * accepted registrations per second whose invariants hold.
 */
export async function runSweep(options: BenchOptions): Promise<void> {
  const startedAt = new Date();
  const machine: MachineInfo = describeMachine();
  const rows: SweepRow[] = [];
  for (const name of options.sweepConfigurations) {
    const configuration = configurations[name];
    progress(`sweep: ${name} (${configuration.description})`);
    try {
      const result = await runLoadBench(options, configuration, false);
      const sat = result.dealreg.saturation;
      const usage = sat.usage;
      rows.push({
        configuration: name,
        description: configuration.description,
        acceptedPerSecond: sat.acceptedPerSecond,
        baselineWorkflowPerSecond: result.baseline.workflow.acceptedPerSecond,
        throughputRatio: result.ratios.throughputToBaselineWorkflow,
        ackMs: sat.ackMs,
        decisionMs: sat.decisionMs,
        workerPeakMiB: sat.peakMemoryMiB.worker,
        apiPeakMiB: sat.peakMemoryMiB.api,
        othersCpuShare: usage.machineBusySeconds > 0 ? usage.othersSeconds / usage.machineBusySeconds : 0,
        invariantsHold: result.dealreg.invariants?.ok,
        brokenInvariants: Object.fromEntries(
          Object.entries(result.dealreg.invariants ?? {})
            .filter(([, value]) => Array.isArray(value) && value.length > 0)
            .map(([name, value]) => [name, (value as unknown[]).length]),
        ),
        whyPending: result.dealreg.invariants?.whyPending,
      });
    } catch (error) {
      rows.push({
        configuration: name,
        description: configuration.description,
        acceptedPerSecond: 0,
        baselineWorkflowPerSecond: 0,
        ackMs: { count: 0, p50: undefined, p95: undefined, p99: undefined, max: undefined },
        othersCpuShare: 0,
        error: error instanceof Error ? error.message : String(error),
      });
    }
  }
  machine.loadAverageAtEnd = describeMachine().loadAverageAtStart;
  const fastest = rows.filter((row) => row.invariantsHold).sort((a, b) => b.acceptedPerSecond - a.acceptedPerSecond)[0];
  const file = await writeReport(
    { startedAt: startedAt.toISOString(), machine, options, rows, fastest: fastest?.configuration },
    reportName('sweep', startedAt),
  );
  const lines = [
    '',
    `configuration sweep, ${options.perModel} registrations per model at concurrency ${options.concurrency}:`,
    'configuration        reg/s  baseline wf/s  ratio  ack p50/p99 ms  decision p50/p95 ms  worker/API MiB  others CPU  invariants',
    ...rows.map((row) =>
      [
        row.configuration.padEnd(19),
        fmt(row.acceptedPerSecond, 1).padStart(6),
        fmt(row.baselineWorkflowPerSecond, 1).padStart(14),
        fmt(row.throughputRatio, 2).padStart(6),
        `${fmt(row.ackMs.p50)}/${fmt(row.ackMs.p99)}`.padStart(15),
        `${fmt(row.decisionMs?.p50)}/${fmt(row.decisionMs?.p95)}`.padStart(20),
        `${fmt(row.workerPeakMiB)}/${fmt(row.apiPeakMiB)}`.padStart(15),
        `${Math.round(row.othersCpuShare * 100)}%`.padStart(11),
        row.error
          ? `  failed: ${row.error}`
          : row.invariantsHold
            ? '  hold'
            : `  BROKEN ${Object.entries(row.brokenInvariants ?? {})
                .map(([name, count]) => `${name} ${count}`)
                .join(', ')}`,
      ].join(''),
    ),
    ...rows.flatMap((row) =>
      Object.entries(row.whyPending ?? {}).map(([id, why]) => `${row.configuration}: still pending ${id}: ${why}`),
    ),
    '',
    `fastest: ${fastest?.configuration ?? 'none'}; report: ${file}`,
  ];
  process.stdout.write(`${lines.join('\n')}\n`);
}
