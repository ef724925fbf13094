import { createHash } from 'node:crypto';
import { type EscalationDoc, escalationBucketing } from '../../db/escalations';
import { bucketOf, listingKey, listingKeys } from '../../db/listing';
import { type RegistrationDoc, registrationBucketing, registrationListKeys } from '../../db/registrations';
import { decide, explain } from '../../domain/allocation';
import type { Decision, RegistrationFacts } from '../../domain/allocation/types';
import { customerIdentity, customerKeysOf, lookupKeys } from '../../domain/matching';
import type { Policy } from '../../domain/policy/schema';
import type { RegistrationStatus } from '../../domain/registration';
import { distinctCustomer, pick, someProductLines } from '../dealreg/customers';
import { benchResellers } from '../dealreg/partners';

/**
 * Stored registrations by status: a fifth live (holding a deal, listed in `dealkeys`), the rest
 * ended, as in a program that has run for a few years with 90-day protection.
 */
const statusShares: Array<[RegistrationStatus, number]> = [
  ['approved', 0.17],
  ['escalated', 0.03],
  ['won', 0.25],
  ['lost', 0.2],
  ['expired', 0.2],
  ['rejected', 0.1],
  ['withdrawn', 0.05],
];

function statusFor(random: () => number): RegistrationStatus {
  let roll = random();
  for (const [status, share] of statusShares) {
    roll -= share;
    if (roll < 0) return status;
  }
  return 'won';
}

export interface DealKeyEntry {
  _id: string;
  key: string;
  registrationId: string;
}

/**
 * The engine's decision without holders depends only on the routing facts, so it is computed once per
 * combination: seeding a million registrations should cost database time, not engine time.
 */
const decisions = new Map<string, { decision: Decision; staff: string; reseller: string }>();
function decisionFor(facts: RegistrationFacts, policy: Policy) {
  const key = [facts.customer.segment, facts.customer.region, facts.partnerType, facts.distributorId].join('|');
  let cached = decisions.get(key);
  if (!cached) {
    const decision = decide({ subject: facts, policy, policyVersion: 1, holders: [] });
    cached = { decision, staff: explain(decision, 'staff'), reseller: explain(decision, 'reseller') };
    decisions.set(key, cached);
  }
  return cached;
}

/**
 * `registrationListKeys`, with the scope names (which depend on partner, distributor and status only)
 * computed once per combination: naming the scopes costs as much as the rest of a seeded document.
 */
const scopesByFilters = new Map<string, string[]>();
export function seededListKeys(doc: {
  resellerId: string;
  distributorId: string;
  status: RegistrationStatus;
  sequence: number;
}): string[] {
  const combination = `${doc.resellerId}|${doc.distributorId}|${doc.status}`;
  let scopes = scopesByFilters.get(combination);
  if (!scopes) {
    scopes = registrationListKeys({ ...doc, sequence: 0 }).map((key) => key.slice(0, key.lastIndexOf('|')));
    scopesByFilters.set(combination, scopes);
  }
  const bucket = bucketOf(doc.sequence, registrationBucketing);
  return scopes.map((scope) => listingKey(scope, bucket));
}

const sha = (text: string) => createHash('sha256').update(text).digest('hex');
const DAY_MS = 86_400_000;

/**
 * The registration numbered `serial` as the workflow would have left it: customer, keys, status and
 * one engine decision with its trace (the trace is computed once per call site's policy, so seeding a
 * million stays cheap; the stored hash chain is not meant to verify). Submitted at `submittedAt`, or on
 * a random day of the three years before `now`.
 */
