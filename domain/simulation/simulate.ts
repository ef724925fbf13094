import { registrationLookupKeys } from '../accounts/match';
import { evaluateDealCheck } from '../allocation/deal-check';
import { decideOutcome, type EngineDecision } from '../allocation/decide';
import type { RegistrationFacts } from '../allocation/types';
import { durationToMs } from '../policy/duration';
import { ActiveSet } from './active-set';
import { LimitTracker } from './limits';
import { actualDecision, parseTime, releaseTime } from './outcomes';
import { ReportBuilder } from './report';
import type { RegistrationSnapshot, ReplaySetup, SimulationInput, SimulationReport } from './types';

const bySequence = (a: RegistrationSnapshot, b: RegistrationSnapshot) =>
  a.sequence - b.sequence || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);

/** For each position, the earliest submission time from there on: nothing released before it is needed again. */
function earliestFromHere(submittedAt: number[]): number[] {
  const result = new Array<number>(submittedAt.length);
  let earliest = Number.POSITIVE_INFINITY;
  for (let i = submittedAt.length - 1; i >= 0; i--) {
    earliest = Math.min(earliest, submittedAt[i]!);
    result[i] = earliest;
  }
  return result;
}

function factsOf(snapshot: RegistrationSnapshot, status: RegistrationFacts['status']): RegistrationFacts {
  const {
    submittedAt: _submittedAt,
    actual: _actual,
    actualDecisiveRule: _rule,
    accountAtAcceptance: _then,
    ...facts
  } = snapshot;
  return { ...facts, status };
}

/**
 * The replay behind a simulation, fed one registration at a time in the order they were accepted, so
 * that a caller can stream a store of any size through it. It keeps its own set of deal holders: what
 * the candidate approves or escalates holds its deal (escalations hold, as in production) until the
 * time its actual life ended (see `releaseTime`), and is found through the same lookup keys as in
 * production. Cost: one decision per registration against the few holders under its keys, so linear
 * in the number of registrations for realistic data.
 */
export class PolicyReplay {
  private readonly protectionMs: number;
  private readonly active = new ActiveSet();
  private readonly reportBuilder: ReportBuilder;
  private readonly limits: LimitTracker;

  constructor(private readonly setup: ReplaySetup) {
    this.protectionMs = durationToMs(setup.policy.timing.protection);
    this.reportBuilder = new ReportBuilder(setup);
    this.limits = new LimitTracker(setup.policy);
  }

  /**
   * Replays the next registration. `noLaterThan`: no registration still to come was submitted before
   * this time (ms); holders released before it are forgotten. Defaults to keeping every holder.
   */
  replay(snapshot: RegistrationSnapshot, noLaterThan = Number.NEGATIVE_INFINITY): void {
    const { policy } = this.setup;
    const submittedAt = submittedAtOf(snapshot);
    if (this.limits.refusal(snapshot, submittedAt) !== undefined) {
      this.reportBuilder.recordRefused(snapshot, actualDecision(snapshot.actual));
      return;
    }
    const subject = factsOf(snapshot, 'pending');
    // Under its account's key too, as in production: two registrations on one account meet.
    const keys = registrationLookupKeys(subject.customer, subject.account?.accountId);
    const holders = this.active.holdersFor(keys, submittedAt, Math.min(noLaterThan, submittedAt));
    const decision: EngineDecision = decideOutcome({ subject, policy, policyVersion: 0, holders });
    // Routing may stop a registration before the deal check; for counting collisions, still ask
    // which holders it would have met.
    const matches =
      decision.trace.some((step) => step.rule.startsWith('deal.')) || holders.length === 0
        ? decision.matches
        : evaluateDealCheck(subject, holders, policy).matches;
    this.reportBuilder.record(snapshot, actualDecision(snapshot.actual), decision, matches);

    if (decision.outcome === 'reject') {
      this.limits.admit(snapshot, submittedAt, undefined);
      return;
    }
    const status = decision.outcome === 'approve' ? 'approved' : 'escalated';
    const releaseAt = releaseTime(snapshot.actual, decision.outcome, submittedAt, this.protectionMs, snapshot.id);
    this.active.add(factsOf(snapshot, status), keys, releaseAt);
    this.limits.admit(snapshot, submittedAt, releaseAt);
  }

  report(): SimulationReport {
    return { ...this.reportBuilder.build(), limits: this.limits.report() };
  }
}

const submittedAtOf = (snapshot: RegistrationSnapshot) =>
  parseTime(snapshot.submittedAt, `registration ${snapshot.id}: submittedAt`)!;

/**
 * Registrations submitted out of their acceptance order by more than this are not expected: a
 * sequence is drawn moments after submission. A streamed replay, which cannot see what is still to
 * come, forgets holders released this long before the registration at hand.
 */
export const STREAM_ORDER_SLACK_MS = 7 * 86_400_000;

/**
 * Replays one page of a stream (the next registrations in acceptance order). Within the page the
 * earliest submission still to come is known exactly; beyond it, `STREAM_ORDER_SLACK_MS` bounds it.
 */
export function replayPage(replay: PolicyReplay, page: readonly RegistrationSnapshot[]): void {
  const ordered = [...page].sort(bySequence);
  const earliest = earliestFromHere(ordered.map(submittedAtOf));
  ordered.forEach((snapshot, index) => {
    replay.replay(snapshot, Math.min(earliest[index]!, earliest.at(-1)! - STREAM_ORDER_SLACK_MS));
  });
}

/** What-if over registrations in memory: pure, nothing is read or written (see `PolicyReplay`). */
export function simulatePolicy(input: SimulationInput): SimulationReport {
  const ordered = [...input.registrations].sort(bySequence);
  const earliest = earliestFromHere(ordered.map(submittedAtOf));
  const replay = new PolicyReplay(input);
  ordered.forEach((snapshot, index) => {
    replay.replay(snapshot, earliest[index]!);
  });
  return replay.report();
}
