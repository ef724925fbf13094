import { parseArgs } from 'node:util';
import { type ConfigurationName, configurationNames } from './infra/configurations';

export type Backend = 'sqlite' | 'postgresql';

export interface BenchOptions {
  /** Requests in flight at once, for the registrations and for both baselines. */
  concurrency: number;
  /** Registrations per allocation model in the saturation phase (four models). */
  perModel: number;
  /** Stop a load phase after this long even if its count is not reached. */
  maxPhaseSeconds: number;
  /** Length of the paced phase at half of dealreg's own saturation (0 skips it). */
  pacedSeconds: number;
  /** Minutes of the soak at half of dealreg's saturation (`--soak`: 60; 0 skips it). */
  soakMinutes: number;
  /**
   * Which parts to run: the load phases (baselines, registrations, invariants), the growth, the
   * simulation, and GET /insights over the simulation's store (same size and seeding budget).
   */
  phases: Array<'load' | 'growth' | 'simulation' | 'insights' | 'import' | 'migration'>;
  /** Server and worker settings of the main run. */
  configuration: ConfigurationName;
  /** Run the load phase under every configuration and compare them (no growth, no report goals). */
  sweep: boolean;
  /** The configurations the sweep runs (default: all). */
  sweepConfigurations: ConfigurationName[];
  /** Registrations stored before each growth timing; empty skips growth. */
  growthSizes: number[];
  growthBackends: Backend[];
  /** Seeding budget per backend; larger sizes are skipped when the measured rate cannot reach them. */
  growthSeedMinutes: number;
  /** Samples per growth operation (acknowledgement, conflict check, decision, each list filter) per size. */
  growthChecks: number;
  /** Time box for each growth operation at one size (at least three samples are timed). */
  growthCheckSeconds: number;
  /** Stored registrations one policy simulation replays (while the API's other requests are timed). */
  simulationSize: number;
  /** Seeding budget for the simulation's store (kept between runs, like the growth data). */
  simulationSeedMinutes: number;
  /** The insights phase rebuilds the measures with the product's rebuild first (slow at 1M: it reads every registration whole). */
  insightsRebuild: boolean;
  /** Accounts the import phase generates and imports through the API (goal: 100,000 within 5 minutes). */
  importSize: number;
  /** Registrations the migration phase generates and imports through the API (goal: 100,000 within 15 minutes). */
  migrationSize: number;
  /** Record CPU profiles of the worker and the API (node --cpu-prof) and summarize them. */
  profile: boolean;
  /** A PostgreSQL of your own for FerretDB; by default the benchmark starts the bench profile's own. */
  postgresUrl?: string;
  /** Flush every commit, as npm start does (PostgreSQL fsync and synchronous_commit, Temporal's SQLite FULL). */
  durable: boolean;
  seed: number;
}

const help = `npm run bench -- [options]

  --quick                 a short run: 40 registrations per model, growth to 10k/100k, 10 s paced
  --concurrency N         requests in flight (default 16)
  --per-model N           registrations per allocation model (default 500)
  --max-phase-seconds N   time box for each model's load phase (default 90)
  --paced-seconds N       paced phase at half of dealreg's own saturation (default 60; 0 skips)
  --soak                  after the paced phase, an hour at half of dealreg's saturation: memory, errors, p99 drift
  --soak-minutes N        the soak's length instead of an hour (not in CI; a shorter soak is reported as such)
  --phases LIST           load,growth,simulation,insights,import,migration (default all six; insights shares the
                          simulation's store: the measures rebuilt from it, then GET /insights timed; import and
                          migration run against TEMPORAL_ADDRESS and MONGODB_URI when both are set, else on the
                          bench ports)
  --config NAME           ${configurationNames.join(' | ')} (default postgresql, as npm start)
  --sweep [--configs A,B] compare configurations (default every one) on the load phase
  --growth SIZES          comma-separated stored-registration counts (default 10000,100000,1000000; none skips);
                          at each: submission acknowledgement, conflict check, decision and the registration
                          list with each console filter, through the product's functions (no Temporal)
  --growth-backends LIST  postgresql and/or sqlite (default postgresql, the default store)
  --growth-seed-minutes N seeding budget per backend; progress is kept between runs (default 60)
  --growth-checks N       samples per operation and size (default 40)
  --growth-check-seconds N  time box per operation and size (default 30)
  --simulation-size N     stored registrations the simulation phase replays (default 1000000; quick 20000)
  --simulation-seed-minutes N  seeding budget for them (default 30; progress is kept)
  --insights-rebuild      the insights phase first rebuilds the measures with the code of npm run insights:rebuild
                          (timed); without it, it reads the facts the seeding wrote by the same rule
  --import-size N         accounts the import phase imports from a generated CSV file (default 100000; quick 10000)
  --migration-size N      registrations the migration phase imports from a generated file, 30 % protected, the rest
                          closed, while other requests are timed (default 100000; quick 5000)
  --profile               CPU-profile the worker and the API
  --durable               every commit flushed, as npm start runs (PostgreSQL fsync and synchronous_commit on,
                          Temporal's SQLite synchronous=FULL); by default the benchmark's servers do not flush
  --postgres-url URL      PostgreSQL for FerretDB's postgresql backend (default $DEALREG_FERRETDB_POSTGRES_URL,
                          else a PostgreSQL of the benchmark's own on 127.0.0.1:45432, data in .data/bench/postgres)
`;

