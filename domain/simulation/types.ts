import type { AccountFacts } from '../accounts/routing-facts';
import type { DecisionOutcome, RegistrationFacts } from '../allocation/types';
import type { LimitName, Policy } from '../policy/schema';
import type { ReasonCode, RegistrationStatus } from '../registration';

/** What actually happened to a stored registration. */
export interface ActualOutcome {
  /**
   * The status its first decision gave it: `approved`, `rejected` or `escalated` (`pending` while
   * undecided). A later status is read for what it implies: `won`, `lost` and `expired` were
   * approved; `rejected` with `resolved-against` was escalated first.
   */
  status: RegistrationStatus;
  reasonCode?: ReasonCode;
  decidedAt?: string;
  /** When and how it stopped holding its deal, if it has. */
  endedAt?: string;
  endStatus?: 'withdrawn' | 'won' | 'lost' | 'expired' | 'rejected' | 'transferred' | 'revoked';
}

/** A stored registration as the simulator replays it. */
export interface RegistrationSnapshot extends Omit<RegistrationFacts, 'status'> {
  /** ISO 8601 time of acceptance. */
  submittedAt: string;
  actual: ActualOutcome;
  /** The decisive rule of the actual decision, when it was recorded. */
  actualDecisiveRule?: string;
  /**
   * When `account` is the account as it is now: the one recorded at acceptance (null: none was). The
   * report counts the registrations whose account facts changed since. Undefined: not compared.
   */
  accountAtAcceptance?: AccountFacts | null;
}

/** What a replay needs besides the registrations. */
export interface ReplaySetup {
  /** The candidate policy (already validated by the policy schema). */
  policy: Policy;
  /** How the report names the candidate, for example "draft of 2026-03-01" or "v8". */
  label: string;
  partners: { distributors: { id: string; name: string }[] };
  /** At most this many changed registrations are listed (all are counted); default all. */
  maxChanges?: number;
}

export interface SimulationInput extends ReplaySetup {
  /** Stored registrations, in any order. */
  registrations: RegistrationSnapshot[];
}

/** `undecided`: the registration has no decision yet (or was withdrawn before it got one). */
export type ReplayOutcome = DecisionOutcome | 'undecided';

export interface OutcomeCounts {
  approve: number;
  reject: number;
  escalate: number;
  undecided: number;
}

export interface DistributorShare {
  distributorId: string;
  name: string;
  current: { approvals: number; share: number };
  candidate: { approvals: number; share: number };
}

export interface OutcomeChange {
  registrationId: string;
  sequence: number;
  actual: { outcome: ReplayOutcome; reasonCode: ReasonCode | null; decisiveRule: string | null };
  simulated: { outcome: DecisionOutcome; reasonCode: ReasonCode | null };
  /** The rule that decided the simulated outcome, and its sentence (for staff). */
  decisiveRule: string;
  detail: string;
}

/** A reseller whose submissions the candidate's limits would have refused. */
export interface LimitHit {
  resellerId: string;
  limit: LimitName;
  /** Submissions refused by this limit (refused ones are not replayed further). */
  refused: number;
  firstRefusedAt: string;
}

export interface SimulationReport {
  label: string;
  registrations: number;
  outcomes: { current: OutcomeCounts; candidate: OutcomeCounts };
  /** Escalations over decided registrations (0 when none was decided). */
  escalationRate: { current: number; candidate: number };
  distributorShares: DistributorShare[];
  /**
   * Deals that more than one registration went for, as the candidate's matching sees them while
   * replaying (registrations linked by a certain or probable match on a shared product line).
   */
  collisions: { dealGroups: number; registrations: number };
  changedCount: number;
  changes: OutcomeChange[];
  /**
   * Who the candidate's limits would have refused. Refused submissions would not have been stored:
   * they are left out of the candidate's outcome counts and of the replay's deal holders.
   */
  limits: { refused: number; hits: LimitHit[] };
  /**
   * The vendor's accounts, as they are now, against what was declared: how many registrations the
   * replay routed by an account, how many of those declared a segment, region or program the account
   * contradicts (each field counted on its own), and how many were decided by other account facts.
   */
  accounts: AccountsReplayed;
  /**
   * Partner registrations on a vendor seller's house account (as the accounts are now), and how many
   * the candidate's `houseAccounts` rule would have rejected or sent to a channel manager.
   */
  houseAccounts: HouseAccountsReplayed;
}

export interface HouseAccountsReplayed {
  registrations: number;
  rejected: number;
  escalated: number;
}

export interface AccountsReplayed {
  routedByAccount: number;
  declaredOtherwise: number;
  declaredOtherwiseBy: { segment: number; region: number; program: number };
  /** Registrations whose account facts now differ from those they were decided by (or had none then). */
  changedSinceAcceptance: number;
}