export function storedRegistration(
  serial: number,
  random: () => number,
  policy: Policy,
  now: number,
  submittedAtGiven?: Date,
): RegistrationDoc {
  const customer = distinctCustomer(serial, random);
  const reseller = pick(random, benchResellers);
  const productLines = someProductLines(random);
  const identity = customerIdentity(customer);
  const status = statusFor(random);
  const submittedAt = submittedAtGiven ?? new Date(now - Math.floor(random() * 3 * 365) * DAY_MS);
  const decidedAt = new Date(submittedAt.getTime() + 2_000);
  const id = `reg_g${serial.toString(16).padStart(11, '0')}`;
  // Numbers start at 1, as drawSequence hands them out.
  const sequence = serial + 1;
  const facts = {
    id,
    resellerId: reseller.id,
    partnerType: reseller.partnerType,
    distributorId: reseller.distributorIds[0] as string,
    customer,
    productLines,
    sequence,
    status: 'pending' as const,
  };
  const decision = decisionFor(facts, policy);
  const ended = status !== 'approved' && status !== 'escalated';
  const hash = sha(id);
  return {
    _id: id,
    status,
    resellerId: reseller.id,
    partnerType: reseller.partnerType,
    distributorId: facts.distributorId,
    customer,
    opportunity: {
      title: `${customer.name} ${productLines.join(' and ')} refresh`,
      productLines,
      estimatedValue: { amount: 50_000, currency: 'USD' },
      expectedCloseDate: '2027-03-31',
    },
    searchText: `${customer.name} ${customer.domain ?? ''}`.toLowerCase(),
    lookupKeys: lookupKeys(identity),
    customerKeys: customerKeysOf(identity),
    sequence,
    listKeys: seededListKeys({ resellerId: reseller.id, distributorId: facts.distributorId, status, sequence }),
    submittedAt,
    decidedAt,
    ...(status === 'approved' ? { protectedUntil: new Date(decidedAt.getTime() + 90 * DAY_MS) } : {}),
    ...(ended ? { endedAt: new Date(decidedAt.getTime() + 30 * DAY_MS) } : {}),
    extensionsUsed: 0,
    policyVersion: 1,
    ...(status === 'escalated' ? { escalationId: escalationIdOf(id) } : {}),
    explanation: decision.staff,
    resellerExplanation: decision.reseller,
    decisions: [
      {
        key: 'decision',
        event: status === 'escalated' ? 'escalated-by-engine' : 'approved-by-engine',
        at: decidedAt.toISOString(),
        kind: 'decision',
        fromStatus: 'pending',
        toStatus: status === 'escalated' ? 'escalated' : 'approved',
        explanation: decision.staff,
        resellerExplanation: decision.reseller,
        trace: decision.decision.trace,
        matches: [],
        policyVersion: 1,
        decidedBy: { kind: 'engine', id: 'allocation-engine' },
        actor: { kind: 'engine', id: 'allocation-engine' },
        prevHash: '0'.repeat(64),
        hash,
      },
    ],
    decisionKeys: ['decision'],
    lastDecisionHash: hash,
    requestHash: hash,
    workflowId: `registration-${id}`,
    updatedAt: decidedAt,
  };
}

/** The customer-key entries of a live registration (ended ones are removed from `dealkeys`). */
export function dealKeyEntries(registration: RegistrationDoc): DealKeyEntry[] {
  if (registration.status !== 'approved' && registration.status !== 'escalated') return [];
  return registration.lookupKeys.map((key) => ({
    _id: `${key}|${registration._id}`,
    key,
    registrationId: registration._id,
  }));
}

const escalationIdOf = (registrationId: string) => `esc_${registrationId.replace(/^reg_/, '')}`;

/** The `sequencenumbers` entry that took the registration's number, so that `highestSequence()` finds the top. */
export function sequenceEntry(registration: RegistrationDoc) {
  const value = registration.sequence as number;
  return { _id: String(value), value, registrationId: registration._id, at: registration.submittedAt };
}

/** The open escalation of an escalated registration, as its escalation workflow projects it (db/escalations.ts). */
export function escalationOf(registration: RegistrationDoc): EscalationDoc[] {
  if (registration.status !== 'escalated') return [];
  const createdAt = registration.decidedAt ?? registration.submittedAt;
  const doc: EscalationDoc = {
    _id: escalationIdOf(registration._id),
    status: 'open',
    subject: 'registration',
    reasonCode: 'possible-duplicate',
    contenders: [],
    policyVersion: 1,
    createdAt,
    reviewDueAt: new Date(createdAt.getTime() + 2 * DAY_MS),
    secondReviewDueAt: new Date(createdAt.getTime() + 4 * DAY_MS),
    level: 1,
    remindersSent: 0,
    revision: 1,
    workflowId: `escalation-${escalationIdOf(registration._id)}`,
    updatedAt: createdAt,
  };
  return [{ ...doc, listKeys: listingKeys({ status: doc.status }, createdAt.getTime(), escalationBucketing) }];
}
