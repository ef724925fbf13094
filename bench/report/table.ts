import type { RoundTripCount, RoundTripFigures } from '../dealreg/round-trips';
import type { GrowthResult } from '../growth/run';
import { importLines } from '../imports/run';
import type { LatencySummary } from '../load/stats';
import { migrationLines } from '../migration/phase';
import { insightsLines } from '../simulation/insights';
import { simulationLines } from '../simulation/run';
import type { CapacityRow } from './capacity';
import type { LoadFigures } from './load-figures';
import type { BenchReport } from './report';
import { padColumns as columns, yardstickLines } from './yardstick-table';

const n = (value: number | undefined, digits = 0) => (value === undefined ? '–' : value.toFixed(digits));
const lat = (s: LatencySummary | undefined) => (s ? `${n(s.p50)} / ${n(s.p95)} / ${n(s.p99)}` : '–');
const times = (value: number | undefined) => (value === undefined ? '–' : `${value.toFixed(2)}×`);
const triple = (r: { p50?: number; p95?: number; p99?: number }) => `${times(r.p50)} ${times(r.p95)} ${times(r.p99)}`;
const pct = (share: number) => `${Math.round(share * 100)}%`;

/** The human summary printed at the end of a run; the JSON report has every figure. */
export function renderTable(report: BenchReport): string {
  const m = report.machine;
  const lines = [
    '',
    `dealreg benchmark — configuration ${report.configuration.name}${report.options.durable ? ' (durable: every commit flushed)' : ''}, concurrency ${report.options.concurrency}`,
    `machine: ${m.cpuModel}, ${m.cores} cores, ${m.memoryGiB} GiB, node ${m.node}; load average ${n(m.loadAverageAtStart, 2)} at start, ${n(m.loadAverageAtEnd, 2)} at end`,
    `code: ${m.commit ?? 'unknown commit'}${m.uncommittedFiles?.length ? ` plus uncommitted changes to ${m.uncommittedFiles.join(', ')}` : ''}`,
    ...(report.load ? loadLines(report.load, report.options.concurrency) : []),
    ...growthLines(report.growth),
    ...simulationLines(report.simulation),
    ...insightsLines(report.insights),
    ...importLines(report.imports),
    ...migrationLines(report.migration),
    '',
    'goals:',
    ...report.goals.map((goal) => {
      const mark = goal.met === undefined ? '?     ' : goal.met ? 'met   ' : 'MISSED';
      const against = goal.yardstick ? ` (yardstick: ${goal.yardstick})` : '';
      return `  ${mark}  ${goal.goal}: ${goal.measured}${against}${goal.note ? ` — ${goal.note}` : ''}`;
    }),
  ];
  return `${lines.join('\n')}\n`;
}

const byName = (count: RoundTripCount) =>
  Object.entries(count.byName)
    .map(([name, perRegistration]) => `${name} ${n(perRegistration, 1)}`)
    .join(', ') || 'none';

function roundTripLines(r: RoundTripFigures | undefined): string[] {
  if (!r) return [];
  return [
    `round trips per registration, POST to decision (one at a time, ${r.registrations} registrations; idle traffic subtracted: worker ${n(r.workerIdleDbCommandsPerSecond, 1)}/s, API ${n(r.apiIdleDbCommandsPerSecond, 1)}/s):`,
    `  DB commands by the API ${n(r.apiDbCommands.total, 1)} (${byName(r.apiDbCommands)})`,
    `  DB commands by the worker ${n(r.workerDbCommands.total, 1)} (${byName(r.workerDbCommands)})`,
    `  Temporal RPCs by the API ${n(r.apiTemporalRpcs.total, 1)} (${byName(r.apiTemporalRpcs)})`,
    `  Temporal RPCs by the worker's client ${n(r.workerClientTemporalRpcs.total, 1)} (${byName(r.workerClientTemporalRpcs)}; its polls are not counted)`,
    `  history events per workflow: mean ${n(r.historyEvents.mean, 1)}, p50 ${n(r.historyEvents.p50)}, ${r.historyEvents.min}–${r.historyEvents.max}`,
  ];
}

function capacityLines(rows: CapacityRow[] | undefined): string[] {
  if (!rows) return [];
  return [
    '',
    'capacity PROJECTION from the CPU measured at saturation (assumes linear scale-out, CPU-bound tiers; database = FerretDB + PostgreSQL here):',
    ...columns([
      ['tier', 'CPU ms/registration', 'registrations/s per core', 'cores for 100/s', 'cores for 1000/s'],
      ...rows.map((row) => [
        `${row.tier} (${row.processes.join(' + ')})`,
        n(row.cpuMsPerRegistration, 1),
        n(row.registrationsPerSecondPerCore, 1),
        String(row.coresFor100PerSecond),
        String(row.coresFor1000PerSecond),
      ]),
    ]).map((line) => `  ${line}`),
  ];
}

