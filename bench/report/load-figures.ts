import type { AllocationModel } from '../../domain/policy/schema';
import type { InvariantReport } from '../../services/invariants';
import type { BurstFigures } from '../dealreg/bursts';
import type { RoundTripFigures } from '../dealreg/round-trips';
import type { DecisionBreakdown } from '../dealreg/timeline';
import type { LatencySummary } from '../load/stats';
import type { CapacityRow } from './capacity';
import type { ProfileSummary } from './cpu-profile';
import type { PhaseFigures, Ratios } from './figures';
import type { GoProfileSummary } from './go-profile';

/** What the load phases measure: the shapes the run fills and the report, goals and tables read. */
export interface ModelRow {
  model: AllocationModel;
  accepted: number;
  acceptedPerSecond: number;
  ackMs: LatencySummary;
  decisionMs?: LatencySummary;
}

export type PacedFigures = PhaseFigures & {
  targetRate: number;
  /** Half the baseline workflow's rate: the load the goals name. */
  halfBaselineRate: number;
  /** True when that load is beyond the service, so the phase ran at 80% of the saturation throughput. */
  cappedAtSustainable: boolean;
};

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
