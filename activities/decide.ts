import { Context } from '@temporalio/activity';
import { ApplicationFailure } from '@temporalio/common';
import { registrationIdsUnderKeys, unlistFromKeys } from '../db/dealkeys';
import { type RegistrationDoc, registrationFacts } from '../db/registrations';
import { decide, explain } from '../domain/allocation';
import type { Decision } from '../domain/allocation/types';
import { engineEvents, transition } from '../domain/lifecycle';
import { type EngineVerdict, engineEntry } from '../domain/lifecycle-entries';
import { compareCustomers, sharedProductLines } from '../domain/matching';
import { timingInMs } from '../domain/policy/schema';
import { isActiveStatus } from '../domain/registration';
import type { RecordedOutcome } from '../workflows/definitions';
import { currentRun, escalationIdFor, type WorkflowRun } from './escalation-ids';
import { recordStepOn } from './record-step';
import { loadPolicyVersion, loadRegistration, loadRegistrations, outcomeOf } from './registration-facts';

/** How long one attempt polls for earlier registrations before handing back to Temporal's retry. */
const WAIT_PER_ATTEMPT_MS = 10_000;

export interface DecisionTiming {
  expiryReminderMs: number;
  extensionMax: number;
  needsApproval: boolean;
  /** Absent in results recorded before workflows applied the transition table themselves. */
  protectionMs?: number;
  extensionPeriodMs?: number;
}

export interface DecideResult {
  outcome: RecordedOutcome;
  timing: DecisionTiming;
}

/** What the decision needs from where it runs: in the worker, the activity's Context. */
export interface DecisionSurroundings {
  heartbeat(details: unknown): void;
  sleep(ms: number): Promise<void>;
  logDecided(registration: RegistrationDoc): void;
  /** The workflow run deciding (it names a new escalation: see escalationIdFor). */
  run(): WorkflowRun;
}

const inActivity: DecisionSurroundings = {
  heartbeat: (details) => Context.current().heartbeat(details),
  sleep: (ms) => Context.current().sleep(ms),
  logDecided: (registration) =>
    Context.current().log.info('registration decided', {
      registrationId: registration._id,
      status: registration.status,
      reasonCode: registration.reasonCode,
      sequence: registration.sequence,
    }),
  run: () => currentRun(),
};

/** The activity: the decision, run in the activity's Context. */
export function decideRegistration(input: { registrationId: string }): Promise<DecideResult> {
  return decideRegistrationIn(inActivity, input);
}

/**
 * The conflict check. It first waits until every registration that may be the same deal and was
 * accepted earlier (smaller sequence) has been decided, then asks the allocation engine, then records
 * the decision with one guarded write. Run twice, it finds its decision and records nothing new.
 */
async function decideRegistrationIn(
  surroundings: DecisionSurroundings,
  input: { registrationId: string },
): Promise<DecideResult> {
  const result = await checkAndDecide(surroundings, { registrationId: input.registrationId }, 'poll');
  if ('waitFor' in result) throw new Error('a polling check never hands back a wait');
  return result;
}

/**
 * What one check found: decided (or already was), or a registration to wait for: one accepted earlier and
 * still undecided (`until` decided), or one listed under the deal's keys but not stored yet, whose
 * sequence is not known (`until` accepted).
 */
export type CheckResult = DecideResult | { waitFor: string; until?: 'accepted' | 'decided'; timing: DecisionTiming };

export interface CheckInput {
  registrationId: string;
  /** Listed but unstored registrations whose workflows do not run (so they will never be stored): ignored. */
  neverStored?: string[];
  /**
   * Which earlier undecided registration to name: the earliest (default), or, for a look after a wait
   * that did not settle it, the latest one before this registration.
   */
  waitFor?: 'earliest' | 'latest';
}

/**
 * The activity of registrations started since decisions stopped polling: one look at the earlier
 * registrations of the deal. A rejection is decided at once; otherwise, if one is still undecided, it
 * names the earliest of them, and the workflow waits for that one's word (a signal) before it looks
 * again (by then the deal has a holder, most often, and the look rejects); otherwise it decides, as the
 * polling activity does.
 */
export function checkRegistration(input: CheckInput): Promise<CheckResult> {
  return checkRegistrationIn(inActivity, input);
}

/** The same look outside an activity (the benchmark times it). */
export function checkRegistrationIn(surroundings: DecisionSurroundings, input: CheckInput): Promise<CheckResult> {
  return checkAndDecide(surroundings, input, 'once');
}

/**
 * What one look at the deal found: the decision already recorded (a repeated step), a registration to
 * wait for, or the engine's decision for the caller to record.
 */
type Look =
  | { recorded: RecordedOutcome; timing: DecisionTiming }
  | { waitFor: string; until?: 'accepted' | 'decided'; timing: DecisionTiming }
  | { verdict: EngineVerdict; registration: RegistrationDoc; timing: Required<DecisionTiming> };