function loadLines(load: LoadFigures, concurrency: number): string[] {
  const { dealreg, baseline, ratios } = load;
  const sat = dealreg.saturation;
  const lines = [
    '',
    `registrations at concurrency ${concurrency}, four models in turn, against the baselines at the same concurrency:`,
    ...columns([
      ['', 'registrations', 'baseline', '', 'ratio'],
      [
        'accepted per second',
        n(sat.acceptedPerSecond, 1),
        'workflow',
        n(baseline.workflow.acceptedPerSecond, 1),
        times(ratios.throughputToBaselineWorkflow),
      ],
      [
        'decided per second',
        n(sat.decidedPerSecond, 1),
        'workflow',
        n(baseline.workflow.decidedPerSecond, 1),
        times(ratios.decidedThroughputToBaselineWorkflow),
      ],
      [
        'API ack p50/p95/p99 ms',
        lat(sat.ackMs),
        'bare Express',
        lat(baseline.bareExpress.ackMs),
        triple(ratios.ackToBareExpress),
      ],
      ['', '', 'workflow start', lat(baseline.workflow.ackMs), triple(ratios.ackToBaselineWorkflowStart)],
      [
        'decision p50/p95/p99 ms',
        lat(sat.decisionMs),
        'workflow',
        lat(baseline.workflow.decisionMs),
        triple(ratios.decisionToBaselineWorkflow),
      ],
      [
        'worker peak RSS MiB',
        n(sat.peakMemoryMiB.worker),
        'workflow worker',
        n(baseline.workflow.peakMemoryMiB['baseline worker']),
        times(ratios.workerMemoryToBaselineWorker),
      ],
      [
        'API peak RSS MiB',
        n(sat.peakMemoryMiB.api),
        'bare Express',
        n(baseline.bareExpress.peakMemoryMiB['bare express']),
        times(ratios.apiMemoryToBareExpress),
      ],
    ]),
  ];
  lines.push(...yardstickLines(load, concurrency));
  const u = dealreg.unloaded;
  lines.push('', `one at a time (${u.accepted}): ack ms ${lat(u.ackMs)}, decision ms ${lat(u.decisionMs)}`);
  lines.push(...roundTripLines(dealreg.roundTrips), ...capacityLines(dealreg.capacity));
  const burst = dealreg.bursts;
  lines.push(
    `bursts: lone ${n(burst.loneMs, 0)} ms; 20 distinct at once, ack p95 ${n(burst.distinctAckMs.p95, 0)} ms, last decided ${n(burst.distinctLastMs, 0)} ms (${n(burst.distinctLastMs / burst.loneMs, 1)} x lone); 20 on one deal, last ${n(burst.oneDealLastMs, 0)} ms (${n(burst.oneDealLastMs / burst.distinctLastMs, 1)} x distinct); lone during a contest ${n(burst.loneDuringContestMs, 0)} ms (${n(burst.loneDuringContestMs / burst.loneMs, 1)} x lone)${burst.refused ? `; ${burst.refused} refused` : ''}`,
  );
  if (dealreg.paced) {
    const p = dealreg.paced;
    lines.push(
      `paced at ${n(p.targetRate, 1)}/s (half its saturation, ${n(p.saturationRate, 1)}/s) for ${n(p.seconds, 0)} s: ${n(p.acceptedPerSecond, 1)} accepted/s, ack ms ${lat(p.ackMs)}, decision ms ${lat(p.decisionMs)}${p.notSent ? `, ${p.notSent} not sent (fell behind)` : ''}`,
    );
  }
  lines.push(
    '',
    ...columns([
      ['model', 'accepted', 'per second', 'ack p50/p95/p99 ms', 'decision p50/p95/p99 ms'],
      ...dealreg.perModel.map((row) => [
        row.model,
        String(row.accepted),
        n(row.acceptedPerSecond, 1),
        lat(row.ackMs),
        lat(row.decisionMs),
      ]),
    ]),
    '',
    `outcomes: ${Object.entries(dealreg.outcomes)
      .map(([label, count]) => `${label} ${count}`)
      .join(', ')}`,
    `failed requests: ${
      Object.entries(sat.failures)
        .map(([status, f]) => `${status} ×${f.count} (${f.example ?? ''})`)
        .join(', ') || 'none'
    }`,
  );
  const b = dealreg.breakdown;
  if (b) {
    lines.push(
      `decision time, median (p95) ms over ${b.sampled} histories: API before workflow start ${n(b.apiBeforeWorkflowStart.p50)} (${n(b.apiBeforeWorkflowStart.p95)}), workflow task queued ${n(b.workflowTaskQueueWait.p50)} (${n(b.workflowTaskQueueWait.p95)}), acceptance ${n(b.acceptanceRun.p50)} (${n(b.acceptanceRun.p95)}), first look queued ${n(b.lookQueueWait.p50)} (${n(b.lookQueueWait.p95)}), look run ${n(b.lookRun.p50)} (${n(b.lookRun.p95)}), decision step ${n(b.decisionStep.p50)} (${n(b.decisionStep.p95)}); ${b.waited} waited for an earlier registration`,
    );
  }
  lines.push(
    `CPU during the registrations (${n(sat.usage.seconds)} s, machine ${pct(sat.usage.machineUtilization)} busy): ${sat.usage.processes.map((p) => `${p.label} ${pct(p.cpuShare)}`).join(', ')}, other processes ${pct(sat.usage.othersSeconds / Math.max(sat.usage.machineBusySeconds, 1e-9))}`,
  );
  const inv = dealreg.invariants;
  if (inv) {
    const broken = Object.entries(inv).filter(([, value]) => Array.isArray(value) && value.length > 0);
    lines.push(
      `invariants over ${inv.checkedRegistrations} registrations: ${inv.ok ? 'all hold' : `BROKEN: ${broken.map(([name, list]) => `${name} ${(list as unknown[]).length}`).join(', ')}`}`,
    );
    for (const [id, why] of Object.entries(inv.whyPending ?? {})) lines.push(`  still pending ${id}: ${why}`);
  }
  for (const profile of load.profiles) {
    lines.push(
      `${profile.process} JavaScript CPU (${profile.busyMs} ms): ${profile.byArea
        .slice(0, 8)
        .map((area) => `${area.area} ${pct(area.share)}`)
        .join(', ')}`,
    );
  }
  for (const profile of load.goProfiles) {
    lines.push(`${profile.process} CPU profile (${profile.seconds} s, ${profile.file}):`);
    lines.push(...(profile.top?.slice(0, 18).map((line) => `    ${line}`) ?? [`    ${profile.error}`]));
  }
  return lines;
}

