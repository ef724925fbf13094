import { evaluateDealCheck } from '../allocation/deal-check';
import { decide } from '../allocation/decide';
import type { Decision, RegistrationFacts } from '../allocation/types';
import { customerIdentity, lookupKeys } from '../matching';
import { durationToMs } from '../policy/duration';
import { ActiveSet } from './active-set';
import { LimitTracker } from './limits';
import { actualDecision, parseTime, releaseTime } from './outcomes';
import { ReportBuilder } from './report';
import type { RegistrationSnapshot, SimulationInput, SimulationReport } from './types';

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
  const { submittedAt: _submittedAt, actual: _actual, actualDecisiveRule: _rule, ...facts } = snapshot;
  return { ...facts, status };
}

/**
 * What-if: the stored registrations replayed, in the order they were accepted, through the same
 * `decide()` as production under a candidate policy. Pure: nothing is read or written; the
 * caller passes the snapshots and gets a report.
 *
 * The replay keeps its own set of deal holders: what the candidate approves or escalates holds
 * its deal (escalations hold, as in production) until the time its actual life ended (see
 * `releaseTime`), and is found through the same lookup keys as in production. Cost: one decision
 * per registration against the few holders under its keys, so linear in the number of
 * registrations for realistic data.
 */
export function simulatePolicy(input: SimulationInput): SimulationReport {
  const { policy } = input;
  const protectionMs = durationToMs(policy.timing.protection);
  const ordered = [...input.registrations].sort(bySequence);
  const submitted = ordered.map((r) => parseTime(r.submittedAt, `registration ${r.id}: submittedAt`)!);
  const earliest = earliestFromHere(submitted);
  const active = new ActiveSet();
  const report = new ReportBuilder(input);
  const limits = new LimitTracker(policy);

  ordered.forEach((snapshot, index) => {
    const submittedAt = submitted[index]!;
    if (limits.refusal(snapshot, submittedAt) !== undefined) {
      report.recordRefused(snapshot, actualDecision(snapshot.actual));
      return;
    }
    const subject = factsOf(snapshot, 'pending');
    const keys = lookupKeys(customerIdentity(subject.customer));
    const holders = active.holdersFor(keys, submittedAt, earliest[index]!);
    const decision: Decision = decide({ subject, policy, policyVersion: 0, holders });
    // Routing may stop a registration before the deal check; for counting collisions, still ask
    // which holders it would have met.
    const matches =
      decision.trace.some((step) => step.rule.startsWith('deal.')) || holders.length === 0
        ? decision.matches
        : evaluateDealCheck(subject, holders, policy).matches;
    report.record(snapshot, actualDecision(snapshot.actual), decision, matches);

    if (decision.outcome === 'reject') {
      limits.admit(snapshot, submittedAt, undefined);
      return;
    }
    const status = decision.outcome === 'approve' ? 'approved' : 'escalated';
    const releaseAt = releaseTime(snapshot.actual, decision.outcome, submittedAt, protectionMs, snapshot.id);
    active.add(factsOf(snapshot, status), keys, releaseAt);
    limits.admit(snapshot, submittedAt, releaseAt);
  });
  return { ...report.build(), limits: limits.report() };
}
