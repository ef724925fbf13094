import type { TwinBursts } from '../baseline/twin-bursts';
import type { LatencySummary } from '../load/stats';
import type { PhaseFigures } from './figures';
import type { LoadFigures } from './load-figures';

const n = (value: number | undefined, digits = 0) =>
  value === undefined || !Number.isFinite(value) ? '–' : value.toFixed(digits);
const lat = (s: LatencySummary | undefined) => (s?.count ? `${n(s.p50)} / ${n(s.p95)} / ${n(s.p99)}` : '–');
const share = (a: number | undefined, b: number | undefined) =>
  a === undefined || b === undefined || !b ? '–' : `${(a / b).toFixed(2)}×`;

interface Row {
  label: string;
  figures: PhaseFigures;
  /** The lone time, the 20-burst's last answered and last done, ms. */
  loneMs?: number;
  burstLastAckMs?: number;
  burstLastDoneMs?: number;
}

const twinRow = (label: string, figures: PhaseFigures, bursts: TwinBursts): Row => ({
  label,
  figures,
  loneMs: bursts.loneMs,
  burstLastAckMs: bursts.burstLastAckMs,
  burstLastDoneMs: bursts.burstLastDoneMs,
});

export function padColumns(rows: string[][]): string[] {
  const widths = rows[0]?.map((_, i) => Math.max(...rows.map((row) => (row[i] ?? '').length))) ?? [];
  return rows.map((row) =>
    row
      .map((cell, i) => cell.padEnd(widths[i] ?? 0))
      .join('  ')
      .trimEnd(),
  );
}

/**
 * dealreg beside each yardstick of the same run, at the same concurrency: answered and completed per
 * second, their latencies, the lone time and each one's own 20-burst; then dealreg's share of each.
 */
export function yardstickLines(load: LoadFigures, concurrency: number): string[] {
  const { dealreg, baseline, twins } = load;
  const sat = dealreg.saturation;
  const b = dealreg.bursts;
  const rows: Row[] = [
    {
      label: 'registrations (202; stored decision)',
      figures: sat,
      loneMs: b.loneMs,
      burstLastAckMs: b.distinctAckMs.max,
      burstLastDoneMs: b.distinctLastMs,
    },
    twinRow('shape twin (update answered; decision step)', twins.shape, twins.shape.bursts),
    twinRow('driver twin (acceptance; decision written)', twins.driver, twins.driver.bursts),
    { label: 'no-op workflow (started; activity done)', figures: baseline.workflow },
    { label: 'bare Express (202)', figures: baseline.bareExpress },
  ];
  return [
    '',
    `yardsticks at concurrency ${concurrency}, same run (answer; completion in brackets; ms p50 / p95 / p99):`,
    ...padColumns([
      [
        '',
        'answered/s',
        'completed/s',
        'answer ms',
        'completion ms',
        'lone ms',
        '20 at once: last answered, last done',
      ],
      ...rows.map((row) => [
        row.label,
        n(row.figures.acceptedPerSecond, 1),
        n(row.figures.decidedPerSecond, 1),
        lat(row.figures.ackMs),
        lat(row.figures.decisionMs),
        n(row.loneMs),
        row.burstLastDoneMs === undefined ? '–' : `${n(row.burstLastAckMs)}, ${n(row.burstLastDoneMs)}`,
      ]),
    ]).map((line) => `  ${line}`),
    `  registrations decided/s against: no-op ${share(sat.decidedPerSecond, baseline.workflow.decidedPerSecond)}, shape twin ${share(sat.decidedPerSecond, twins.shape.decidedPerSecond)}, driver twin ${share(sat.decidedPerSecond, twins.driver.decidedPerSecond)}; 20-burst last decided against the shape twin's ${share(b.distinctLastMs, twins.shape.bursts.burstLastDoneMs)}, the driver twin's ${share(b.distinctLastMs, twins.driver.bursts.burstLastDoneMs)}`,
  ];
}