function growthLines(growths: GrowthResult[]): string[] {
  if (growths.length === 0) return [];
  const sizes = [...new Set(growths.flatMap((growth) => growth.points.map((point) => point.size)))];
  const lines: string[] = [
    '',
    'growth: the database-bound parts the API and the decide activity run (no Temporal; the load phase measures it)',
  ];
  for (const growth of growths) {
    const names = [...new Set(growth.points.flatMap((point) => Object.keys(point.operations ?? {})))];
    const rows: string[][] = [[`${growth.backend}, ms p50 / p95`, ...sizes.map(String), 'largest / smallest p50, p95']];
    for (const name of names) {
      const cell = (size: number) => {
        const point = growth.points.find((p) => p.size === size);
        const timing = point?.operations?.[name];
        if (!timing) return point?.skipped ? 'not seeded' : '–';
        // Marked when other processes took a noticeable share of the CPU while it was timed.
        const disturbed = (timing.othersCpuShare ?? 0) > 0.15 ? ` (others ${pct(timing.othersCpuShare ?? 0)})` : '';
        return `${n(timing.ms.p50, 1)} / ${n(timing.ms.p95, 1)}${disturbed}`;
      };
      const ratio = growth.ratios[name];
      rows.push([name, ...sizes.map(cell), ratio ? `${times(ratio.p50)} ${times(ratio.p95)}` : '–']);
      if (name === 'conflict check') {
        const parts = (size: number) => {
          const t = growth.points.find((p) => p.size === size)?.conflictCheck;
          return t ? `${n(t.keyLookupMs.p50, 1)} + ${n(t.loadCandidatesMs.p50, 1)} + ${n(t.decideMs.p50, 1)}` : '';
        };
        rows.push(['  keys + candidates + engine', ...sizes.map(parts), '']);
      }
    }
    const seeding = growth.points
      .map(
        (p) =>
          `${p.size}: ${p.stored} stored in ${n(p.seedSeconds)} s${p.seedRatePerSecond ? ` (${n(p.seedRatePerSecond)}/s last)` : ''}`,
      )
      .join('; ');
    lines.push(...columns(rows), `  seeding: ${seeding}`);
    const plans = Object.entries(growth.plans ?? {}).filter(([, plan]) => typeof plan === 'object');
    if (plans.length > 0) {
      lines.push(
        `  plans at ${(growth.plans as { size?: number }).size}: ${plans
          .map(([query, plan]) => `${query} ${((plan as { nodes?: string[] }).nodes ?? []).join(' ')}`)
          .join('; ')}`,
      );
    }
    lines.push(...growth.points.filter((p) => p.skipped).map((p) => `  ${growth.backend} ${p.size}: ${p.skipped}`));
  }
  return lines;
}
