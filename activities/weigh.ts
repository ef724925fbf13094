import { registrationIdsUnderKeys } from '../db/dealkeys';
import { type RegistrationDoc, registrationFacts } from '../db/registrations';
import type { AccountFacts } from '../domain/accounts/routing-facts';
import { decide, explain } from '../domain/allocation';
import type { Decision } from '../domain/allocation/types';
import type { EngineVerdict } from '../domain/lifecycle-entries';
import { compareCustomers, sharedProductLines } from '../domain/matching';
import { lineSequence } from '../domain/opportunity-change';
import type { Policy, PolicyVersion } from '../domain/policy/schema';
import { isActiveStatus } from '../domain/registration';
import type { AcceptanceTerms, ChangeLook, LookInput, Wait, WeighInput, WeighResult } from '../workflows/definitions';
import { currentRun, escalationIdFor, type WorkflowRun } from './escalation-ids';
import { loadPolicyVersion, loadRegistration, loadRegistrations } from './registration-facts';

/**
 * One look at the deal, writing nothing: the engine's verdict on the registrations that hold it now, or
 * an earlier registration that must be accepted or decided first (docs/DESIGN.md, "First come, first
 * served"). A rejection needs nobody's word: registrations still undecided can add holders, never remove
 * one, and a rejection takes no deal.
 */
export type { AcceptanceTerms, WeighInput, WeighResult };

export async function weighRegistration(input: WeighInput): Promise<WeighResult> {
  return weighIn(currentRun, input);
}

/** The same look outside an activity (the benchmark times it). */
export async function weighIn(run: () => WorkflowRun, input: WeighInput): Promise<WeighResult> {
  const registration = await loadRegistration(input.registrationId);
  const { policy, version } = await loadPolicyVersion(registration.policyVersion);
  const listed = await candidates(registration, input.distinctFrom);
  const at = () => new Date().toISOString();
  const decideWith = (holders: RegistrationDoc[]) =>
    decide({
      subject: registrationFacts(registration),
      policy,
      policyVersion: version,
      holders: holders.map(registrationFacts),
    });

  const verdictOf = (decision: Decision, escalationId?: string) =>
    engineVerdict(decision, escalationId, registration.account);
  if (input.mode === 'confirm') {
    const decision = confirmation(
      decideWith(listed.live.filter((other) => other.status === 'approved')),
      input.dealOnly,
    );
    return { verdict: verdictOf(decision), at: at() };
  }
  const holders = listed.live.filter((other) => other.status === 'approved' || other.status === 'escalated');
  const decision = decideWith(holders);
  if (decision.outcome !== 'reject') {
    const wait = await earlierToWaitFor(registration, listed, policy, input);
    if (wait) return wait;
  }
  const escalationId =
    decision.outcome === 'escalate' ? escalationFor(decision, holders, run(), input.attempt) : undefined;
  return { verdict: verdictOf(decision, escalationId), at: at() };
}

/** The reasons a look at a change's added lines refuses it: another registration holds (or may hold) them. */
const dealReasons = new Set(['already-registered', 'duplicate', 'possible-duplicate']);

/**
 * The look at the product lines a change adds (claimed and numbered on the document: activities/change-lines.ts),
 * as a new registration of only those lines, numbered then, would be weighed: refused when a live registration
 * of the deal holds or may hold one of them, after every earlier registration (or change) of those lines has
 * its word. Routing is not asked again: the registration's own decision settled it.
 */
