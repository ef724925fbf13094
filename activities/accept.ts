import { Context } from '@temporalio/activity';
import { ApplicationFailure } from '@temporalio/common';
import { crashPoint } from '../config/crash-points';
import { accountCandidates, type LookUpAccount, lookUpAccount } from '../db/account-lookup';
import { listUnderKeys } from '../db/dealkeys';
import { insertOnce } from '../db/insert-once';
import { currentPolicy } from '../db/policies';
import { reserveQuota } from '../db/registration-quota';
import { GENESIS_HASH, Registration, type RegistrationDoc, registrationListKeys } from '../db/registrations';
import { drawSequence } from '../db/sequences';
import { registrationLookupKeys } from '../domain/accounts/match';
import { type RegistrationAccount, registrationAccount } from '../domain/accounts/registration-account';
import { LimitReached } from '../domain/errors';
import type { Arrival } from '../domain/lifecycle-entries';
import { customerIdentity, customerKeysOf } from '../domain/matching';
import { registrationSearchText } from '../domain/opportunity-change';
import { type PolicyVersion, timingInMs } from '../domain/policy/schema';
import {
  type AcceptanceTerms,
  type AcceptedRegistration,
  registrationWorkflowId,
  type SubmissionInput,
} from '../workflows/definitions';
import { loadPolicyVersion } from './registration-facts';

export interface AcceptanceInput {
  registrationId: string;
  submission: SubmissionInput;
}

/**
 * The first step of a registration's workflow: store it, in the order first come, first served needs
 * (docs/DESIGN.md): listed under its customer keys, then its sequence drawn, then the document inserted
 * with that sequence in one write. A conflict check that finds the listing before the document waits for
 * this step to finish. Every part may be repeated: a retry after a crash lists nothing twice, and its
 * insert finds the document an earlier attempt stored (a number drawn by an attempt that died unused is
 * only a gap). Refusals happen before the first write, so a refused submission stores nothing.
 */
export async function acceptRegistration(
  input: AcceptanceInput,
): Promise<{ registration: AcceptedRegistration; terms: AcceptanceTerms }> {
  const registration = await storeSubmission(input, { mayBeStored: Context.current().info.attempt > 1 });
  return { registration, terms: termsOf(await loadPolicyVersion(Number(registration.policyVersion))) };
}

/** What the version a registration was accepted under sets for its life: its timings, in milliseconds. */
export function termsOf({ policy, version }: PolicyVersion): AcceptanceTerms {
  const ms = timingInMs(policy.timing);
  return {
    policyVersion: version,
    timing: {
      protectionMs: ms.protectionMs,
      extensionPeriodMs: ms.extensionPeriodMs,
      expiryReminderMs: ms.expiryReminderMs,
      extensionMax: policy.timing.extension.max,
      needsApproval: policy.timing.extension.needsApproval,
    },
  };
}

/**
 * The policy's limits and the bound per customer key, reserved for the submitting reseller. A migration
 * brings registrations that exist already, and a direct opportunity is the vendor's own: no limit may
 * refuse either, and none is taken.
 */
function reserveLimits(
  submission: SubmissionInput,
  registrationId: string,
  lookupKeys: readonly string[],
  policy: PolicyVersion,
) {
  const { partnerType } = submission;
  if (submission.arrival || partnerType === 'direct') return Promise.resolve({ release: async () => undefined });
  return reserveQuota({ _id: submission.resellerId, partnerType }, registrationId, lookupKeys, new Date(), policy);
}

/** The acceptance's writes; the benchmark and the query-plan test store registrations with it too. */
export async function storeSubmission(
  input: AcceptanceInput,
  { mayBeStored }: { mayBeStored: boolean },
): Promise<AcceptedRegistration> {
  const { registrationId } = input;
  if (mayBeStored) {
    const stored = await Registration.findById(registrationId).lean<RegistrationDoc>().exec();
    if (stored) return stored as unknown as AcceptedRegistration;
  }
  const { arrival } = input.submission;
  // The version in force at the very instant recorded as submittedAt (a scheduled change switches there);
  // a migrated registration keeps its own submission time and is judged by the version in force today.
  const submittedAt = arrival ? new Date(arrival.submittedAt) : new Date();
  // The account's candidates are read while the policy is: only their match needs the policy.
  const candidates = accountCandidates(input.submission.body.customer);
  candidates.catch(() => undefined); // awaited below; a failed policy read must not leave it unhandled
  const policy = await currentPolicy(arrival ? new Date() : submittedAt);
  if (!policy) {
    throw ApplicationFailure.nonRetryable(
      'no allocation policy has been published yet; an admin must PUT /policy',
      'NoPolicy',
    );
  }
  const account = await accountOf(input.submission, policy.policy.matching.nameSimilarity, (customer, similarity) =>
    lookUpAccount(customer, similarity, candidates),
  );
  const pending = pendingRegistration(input, submittedAt, policy.version, account);
  await reserveLimits(input.submission, registrationId, pending.lookupKeys, policy).catch((error: unknown) => {
    if (error instanceof LimitReached) throw ApplicationFailure.nonRetryable(error.detail, 'LimitReached', error.limit);
    throw error;
  });
  await listUnderKeys(registrationId, pending.lookupKeys);
  await crashPoint('accept:listed');
  // A migrated registration's number was drawn with its import's block, in original submission order.
  const sequence = arrival?.sequence ?? (await drawSequence(registrationId));
  await crashPoint('accept:numbered');
  const registration: RegistrationDoc = {
    ...pending,
    sequence,
    listKeys: registrationListKeys({ ...pending, sequence }),
  };
  if (await insertOnce(Registration, registration)) {
    await crashPoint('accept:stored');
    return registration as unknown as AcceptedRegistration;
  }
  // An overlapping attempt of this step stored it first: that one counts.
  return (await Registration.findById(registrationId)
    .lean<RegistrationDoc>()
    .exec()) as unknown as AcceptedRegistration;
}

