import type { AllocationModel } from '../../domain/policy/schema';
import type { InvariantReport } from '../../services/invariants';
import type { TwinBursts } from '../baseline/twin-bursts';
import type { BurstFigures } from '../dealreg/bursts';
import type { RoundTripFigures } from '../dealreg/round-trips';
import type { DecisionBreakdown } from '../dealreg/timeline';
import type { LatencySummary } from '../load/stats';
import type { CapacityRow } from './capacity';
import type { ProfileSummary } from './cpu-profile';
import type { PhaseFigures, Ratios } from './figures';
import type { GoProfileSummary } from './go-profile';
import type { SoakVerdict } from './soak-verdict';

/** What the load phases measure: the shapes the run fills and the report, goals and tables read. */
export interface ModelRow {
  model: AllocationModel;
  accepted: number;
  acceptedPerSecond: number;
  ackMs: LatencySummary;
  decisionMs?: LatencySummary;
}

export type PacedFigures = PhaseFigures & {
  /** Half of `saturationRate` (bench/dealreg/pacing.ts). */
  targetRate: number;
  /** The registrations' own saturation in this run: the lower of accepted and decided per second. */
  saturationRate: number;
};

/** A yardstick's figures at the registrations' concurrency, with its own bursts. */
export type TwinRun = PhaseFigures & { bursts: TwinBursts };

export interface TwinFigures {
  /** A workflow started and answered like a registration, its steps doing nothing (bench/baseline/shape-twin.ts). */
  shape: TwinRun;
  /** A registration's database commands through the plain driver (bench/baseline/driver-twin.ts). */
  driver: TwinRun;
}

export interface LoadFigures {
  baseline: { workflow: PhaseFigures; bareExpress: PhaseFigures };
  twins: TwinFigures;
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
    /** The soak (`--soak`): an hour (or what was asked) at half saturation. */
    soak?: SoakVerdict;
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