export async function weighChange(input: LookInput & { registrationId: string }): Promise<ChangeLook> {
  const registration = await loadRegistration(input.registrationId);
  const claim = registration.lineClaim;
  if (claim?.sequence === undefined) throw new Error(`registration ${registration._id} claims no numbered lines`);
  const subject: RegistrationDoc = {
    ...registration,
    opportunity: { ...registration.opportunity, productLines: claim.productLines },
    sequence: claim.sequence,
    lineSequences: {},
  };
  const { policy, version } = await loadPolicyVersion(registration.policyVersion);
  const listed = await candidates(registration, []);
  const holders = listed.live.filter((other) => other.status === 'approved' || other.status === 'escalated');
  const decision = decide({
    subject: registrationFacts(subject),
    policy,
    policyVersion: version,
    holders: holders.map(registrationFacts),
  });
  if (decision.reasonCode && dealReasons.has(decision.reasonCode))
    return { refused: { reasonCode: decision.reasonCode, explanation: explain(decision, 'reseller') } };
  return (await earlierToWaitFor(subject, listed, policy, input)) ?? {};
}

/**
 * The confirmation's look for a registration not stored yet (a transfer's receiver, judged before its
 * registration exists, so that a refused transfer stores nothing): the approved registrations listed under
 * its keys, but those in `distinctFrom`.
 */
export async function confirmUnstored(
  subject: RegistrationDoc,
  { policy, version }: PolicyVersion,
  distinctFrom: readonly string[],
  dealOnly = false,
): Promise<EngineVerdict> {
  const listed = await candidates(subject, distinctFrom);
  const holders = listed.live.filter((other) => other.status === 'approved').map(registrationFacts);
  const decision = confirmation(
    decide({ subject: registrationFacts(subject), policy, policyVersion: version, holders }),
    dealOnly,
  );
  return engineVerdict(decision, undefined, subject.account);
}

/**
 * An approval on review stands unless another approved registration certainly holds the deal now: a
 * probable match was the channel manager's to weigh, and was.
 */
function confirmation(decision: Decision, dealOnly = false): Decision {
  const overridden = dealOnly && decision.outcome === 'reject' && !heldReasons.has(decision.reasonCode ?? '');
  if (decision.outcome !== 'escalate' && !overridden) return decision;
  return { ...decision, outcome: 'approve', reasonCode: undefined, matches: [] };
}

/** The rejections that mean another registration holds the deal: a channel manager's word does not override them. */
const heldReasons = new Set(['already-registered', 'duplicate']);

/**
 * What is listed under the subject's keys, but the registrations it must not be weighed against: the live
 * registrations, and those listed but not stored yet (their sequence unknown).
 */
async function candidates(
  registration: RegistrationDoc,
  distinctFrom: readonly string[],
): Promise<{ live: RegistrationDoc[]; unstored: string[] }> {
  const skip = new Set([registration._id, ...distinctFrom]);
  const ids = (await registrationIdsUnderKeys(registration.lookupKeys)).filter((id) => !skip.has(id));
  const others = await loadRegistrations(ids);
  const stored = new Set(others.map((other) => other._id));
  return {
    live: others.filter((other) => isActiveStatus(other.status)),
    unstored: ids.filter((id) => !stored.has(id)),
  };
}

/**
 * The registration whose word the look needs before it may approve or escalate: one listed but not stored
 * yet (its number unknown; `until: accepted`), else one that may be the same deal, was accepted earlier and
 * is still pending (`until: decided`). The earliest, so that a burst on one deal wakes together once the
 * first is decided; after a wait that did not settle it, the latest, so that a cascade costs a look each.
 */
async function earlierToWaitFor(
  registration: RegistrationDoc,
  { live, unstored }: { live: readonly RegistrationDoc[]; unstored: readonly string[] },
  policy: Policy,
  input: LookInput,
): Promise<Wait | undefined> {
  const awaited = unstored.find((id) => !(input.neverStored ?? []).includes(id));
  if (awaited) return { waitFor: awaited, until: 'accepted' };
  const related: RegistrationDoc[] = [];
  for (const other of live) {
    if (other.status !== 'pending' || (other.sequence ?? 0) >= sequenceAgainst(registration, other)) continue;
    if (await mayBeSameDeal(registration, other, policy)) related.push(other);
  }
  related.sort((a, b) => (a.sequence ?? 0) - (b.sequence ?? 0));
  const named = input.waitFor === 'latest' ? related.at(-1) : related[0];
  if (named) return { waitFor: named._id, until: 'decided' };
  return claimToWaitFor(registration, live, policy);
}

