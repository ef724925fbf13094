import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import type { GrowthResult } from '../growth/run';
import type { ImportBenchResult } from '../imports/run';
import type { Configuration, ConfigurationName } from '../infra/configurations';
import { benchDir } from '../infra/stack';
import type { MigrationBenchResult } from '../migration/run';
import type { BenchOptions } from '../options';
import type { InsightsBenchResult } from '../simulation/insights';
import type { SimulationBenchResult } from '../simulation/run';
import type { GoalCheck } from './goals';
import type { LoadFigures } from './load-figures';
import type { MachineInfo } from './machine';

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
  /** 100,000 registrations migrated through the API, the API's other requests timed meanwhile (--phases migration). */
  migration?: MigrationBenchResult;
  goals: GoalCheck[];
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