function positiveInt(value: string | undefined, fallback: number, name: string): number {
  if (value === undefined) return fallback;
  const parsed = Number(value);
  if (!Number.isInteger(parsed) || parsed < 0) throw new Error(`--${name} must be a whole number, got ${value}`);
  return parsed;
}

export function parseOptions(argv: string[]): BenchOptions {
  const { values } = parseArgs({
    args: argv,
    options: {
      quick: { type: 'boolean', default: false },
      concurrency: { type: 'string' },
      'per-model': { type: 'string' },
      'max-phase-seconds': { type: 'string' },
      'paced-seconds': { type: 'string' },
      soak: { type: 'boolean', default: false },
      'soak-minutes': { type: 'string' },
      config: { type: 'string' },
      phases: { type: 'string' },
      sweep: { type: 'boolean', default: false },
      configs: { type: 'string' },
      growth: { type: 'string' },
      'growth-backends': { type: 'string' },
      'growth-seed-minutes': { type: 'string' },
      'growth-checks': { type: 'string' },
      'growth-check-seconds': { type: 'string' },
      'simulation-size': { type: 'string' },
      'simulation-seed-minutes': { type: 'string' },
      'insights-rebuild': { type: 'boolean', default: false },
      'import-size': { type: 'string' },
      'migration-size': { type: 'string' },
      profile: { type: 'boolean', default: false },
      'postgres-url': { type: 'string' },
      durable: { type: 'boolean', default: false },
      seed: { type: 'string' },
      help: { type: 'boolean', default: false },
    },
  });
  if (values.help) {
    process.stdout.write(help);
    process.exit(0);
  }
  const quick = values.quick === true;
  const configuration = (values.config ?? 'postgresql') as ConfigurationName;
  const sweepConfigurations = (values.configs?.split(',') ?? configurationNames) as ConfigurationName[];
  for (const name of [configuration, ...sweepConfigurations]) {
    if (!configurationNames.includes(name))
      throw new Error(`unknown configuration ${name}; use ${configurationNames.join(', ')}`);
  }
  const growth = values.growth ?? (quick ? '10000,100000' : '10000,100000,1000000');
  const backends = (values['growth-backends'] ?? 'postgresql').split(',').filter(Boolean);
  for (const backend of backends) {
    if (backend !== 'sqlite' && backend !== 'postgresql') throw new Error(`unknown growth backend ${backend}`);
  }
  const phases = (values.phases ?? 'load,growth,simulation,insights,import,migration').split(',').filter(Boolean);
  const known = ['load', 'growth', 'simulation', 'insights', 'import', 'migration'];
  if (phases.some((phase) => !known.includes(phase)))
    throw new Error('--phases takes load, growth, simulation, insights, import and/or migration');
  return {
    phases: phases as BenchOptions['phases'],
    concurrency: Math.max(1, positiveInt(values.concurrency, 16, 'concurrency')),
    perModel: Math.max(1, positiveInt(values['per-model'], quick ? 40 : 500, 'per-model')),
    maxPhaseSeconds: Math.max(1, positiveInt(values['max-phase-seconds'], quick ? 60 : 90, 'max-phase-seconds')),
    pacedSeconds: positiveInt(values['paced-seconds'], quick ? 10 : 60, 'paced-seconds'),
    soakMinutes: positiveInt(values['soak-minutes'], values.soak === true ? 60 : 0, 'soak-minutes'),
    configuration,
    sweep: values.sweep === true,
    sweepConfigurations,
    growthSizes:
      growth === 'none'
        ? []
        : growth
            .split(',')
            .map((size) => positiveInt(size, 0, 'growth'))
            .filter((size) => size > 0)
            .sort((a, b) => a - b),
    growthBackends: backends as Backend[],
    growthSeedMinutes: positiveInt(values['growth-seed-minutes'], quick ? 3 : 60, 'growth-seed-minutes'),
    growthChecks: Math.max(5, positiveInt(values['growth-checks'], quick ? 15 : 40, 'growth-checks')),
    growthCheckSeconds: Math.max(
      5,
      positiveInt(values['growth-check-seconds'], quick ? 15 : 30, 'growth-check-seconds'),
    ),
    simulationSize: Math.max(1, positiveInt(values['simulation-size'], quick ? 20_000 : 1_000_000, 'simulation-size')),
    simulationSeedMinutes: positiveInt(values['simulation-seed-minutes'], quick ? 5 : 30, 'simulation-seed-minutes'),
    insightsRebuild: values['insights-rebuild'] === true,
    importSize: Math.max(1, positiveInt(values['import-size'], quick ? 10_000 : 100_000, 'import-size')),
    migrationSize: Math.max(1, positiveInt(values['migration-size'], quick ? 5_000 : 100_000, 'migration-size')),
    profile: values.profile === true,
    postgresUrl: values['postgres-url'] ?? process.env.DEALREG_FERRETDB_POSTGRES_URL,
    durable: values.durable === true,
    seed: positiveInt(values.seed, 7, 'seed'),
  };
}
