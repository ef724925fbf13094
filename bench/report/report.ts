import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import type { AllocationModel } from '../../domain/policy/schema';
import type { InvariantReport } from '../../services/invariants';
import type { BurstFigures } from '../dealreg/bursts';
import type { RoundTripFigures } from '../dealreg/round-trips';
import type { PacedFigures } from '../dealreg/run-dealreg';
import type { DecisionBreakdown } from '../dealreg/timeline';
import type { GrowthResult } from '../growth/run';
import type { ImportBenchResult } from '../imports/run';
import type { Configuration, ConfigurationName } from '../infra/configurations';
import { benchDir } from '../infra/stack';
import type { LatencySummary } from '../load/stats';
import type { BenchOptions } from '../options';
import type { InsightsBenchResult } from '../simulation/insights';
import type { SimulationBenchResult } from '../simulation/run';
import type { CapacityRow } from './capacity';
import type { ProfileSummary } from './cpu-profile';
import type { PhaseFigures, Ratios } from './figures';
import type { GoProfileSummary } from './go-profile';
import type { GoalCheck } from './goals';
import type { MachineInfo } from './machine';

export interface ModelRow {
  model: AllocationModel;
  accepted: number;
  acceptedPerSecond: number;
  ackMs: LatencySummary;
  decisionMs?: LatencySummary;
}

export interface BenchReport {
  startedAt: string;
  finishedAt?: string;
  machine: MachineInfo;
  options: BenchOptions;
  configuration: Configuration & { name: ConfigurationName };
  /** Absent when only the growth was run (--phases growth). */
  load?: LoadFigures;
  growth: GrowthResult[];
  /** One policy simulation over the largest store, and the API's latency meanwhile (--phases simulation). */
  simulation?: SimulationBenchResult;
  /** GET /insights over the simulation's store, after the measures were rebuilt from it (--phases insights). */
  insights?: InsightsBenchResult;
  /** 100,000 accounts imported from a CSV file, and the account look-up among them (--phases import). */
  imports?: ImportBenchResult;
  goals: GoalCheck[];
}

export interface LoadFigures {
  baseline: { workflow: PhaseFigures; bareExpress: PhaseFigures };
  dealreg: {
    /** Twenty registrations sent one at a time before the load: service time without queueing. */
    unloaded: PhaseFigures;
    /** CPU per registration of each tier at saturation, projected to a cluster (a projection, not a measurement). */
    capacity: CapacityRow[];
    /** Round trips per registration, counted during the one-at-a-time phase. */
    roundTrips: RoundTripFigures;
    saturation: PhaseFigures;
    perModel: ModelRow[];
    paced?: PacedFigures;
    bursts: BurstFigures;
    /** Registrations by outcome (`status` or `status:reasonCode`). */
    outcomes: Record<string, number>;
    /** Outcomes by what the mix meant each registration to exercise. */
    outcomesByKind: Record<string, Record<string, number>>;
    breakdown?: DecisionBreakdown;
    invariants?: InvariantReport;
    decisionWait: { pending: number; waitedSeconds: number };
  };
  ratios: Ratios;
  profiles: ProfileSummary[];
  goProfiles: GoProfileSummary[];
}

/** Writes the report as JSON under .data/bench (git-ignored); returns its path. */
export async function writeReport(report: object, name: string): Promise<string> {
  await mkdir(benchDir, { recursive: true });
  const file = path.join(benchDir, name);
  await writeFile(file, `${JSON.stringify(report, null, 2)}\n`);
  return file;
}

export const reportName = (prefix: string, startedAt: Date) =>
  `${prefix}-${startedAt.toISOString().replace(/[:.]/g, '-')}.json`;