/**
 * A migrated registration that arrives closed (won, lost, expired, withdrawn, rejected): stored for
 * history with its pre-drawn number, never listed under its deal's keys (it holds nothing), taking no
 * limit, and with no workflow (`historyOnly`). Its `imported` entry is the import's to record next
 * (activities/imported-history.ts). A retry finds the document stored and writes nothing twice.
 */
export async function storeHistoryOnly(input: AcceptanceInput, arrival: Arrival): Promise<RegistrationDoc> {
  const stored = await Registration.findById(input.registrationId).lean<RegistrationDoc>().exec();
  if (stored) return stored;
  const policy = await currentPolicy(new Date());
  if (!policy) throw ApplicationFailure.nonRetryable('no allocation policy has been published yet', 'NoPolicy');
  const registration = await historyOnlyRegistration(input, arrival, policy);
  if (await insertOnce(Registration, registration)) return registration;
  return (await Registration.findById(input.registrationId).lean<RegistrationDoc>().exec()) as RegistrationDoc;
}

/** A closed import's document as `storeHistoryOnly` stores it (pending, its entry to follow), not yet stored. */
export async function historyOnlyRegistration(
  input: AcceptanceInput,
  arrival: Arrival,
  policy: PolicyVersion,
  lookUp: LookUpAccount = lookUpAccount,
): Promise<RegistrationDoc> {
  const account = await accountOf(input.submission, policy.policy.matching.nameSimilarity, lookUp);
  const pending = pendingRegistration(input, new Date(arrival.submittedAt), policy.version, account);
  return {
    ...pending,
    historyOnly: true,
    sequence: arrival.sequence,
    listKeys: registrationListKeys({ ...pending, sequence: arrival.sequence }),
  };
}

/**
 * The vendor's account of the customer, read before anything is written (README: one point read per
 * identifier and domain, an indexed equality per name key, the programs of a certain match). The
 * registration keeps it as it is now: its decision routes by this snapshot, whatever changes later.
 * A retry after a crash between listing and storing looks again: should the account have changed in
 * those moments, the first attempt's `account:<id>` listing stays behind: one more candidate for checks on
 * that account (compared, never matched by it), which the exhaustive invariant check reports as a stray.
 */
async function accountOf(
  submission: SubmissionInput,
  nameSimilarity: number,
  lookUp: LookUpAccount,
): Promise<RegistrationAccount> {
  const { customer, program } = submission.body;
  const { match, facts } = await lookUp(customer, nameSimilarity);
  return registrationAccount(match, facts, { customer, ...(program !== undefined && { program }) });
}

function pendingRegistration(
  { registrationId, submission }: AcceptanceInput,
  submittedAt: Date,
  policyVersion: number,
  account: RegistrationAccount,
): RegistrationDoc {
  const { body } = submission;
  const identity = customerIdentity(body.customer);
  return {
    ...account,
    _id: registrationId,
    status: 'pending',
    resellerId: submission.resellerId,
    partnerType: submission.partnerType,
    distributorId: body.distributorId,
    ...(submission.sellerId !== undefined && { sellerId: submission.sellerId }),
    customer: body.customer,
    opportunity: body.opportunity,
    program: body.program,
    searchText: registrationSearchText(body.customer, body.opportunity),
    // Under its account's key too: a registration on the account finds it whatever it typed.
    lookupKeys: registrationLookupKeys(body.customer, account.accountId),
    customerKeys: customerKeysOf(identity),
    listKeys: [],
    submittedAt,
    extensionsUsed: 0,
    policyVersion,
    decisions: [],
    decisionKeys: [],
    lastDecisionHash: GENESIS_HASH,
    requestHash: submission.requestHash,
    idempotencyKey: submission.idempotencyKey,
    enteredBy: submission.enteredBy,
    workflowId: registrationWorkflowId(registrationId),
    updatedAt: submittedAt,
    ...(submission.arrival && { arrival: submission.arrival, updatedAt: new Date() }),
    ...(submission.transfer && { transferredFrom: submission.transfer.from }),
  };
}