async function lookAtDeal(
  surroundings: DecisionSurroundings,
  { registrationId, neverStored = [], waitFor = 'earliest' }: CheckInput,
  waiting: 'poll' | 'once',
): Promise<Look> {
  let registration = await loadRegistration(registrationId);
  const { policy, version } = await loadPolicyVersion(registration.policyVersion);
  const ms = timingInMs(policy.timing);
  const timing: Required<DecisionTiming> = {
    expiryReminderMs: ms.expiryReminderMs,
    extensionMax: policy.timing.extension.max,
    needsApproval: policy.timing.extension.needsApproval,
    protectionMs: ms.protectionMs,
    extensionPeriodMs: ms.extensionPeriodMs,
  };
  if (registration.status !== 'pending') return { recorded: outcomeOf(registration), timing };
  if (registration.sequence === undefined) {
    throw ApplicationFailure.nonRetryable(`registration ${registrationId} has no sequence: it was never accepted`);
  }

  let { holders, undecided, unstored } = await earlierRegistrations(registration, policy.matching.nameSimilarity);
  const decideWith = (current: RegistrationDoc[]) =>
    decide({
      subject: registrationFacts(registration),
      policy,
      policyVersion: version,
      holders: current.map(registrationFacts),
    });
  let decision = decideWith(holders);
  // A rejection needs nobody's word: the registrations still undecided can add holders, never remove
  // one, and a rejection takes no deal. Only an approval or an escalation waits for earlier ones.
  const waitsForEarlier = decision.outcome !== 'reject';
  const awaitedUnstored = unstored.filter((id) => !neverStored.includes(id));
  // Unstored ones drew (or will draw) their numbers after they were listed, maybe before ours: once
  // stored, they say. Runs that still poll began before any registration was listed unstored, and every
  // number drawn since is larger than theirs.
  if (waiting === 'once' && waitsForEarlier && awaitedUnstored.length > 0) {
    return { waitFor: awaitedUnstored[0] as string, until: 'accepted', timing };
  }
  if (waitsForEarlier && undecided.length > 0) {
    // The earliest: once it is decided (approved, most often) the next look rejects at once, so a burst
    // on one deal wakes together instead of one after another. If the next look still waits (a name-only
    // match escalates, and an escalation waits for every earlier one), all of them waking for each earlier
    // one in turn would cost a look per pair: then each waits for the one just before it, and they are
    // decided in a cascade, one look each.
    const bySequence = undecided.sort((a, b) => (a.sequence ?? 0) - (b.sequence ?? 0));
    const named = (waitFor === 'latest' ? bySequence.at(-1) : bySequence[0]) as RegistrationDoc;
    if (waiting === 'once') return { waitFor: named._id, timing };
    ({ holders } = await waitForEarlierRegistrations(surroundings, registration, policy.matching.nameSimilarity));
    // A withdrawal may have been recorded while we waited.
    registration = await loadRegistration(registrationId);
    if (registration.status !== 'pending') return { recorded: outcomeOf(registration), timing };
    decision = decideWith(holders);
  }
  const escalationId =
    decision.outcome === 'escalate' ? escalationFor(decision, holders, surroundings.run()) : undefined;
  return { verdict: engineVerdict(decision, escalationId), registration, timing };
}

/**
 * The activity of registrations whose workflow records its own steps ('workflow-owns-status'): one look
 * at the deal, writing nothing. The workflow turns the engine's verdict into its step by the transition
 * table and has it stored.
 */
export function weighRegistration(input: CheckInput): Promise<WeighResult> {
  return weighRegistrationIn(inActivity, input);
}

export type WeighResult =
  | { recorded: RecordedOutcome; timing: DecisionTiming }
  | { waitFor: string; until?: 'accepted' | 'decided'; timing: DecisionTiming }
  | { verdict: EngineVerdict; timing: Required<DecisionTiming>; decidedAt: string };

async function weighRegistrationIn(surroundings: DecisionSurroundings, input: CheckInput): Promise<WeighResult> {
  const look = await lookAtDeal(surroundings, input, 'once');
  if (!('verdict' in look)) return look;
  // The engine's moment, not the workflow's: a workflow task's clock stands still while its local
  // activities run, so it can be older than the registration's own submission.
  return { verdict: look.verdict, timing: look.timing, decidedAt: new Date().toISOString() };
}

/** The engine's verdict as the step it is, for runs whose activities still record their own decision. */
function engineVerdict(decision: Decision, escalationId?: string): EngineVerdict {
  return {
    decision,
    explanation: explain(decision, 'staff'),
    resellerExplanation: explain(decision, 'reseller'),
    ...(escalationId ? { escalationId } : {}),
  };
}

function engineStep(
  registration: RegistrationDoc,
  verdict: EngineVerdict,
  timing: Required<DecisionTiming>,
  now: Date,
) {
  return transition(outcomeOf(registration), engineEvents[verdict.decision.outcome], engineEntry(verdict), {
    timing,
    now,
  });
}

