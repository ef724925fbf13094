import { model, Schema } from 'mongoose';
import type { RegistrationAccount } from '../domain/accounts/registration-account';
import { houseAccountSeller } from '../domain/accounts/routing-facts';
import type { RegistrationFacts } from '../domain/allocation/types';
import type { StepEntry } from '../domain/lifecycle';
import type { Actor, Arrival } from '../domain/lifecycle-entries';
import type { Customer, Opportunity, ReasonCode, RegistrationStatus, SubmitterType } from '../domain/registration';
import { type Bucketing, bucketOf, listingKey, listingKeys, scopeName } from './listing';

/**
 * One entry of a registration's decision log. Entries are hash-chained: `hash` covers every other
 * field but `signature`, the previous entry's hash included, and the signature covers `hash`: whoever
 * can write the database can recompute hashes, but not signatures.
 */
export type DecisionRecord = StepEntry & {
  fromStatus: RegistrationStatus;
  toStatus: RegistrationStatus;
  /**
   * sha256 of the registration's core facts when the entry was written (db/decision-log.ts): the hash,
   * and so the signature, covers them, so a later edit of the customer or partner is caught too.
   */
  factsHash?: string;
  /** Which audit key signed the entry. */
  keyId?: string;
  prevHash: string;
  hash: string;
  /** Ed25519 over `hash` with the audit key, which is not in the database. */
  signature?: string;
};

/**
 * A registration. After its workflow has started, that workflow is the only writer of this document
 * (FerretDB v1 does not apply concurrent updates atomically; one writer per document makes that moot).
 */
export interface RegistrationDoc extends RegistrationAccount {
  _id: string;
  status: RegistrationStatus;
  reasonCode?: ReasonCode;
  explanation?: string;
  resellerExplanation?: string;
  /** A partner's; for a direct opportunity the seller's party id (domain/direct.ts). */
  resellerId: string;
  partnerType: SubmitterType;
  distributorId: string;
  /** A vendor seller's direct opportunity: its seller. */
  sellerId?: string;
  customer: Customer;
  opportunity: Opportunity;
  program?: string;
  /** Lowercased searchable text (customer name, domain, title) for staff searches. */
  searchText: string;
  /** Every key under which this registration is listed in `dealkeys` (certain and blocking). */
  lookupKeys: string[];
  /** Identifier and domain keys only: the customer as Temporal's search attribute shows it. */
  customerKeys: string[];
  /** Drawn after the registration is findable through its keys; absent until then. */
  sequence?: number;
  /** Where list pages find it (db/listing.ts); empty until it has a sequence. */
  listKeys?: string[];
  submittedAt: Date;
  decidedAt?: Date;
  protectedUntil?: Date;
  extensionsUsed: number;
  policyVersion: number;
  escalationId?: string;
  decisions: DecisionRecord[];
  decisionKeys: string[];
  lastDecisionHash: string;
  /** sha256 of the submitted body: the same Idempotency-Key with another body is refused. */
  requestHash: string;
  idempotencyKey?: string;
  /** Who entered it: a person or an integration key (and for whom, when a distributor entered it). */
  enteredBy?: Actor & { onBehalfOf?: { distributorId: string } };
  /** The name of its workflow; a registration stored `historyOnly` never had one under it. */
  workflowId: string;
  /**
   * A closed registration a migration stored for history (activities/imported-history.ts): written by the
   * import, with no workflow run and so no workflow history (the audit and the invariant check know).
   */
  historyOnly?: true;
  endedAt?: Date;
  updatedAt: Date;
  /** A migrated registration: the import and row it came from, and where it stood before. */
  arrival?: Arrival;
  /** A transfer's receiver: the registration whose deal a channel manager moved to it (staff only). */
  transferredFrom?: string;
  /** Product lines added by a change since acceptance, each with the sequence drawn for it (else `sequence` counts). */
  lineSequences?: Record<string, number>;
  /**
   * Lines a change is adding, claimed before their number is drawn and cleared once the change is recorded
   * or refused: another look at the deal that meets them waits for the change (docs/DESIGN.md, "Changes").
   */
  lineClaim?: LineClaim;
}

export interface LineClaim {
  productLines: string[];
  /** Absent for the moment between the claim and its number. */
  sequence?: number;
}

