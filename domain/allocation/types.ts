import type { AccountFacts } from '../accounts/routing-facts';
import type { Policy } from '../policy/schema';
import type { Customer, ReasonCode, RegistrationStatus, SubmitterType } from '../registration';

/**
 * What the allocation engine needs to know about one registration. It is a plain snapshot:
 * the engine never reads a database, so the conflict-check activity and the policy simulator
 * feed it the same way and get the same answer.
 */
export interface RegistrationFacts {
  id: string;
  resellerId: string;
  /** The reseller's partner type at the time of the decision. */
  partnerType: SubmitterType;
  distributorId: string;
  customer: Customer;
  productLines: string[];
  program?: string;
  sequence: number;
  status: RegistrationStatus;
  /**
   * The vendor's account the customer matched with certainty, as it was then (`accountFacts`): routing
   * goes by it instead of the declared segment, region and program, and two registrations on one account
   * are one customer. Absent when no account matched (a probable, name-only match routes nothing).
   */
  account?: AccountFacts;
  /**
   * The catalogue's family of each product line it knows (product id → family). Read only under the
   * policy's `matching.productScope: "family"`; a line without a family compares as itself.
   */
  productFamilies?: Record<string, string>;
}

export interface DecisionInput {
  /** The registration being decided (status `pending`). */
  subject: RegistrationFacts;
  policy: Policy;
  policyVersion: number;
  /**
   * Registrations that currently hold a deal (status `approved` or `escalated`) and that may be
   * the same deal as the subject: the caller finds them through the customer's lookup keys, the
   * engine decides precisely whether they match. The subject itself is never in this list.
   */
  holders: RegistrationFacts[];
}

export type MatchStrength = 'certain' | 'probable';
/** `account`: both registrations were matched to one vendor account, whatever identifiers or domains each gave. */
export type MatchBasis = 'uei' | 'duns' | 'taxId' | 'domain' | 'name' | 'account';

/** Why another registration counts as the same deal, and how strongly. */
export interface DealMatch {
  registrationId: string;
  resellerId: string;
  distributorId: string;
  sequence: number;
  strength: MatchStrength;
  basis: MatchBasis;
  /** 1 for identifier and domain matches; the name similarity for name matches. */
  score: number;
  sharedProductLines: string[];
  /** Under `matching.productScope: "family"`: the product families both name (the lines above are the subject's in them). */
  sharedProductFamilies?: string[];
  /**
   * Identifiers both customers give with different values: `value` is the subject's, `holderValue`
   * the matched registration's. Staff only, like the whole match: it names another partner's data.
   */
  conflictingIdentifiers?: IdentifierConflict[];
}

export interface IdentifierConflict {
  kind: 'uei' | 'duns' | 'taxId';
  value: string;
  holderValue: string;
}

/** One rule the engine evaluated, in order. */
export interface RuleTraceStep {
  /** Stable machine name, for example `routing.match-route` or `deal.first-come`. */
  rule: string;
  /** What the rule looked at (values safe for staff; see redaction for resellers). */
  inputs: Record<string, unknown>;
  /** What it concluded, in a word: `pass`, `match`, `no-match`, `reject`, `escalate`, `approve`, ... */
  result: string;
  /** One sentence a person can read. */
  detail: string;
  /** True on the step that determined the outcome. Exactly one step is decisive. */
  decisive?: boolean;
}

export type DecisionOutcome = 'approve' | 'reject' | 'escalate';

export interface Decision {
  outcome: DecisionOutcome;
  /** Present for `reject` and `escalate`. */
  reasonCode?: ReasonCode;
  /** The registrations the decision is about (holders matched, contenders of an escalation). */
  matches: DealMatch[];
  /** For `duplicate`: the reseller's own registration that already holds the deal. */
  ownRegistrationId?: string;
  trace: RuleTraceStep[];
  policyVersion: number;
}

/**
 * Who reads a trace or an explanation. Staff see everything. A partner sees its own facts only: a
 * reseller, its own registrations; a distributor, the reseller's registrations that went through it
 * (a registration the same reseller made through another distributor is not named to it).
 */
export type Audience = 'staff' | PartnerAudience;
export type PartnerAudience = 'reseller' | { distributor: string };