async function checkAndDecide(
  surroundings: DecisionSurroundings,
  input: CheckInput,
  waiting: 'poll' | 'once',
): Promise<CheckResult> {
  const look = await lookAtDeal(surroundings, input, waiting);
  if ('recorded' in look) return { outcome: look.recorded, timing: look.timing };
  if ('waitFor' in look) return look;
  const { recorded, applied } = await recordStepOn(
    look.registration,
    engineStep(look.registration, look.verdict, look.timing, new Date()),
  );
  if (applied) surroundings.logDecided(recorded);
  return { outcome: outcomeOf(recorded), timing: look.timing };
}

/**
 * For workflows that started before decisions waited by signal (their histories call
 * `decideRegistration`): polls until no possibly-matching registration with a smaller sequence (or none yet) is pending,
 * then returns those that hold a deal. Gives up after one period so that Temporal's retry (with its
 * backoff) takes over: a long wait then survives a worker restart.
 */
async function waitForEarlierRegistrations(
  surroundings: DecisionSurroundings,
  registration: RegistrationDoc,
  nameSimilarity: number,
): Promise<{ holders: RegistrationDoc[] }> {
  const started = Date.now();
  for (let round = 1; ; round += 1) {
    // Withdrawn while waiting: there is nothing left to decide.
    if ((await loadRegistration(registration._id)).status !== 'pending') return { holders: [] };
    const { holders, undecided } = await earlierRegistrations(registration, nameSimilarity);
    if (undecided.length === 0) return { holders };
    if (Date.now() - started > WAIT_PER_ATTEMPT_MS) {
      throw ApplicationFailure.retryable(
        `waiting for ${undecided.length} earlier registration(s) on the same deal to be decided: ${undecided.map((u) => u._id).join(', ')}`,
        'PredecessorUndecided',
      );
    }
    surroundings.heartbeat({ waitingFor: undecided.map((u) => u._id) });
    await surroundings.sleep(Math.min(50 * 2 ** round, 500));
  }
}

/**
 * The registrations listed under the subject's keys: those that hold a deal, and those that may be the
 * same deal, were accepted earlier and are not decided yet.
 */
async function earlierRegistrations(
  registration: RegistrationDoc,
  nameSimilarity: number,
): Promise<{ holders: RegistrationDoc[]; undecided: RegistrationDoc[]; unstored: string[] }> {
  const ids = (await registrationIdsUnderKeys(registration.lookupKeys)).filter((id) => id !== registration._id);
  const others = await loadRegistrations(ids);
  const stored = new Set(others.map((other) => other._id));
  const unstored = ids.filter((id) => !stored.has(id));
  const ended = others.filter((other) => !isActiveStatus(other.status));
  // Listing entries of ended registrations are removed when they end; clean up any a crash left behind.
  await Promise.all(ended.map((other) => unlistFromKeys(other._id, other.lookupKeys)));
  // Only a registration that may be the same deal can change this decision; one that merely shares
  // a blocking word (a common word of the name) is not waited for, so unrelated customers never queue.
  const related = others.filter((other) => mayBeSameDeal(registration, other, nameSimilarity));
  const undecided = related.filter((other) => isEarlierAndUndecided(other, registration));
  return {
    holders: others.filter((other) => other.status === 'approved' || other.status === 'escalated'),
    undecided,
    unstored,
  };
}

function mayBeSameDeal(subject: RegistrationDoc, other: RegistrationDoc, nameSimilarity: number): boolean {
  return (
    sharedProductLines(subject.opportunity.productLines, other.opportunity.productLines).length > 0 &&
    compareCustomers(subject.customer, other.customer, nameSimilarity).strength !== 'none'
  );
}

/**
 * Whether `other` was accepted before `subject` and is not decided yet. A stored registration without a
 * sequence was stored by an API before registrations were stored by their workflows, and its submission
 * was interrupted: the upgrade (db/upgrade.ts) gives it its number or discards it, so until then it counts
 * as earlier.
 */
function isEarlierAndUndecided(other: RegistrationDoc, subject: RegistrationDoc): boolean {
  if (other.status !== 'pending') return false;
  return other.sequence === undefined || other.sequence < (subject.sequence ?? Number.MAX_SAFE_INTEGER);
}

/**
 * One escalation per contested deal: join the escalation of a matched registration that is itself
 * escalated, or open a new one (its name is opaque, and the same for a retry: see escalationIdFor).
 * Whether that escalation still takes contenders is settled when joining (a finished one refuses).
 */
function escalationFor(decision: Decision, holders: RegistrationDoc[], run: WorkflowRun): string {
  const matched = new Set(decision.matches.map((match) => match.registrationId));
  const escalatedHolder = holders
    .filter((holder) => matched.has(holder._id) && holder.status === 'escalated' && holder.escalationId)
    .sort((a, b) => (a.sequence ?? 0) - (b.sequence ?? 0))[0];
  return escalatedHolder?.escalationId ?? escalationIdFor('contest:0', run);
}