const schema = new Schema<RegistrationDoc>(
  {
    _id: { type: String, required: true },
    status: { type: String, required: true },
    reasonCode: String,
    explanation: String,
    resellerExplanation: String,
    resellerId: { type: String, required: true },
    partnerType: { type: String, required: true },
    distributorId: { type: String, required: true },
    sellerId: String,
    customer: { type: Schema.Types.Mixed, required: true },
    opportunity: { type: Schema.Types.Mixed, required: true },
    program: String,
    // The vendor's account at acceptance (domain/accounts/registration-account.ts): written once, with the rest.
    accountId: String,
    account: { type: Schema.Types.Mixed },
    declared: { type: Schema.Types.Mixed },
    accountCandidates: { type: Schema.Types.Mixed },
    searchText: { type: String, required: true },
    lookupKeys: { type: [String], required: true },
    customerKeys: { type: [String], required: true },
    sequence: Number,
    listKeys: { type: [String], default: undefined },
    submittedAt: { type: Date, required: true },
    decidedAt: Date,
    protectedUntil: Date,
    extensionsUsed: { type: Number, required: true, default: 0 },
    policyVersion: { type: Number, required: true },
    escalationId: String,
    decisions: { type: Schema.Types.Mixed, default: [] },
    decisionKeys: { type: [String], default: [] },
    lastDecisionHash: { type: String, required: true },
    requestHash: { type: String, required: true },
    idempotencyKey: String,
    enteredBy: { type: Schema.Types.Mixed },
    workflowId: { type: String, required: true },
    historyOnly: Boolean,
    endedAt: Date,
    updatedAt: { type: Date, required: true },
    arrival: { type: Schema.Types.Mixed },
    transferredFrom: String,
    lineSequences: { type: Schema.Types.Mixed },
    lineClaim: { type: Schema.Types.Mixed },
  },
  { versionKey: false, minimize: false },
);
// Every list page is a few equality lookups on `listKeys`; `sequence` finds one by its number.
schema.index({ listKeys: 1 });
schema.index({ sequence: 1 });

export const Registration = model<RegistrationDoc>('Registration', schema, 'registrations');

/**
 * 128 sequence numbers per bucket: a page of fifty in the busiest scope reads one or two buckets; a
 * partner with a hundredth of the traffic fills a page from about forty, read up to eight at a time.
 * FerretDB decodes every document a bucket holds, so the width is what a busy page costs. (Changing it
 * changes every stored `listKeys`: a deployment with data would need them rewritten.)
 */
export const registrationBucketing: Bucketing = { width: 128, maxBuckets: 64, parallel: 8 };
/** The customer text filter reads whole buckets and keeps what matches: a smaller budget per page. */
export const TEXT_SEARCH_BUCKETS = 8;

/**
 * The vendor sellers a registration concerns: the seller whose direct opportunity it is, and the seller
 * whose house account it is on. A `sales`
 * caller lists and reads exactly these.
 */
export function sellersConcerned(doc: Pick<RegistrationDoc, 'account' | 'sellerId'>): string[] {
  const house = houseAccountSeller(doc.account);
  return [...new Set([doc.sellerId, house].filter((id): id is string => id !== undefined))];
}

/**
 * The list pages a registration appears on: by partner, distributor and status, and each combination;
 * and, for each seller it concerns, by that seller with and without its status.
 */
export function registrationListKeys(
  doc: Pick<RegistrationDoc, 'resellerId' | 'distributorId' | 'status' | 'account' | 'sellerId'> & {
    sequence?: number;
  },
): string[] {
  if (doc.sequence === undefined) return [];
  const partnerKeys = listingKeys(
    { resellerId: doc.resellerId, distributorId: doc.distributorId, status: doc.status },
    doc.sequence,
    registrationBucketing,
  );
  const bucket = bucketOf(doc.sequence, registrationBucketing);
  const sellerKeys = sellersConcerned(doc).flatMap((sellerId) =>
    [scopeName({ sellerId }), scopeName({ sellerId, status: doc.status })].map((scope) => listingKey(scope, bucket)),
  );
  return [...partnerKeys, ...sellerKeys];
}

/** The first entry of every chain points at this. */
export const GENESIS_HASH = '0'.repeat(64);

/** The fields the allocation engine reads, as the conflict check and the what-if replay both give them. */
export type FactsSource = Pick<
  RegistrationDoc,
  '_id' | 'status' | 'resellerId' | 'partnerType' | 'distributorId' | 'customer' | 'program' | 'sequence' | 'account'
> & { opportunity: Pick<Opportunity, 'productLines'> };

export function registrationFacts(doc: FactsSource): RegistrationFacts {
  return {
    id: doc._id,
    resellerId: doc.resellerId,
    partnerType: doc.partnerType,
    distributorId: doc.distributorId,
    customer: doc.customer,
    productLines: doc.opportunity.productLines,
    ...(doc.program ? { program: doc.program } : {}),
    // The account as it was when the registration was accepted: what was known then decides.
    ...(doc.account ? { account: doc.account } : {}),
    // Not accepted yet: it sorts after every accepted registration.
    sequence: doc.sequence ?? Number.MAX_SAFE_INTEGER,
    status: doc.status,
  };
}
