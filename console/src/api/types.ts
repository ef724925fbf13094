/**
 * The shapes the console reads from the HTTP API (see /api/v1/openapi.json). Written by hand, not
 * imported from the server: the console is a client of the public API like any other.
 */

export type Role = 'reseller' | 'distributor' | 'channel-manager' | 'auditor' | 'admin';

export interface Me {
  keyId: string;
  role: Role;
  resellerId?: string;
  distributorId?: string;
  temporalUiUrl?: string;
  temporalNamespace?: string;
}

export type RegistrationStatus =
  | 'pending'
  | 'approved'
  | 'rejected'
  | 'escalated'
  | 'won'
  | 'lost'
  | 'expired'
  | 'withdrawn';

export const registrationStatuses: readonly RegistrationStatus[] = [
  'pending',
  'approved',
  'rejected',
  'escalated',
  'won',
  'lost',
  'expired',
  'withdrawn',
];

export interface Money {
  amount: number;
  currency: string;
}

export interface Customer {
  name: string;
  domain?: string;
  identifiers?: { uei?: string; duns?: string; taxId?: string };
  segment: string;
  region?: string;
}

export interface Opportunity {
  title: string;
  productLines: string[];
  estimatedValue?: Money;
  expectedCloseDate?: string;
}

export interface RuleTraceStep {
  rule: string;
  inputs: Record<string, unknown>;
  result: string;
  detail: string;
  decisive?: boolean;
}

export interface DealMatch {
  registrationId: string;
  resellerId: string;
  distributorId: string;
  sequence: number;
  strength: 'certain' | 'probable';
  basis: string;
  score: number;
  sharedProductLines: string[];
}

export interface Decision {
  at: string;
  kind: string;
  fromStatus: RegistrationStatus;
  toStatus: RegistrationStatus;
  reasonCode?: string;
  explanation: string;
  trace: RuleTraceStep[];
  policyVersion: number;
  decidedBy: { kind: string; id?: string };
  protectedUntil?: string;
  matches?: DealMatch[];
  escalationId?: string;
  hash: string;
  prevHash: string;
}

export interface Registration {
  id: string;
  status: RegistrationStatus;
  reasonCode?: string;
  explanation?: string;
  resellerId: string;
  distributorId: string;
  customer: Customer;
  opportunity: Opportunity;
  program?: string;
  submittedAt: string;
  sequence: number;
  decidedAt?: string;
  protectedUntil?: string;
  extensionsUsed: number;
  policyVersion: number;
  escalationId?: string;
  endedAt?: string;
  decisions: Decision[];
}

export interface Page<T> {
  items: T[];
  nextCursor: string | null;
}

export interface HistoryEvent {
  eventId: number;
  at: string;
  type: string;
  summary: string;
  details?: unknown;
}

export interface EscalationContender {
  registrationId: string;
  role: 'holder' | 'contender';
  resellerId: string;
  resellerName?: string;
  distributorId: string;
  sequence: number;
  submittedAt?: string;
  status?: RegistrationStatus;
  customer?: Customer;
  title?: string;
  productLines?: string[];
  estimatedValue?: Money;
  program?: string;
  match?: { strength: 'certain' | 'probable'; basis: string; score: number; withRegistrationId: string };
  joinedAt?: string;
}

export interface Escalation {
  id: string;
  status: 'open' | 'resolved';
  subject: 'registration' | 'extension';
  reasonCode: string;
  level: number;
  policyVersion: number;
  createdAt: string;
  reviewDueAt: string;
  secondReviewDueAt: string;
  contenders: EscalationContender[];
  resolution?: {
    kind: 'award' | 'reject-all' | 'distinct' | 'moot';
    registrationId?: string;
    reason: string;
    by: { kind: string; id?: string };
    at: string;
  };
}

export type ResolutionRequest =
  | { award: string; reason: string }
  | { rejectAll: true; reason: string }
  | { distinct: true; reason: string };

/** A policy as the API stores it; the console edits it as JSON and lets the API validate it. */
export type Policy = Record<string, unknown>;

export interface PolicyVersion {
  version: number;
  createdAt: string;
  createdBy: string;
  policy: Policy;
}

export interface Partner {
  id: string;
  name: string;
}

export interface OutcomeCounts {
  approve: number;
  reject: number;
  escalate: number;
  undecided: number;
}

export interface SimulationReport {
  label: string;
  registrations: number;
  outcomes: { current: OutcomeCounts; candidate: OutcomeCounts };
  escalationRate: { current: number; candidate: number };
  distributorShares: {
    distributorId: string;
    name: string;
    current: { approvals: number; share: number };
    candidate: { approvals: number; share: number };
  }[];
  collisions: { dealGroups: number; registrations: number };
  changedCount: number;
  changes: {
    registrationId: string;
    sequence: number;
    actual: { outcome: string; reasonCode: string | null; decisiveRule: string | null };
    simulated: { outcome: string; reasonCode: string | null };
    decisiveRule: string;
    detail: string;
  }[];
  limits: {
    refused: number;
    hits: { resellerId: string; limit: string; refused: number; firstRefusedAt: string }[];
  };
}

/** A policy simulation: it runs on the server; the console polls it until it has ended. */
export interface SimulationJob {
  id: string;
  status: 'running' | 'done' | 'timed-out' | 'failed';
  label: string;
  startedAt: string;
  deadline: string;
  finishedAt?: string;
  progress: { read: number; totalEstimate: number };
  /** True when the time limit ended the replay: the report covers only what was read. */
  partial: boolean;
  report?: SimulationReport;
  error?: string;
}