/**
 * The subject's place against another registration: the latest sequence among the lines they share (a line a
 * change added counts from that change's number), so a look waits for whoever came first on any of them.
 */
function sequenceAgainst(subject: RegistrationDoc, other: RegistrationDoc): number {
  const shared = sharedProductLines(subject.opportunity.productLines, other.opportunity.productLines);
  return Math.max(subject.sequence ?? Number.MAX_SAFE_INTEGER, ...shared.map((line) => lineSequence(subject, line)));
}

/**
 * Lines another registration's change is adding, claimed before they were numbered: a claim still without its
 * number may be earlier than us (`change-numbered`), one numbered before us is (`change-settled`); a later one
 * waits for us instead (its look finds us pending).
 */
async function claimToWaitFor(
  subject: RegistrationDoc,
  live: readonly RegistrationDoc[],
  policy: Policy,
): Promise<Wait | undefined> {
  for (const other of live) {
    const claim = other.lineClaim;
    if (!claim) continue;
    const claimed = { ...other, opportunity: { ...other.opportunity, productLines: claim.productLines } };
    if (claim.sequence !== undefined && claim.sequence >= sequenceAgainst(subject, claimed)) continue;
    if (!(await mayBeSameDeal(subject, claimed, policy))) continue;
    return { waitFor: other._id, until: claim.sequence === undefined ? 'change-numbered' : 'change-settled' };
  }
  return undefined;
}

/**
 * Whether `other` may be the same deal, under the more lenient of the two registrations' name thresholds:
 * the earlier one's check may use a lower threshold than ours, and would then count us as its match, so we
 * must not be decided before it is.
 */
async function mayBeSameDeal(subject: RegistrationDoc, other: RegistrationDoc, policy: Policy): Promise<boolean> {
  if (sharedProductLines(subject.opportunity.productLines, other.opportunity.productLines).length === 0) return false;
  // One account is one customer, whatever each typed (the engine's own rule, domain/allocation/deal-check.ts).
  if (subject.accountId !== undefined && subject.accountId === other.accountId) return true;
  const theirs = (await loadPolicyVersion(other.policyVersion)).policy.matching.nameSimilarity;
  const threshold = Math.min(policy.matching.nameSimilarity, theirs);
  return compareCustomers(subject.customer, other.customer, threshold).strength !== 'none';
}

/** The verdict, with the account facts it routed by (the entry keeps their snapshot for the audit). */
function engineVerdict(decision: Decision, escalationId?: string, account?: AccountFacts): EngineVerdict {
  return {
    decision,
    explanation: explain(decision, 'staff'),
    resellerExplanation: explain(decision, 'reseller'),
    ...(escalationId ? { escalationId } : {}),
    ...(account ? { account } : {}),
  };
}

/**
 * One escalation per contested deal: a first decision joins the escalation of a matched registration that
 * is itself escalated, or opens one (a route's exception always opens one); a look again always opens one of its own (the escalation it would
 * join may be finishing, and joining it again and again would record a step each time).
 */
function escalationFor(decision: Decision, holders: RegistrationDoc[], run: WorkflowRun, attempt: number): string {
  // A route's exception (or a house account's) is asked for each registration on its own.
  const exception =
    decision.reasonCode === 'unrouted' ||
    decision.reasonCode === 'wrong-route' ||
    decision.reasonCode === 'house-account';
  if (attempt === 0 && !exception) {
    const matched = new Set(decision.matches.map((match) => match.registrationId));
    const escalatedHolder = holders
      .filter((holder) => matched.has(holder._id) && holder.status === 'escalated' && holder.escalationId)
      .sort((a, b) => (a.sequence ?? 0) - (b.sequence ?? 0))[0];
    if (escalatedHolder?.escalationId) return escalatedHolder.escalationId;
  }
  return escalationIdFor(`contest:${attempt}`, run);
}
