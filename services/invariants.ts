import type { Client } from '@temporalio/client';
import { WorkflowNotFoundError } from '@temporalio/common';
import pLimit from 'p-limit';
import { verifyDecisionChain } from '../db/decision-log';
import { Escalation } from '../db/escalations';
import { findEachById } from '../db/point-reads';
import { Registration, type RegistrationDoc } from '../db/registrations';
import { escalationIdsOf, pastDeadlines } from './invariant-deadlines';
import { firstComeLostAtDeadline, laterSequenceWon, twoHolders } from './invariant-deals';
import { checkFacts, checkListings, checkQuotaSlots } from './invariant-effects';
import { checkNotifications } from './invariant-notifications';
import { checkWatches } from './invariant-watches';

/**
 * The one invariant check, shared by the fault tests, the model test and the benchmark. Each list names
 * the registrations (or pairs, sequences, escalations, effects) that break one invariant; `ok` is true when
 * all are empty.
 */
export interface InvariantReport {
  ok: boolean;
  checkedRegistrations: number;
  /** Pairs approved at the same moment with a certain customer match and a shared product line. */
  dealsWithTwoApprovals: string[];
  /** Same, for a probable (name) match: wrong only where no channel manager can have resolved anything. */
  probableDealsWithTwoApprovals: string[];
  /** Registrations rejected as a conflict while a later one (larger sequence) held the deal. */
  laterSequenceWon: string[];
  /** Contenders a first-come deadline rejected in favour of a contender accepted after them. */
  firstComeLostAtDeadline: string[];
  acceptedButMissingInDatabase: string[];
  acceptedWithoutWorkflow: string[];
  /** Accepted registrations the conflict check has not decided (escalated counts as decided). */
  stillPending: string[];
  /** For each one still pending: what its workflow is doing (pending activity, attempt, last failure). */
  whyPending?: Record<string, string>;
  /** Escalated past their escalation's second deadline, approved past their protection (plus a margin). */
  pastDeadline: string[];
  decisionWrittenTwice: string[];
  /** Registrations decided before they were submitted, or whose entries go back in time. */
  decidedOutOfTime: string[];
  brokenDecisionChains: string[];
  duplicateSequences: number[];
  /** Active registrations missing a `dealkeys` entry, ended ones still listed. */
  keysMislisted: string[];
  /** Active registrations (accepted under a limit) without their quota slot, ended ones holding one. */
  quotaSlotsMismatched: string[];
  /** Notifications an entry (or an escalation) announces that are not in the feed, or not queued for a webhook. */
  notificationsMissing: string[];
  /** (exhaustive) Events about checked registrations that no entry announces. */
  notificationsUnexpected: string[];
  /** Program-health facts an entry makes that are missing or stored otherwise (exhaustive: or that none makes). */
  factsMismatched: string[];
  /** Resellers watching a deal whose holders all ended, never told `deal.available`. */
  watchersNotTold: string[];
}

export interface InvariantOptions {
  /**
   * A name-only match may legitimately be approved twice when a channel manager says so; where none
   * acts (the benchmark), two approvals on a probable match are a fault too.
   */
  probableMatchesAreConflicts?: boolean;
  /** Every accepted registration must be decided: approved, rejected or escalated, never still pending. */
  everyDecided?: boolean;
  /** How long after a deadline a registration may still be at it (its step being recorded); default a minute. */
  deadlineMarginMs?: number;
  /**
   * Whether to check each step's effects outside the document (keys, quota slot, notifications, facts):
   * about a dozen point reads per registration. Default true.
   */
  effects?: boolean;
  /** Also read the effect collections whole, once, for what nothing accounts for (a test's own database). */
  exhaustive?: boolean;
}

/**
 * What must hold after any run, however it was disturbed: no deal had two holders at once and none went to
 * a later registration than one rejected for it; every accepted registration is stored, has its workflow,
 * is (optionally) decided and is within its deadlines; no decision was written twice, every decision chain
 * verifies and no sequence number was drawn twice; and what each step leaves outside the document (keys,
 * quota slot, notifications, facts) is exactly what its entries say.
 */
export async function checkInvariants(
  temporal: Client,
  acceptedIds: readonly string[],
  options: InvariantOptions = {},
): Promise<InvariantReport> {
  const docs = await Registration.find({}).lean<RegistrationDoc[]>().exec();
  const byId = new Map(docs.map((doc) => [doc._id, doc]));
  const accepted = acceptedIds.flatMap((id) => byId.get(id) ?? []);
  const escalations = await findEachById(Escalation, escalationIdsOf(docs));
  const holders = twoHolders(docs);
  const report: InvariantReport = {
    ok: false,
    checkedRegistrations: docs.length,
    dealsWithTwoApprovals: holders.certain,
    probableDealsWithTwoApprovals: options.probableMatchesAreConflicts ? holders.probable : [],
    laterSequenceWon: laterSequenceWon(docs),
    firstComeLostAtDeadline: firstComeLostAtDeadline(docs, [...escalations.values()]),
    acceptedButMissingInDatabase: acceptedIds.filter((id) => !byId.has(id)),
    acceptedWithoutWorkflow: [],
    stillPending: options.everyDecided ? accepted.filter((doc) => doc.status === 'pending').map((doc) => doc._id) : [],
    pastDeadline: pastDeadlines(docs, escalations, Date.now(), options.deadlineMarginMs ?? 60_000),
    decisionWrittenTwice: [],
    decidedOutOfTime: [],
    brokenDecisionChains: [],
    duplicateSequences: [],
    keysMislisted: [],
    quotaSlotsMismatched: [],
    notificationsMissing: [],
    notificationsUnexpected: [],
    factsMismatched: [],
    watchersNotTold: [],
  };

  const sequences = new Map<number, number>();
  for (const doc of docs) {
    const keys = doc.decisions.map((decision) => decision.key);
    const engineDecisions = doc.decisions.filter((decision) => decision.kind === 'decision').length;
    if (new Set(keys).size !== keys.length || engineDecisions > 1 || keys.length !== doc.decisionKeys.length) {
      report.decisionWrittenTwice.push(doc._id);
    }
    if (!inTimeOrder(doc)) report.decidedOutOfTime.push(doc._id);
    if (!verifyDecisionChain(doc.decisions, doc.lastDecisionHash).ok) report.brokenDecisionChains.push(doc._id);
    if (doc.sequence !== undefined) sequences.set(doc.sequence, (sequences.get(doc.sequence) ?? 0) + 1);
  }
  report.duplicateSequences = [...sequences].filter(([, count]) => count > 1).map(([sequence]) => sequence);

  if (options.effects !== false) {
    const exhaustive = options.exhaustive === true;
    const watches = await checkWatches(byId);
    report.watchersNotTold = watches.notTold;
    const [keys, slots, notifications, facts] = await Promise.all([
      checkListings(docs, exhaustive),
      checkQuotaSlots(docs),
      checkNotifications(docs, [...escalations.values()], exhaustive, watches.told),
      checkFacts(docs, exhaustive),
    ]);
    report.keysMislisted = keys;
    report.quotaSlotsMismatched = slots;
    report.notificationsMissing = notifications.missing;
    report.notificationsUnexpected = notifications.unexpected;
    report.factsMismatched = facts;
  }

  // A closed import stored for history has no workflow by design (activities/imported-history.ts).
  report.acceptedWithoutWorkflow = await withoutWorkflow(
    temporal,
    accepted.filter((doc) => !doc.historyOnly),
  );
  if (report.stillPending.length > 0) report.whyPending = await whyPending(temporal, report.stillPending.slice(0, 20));

  report.ok = brokenInvariants(report).length === 0;
  return report;
}

/** Describing each workflow is the definitive check (visibility is eventually consistent). */
async function withoutWorkflow(temporal: Client, accepted: readonly RegistrationDoc[]): Promise<string[]> {
  const limit = pLimit(16);
  const missing = await Promise.all(
    accepted.map((doc) =>
      limit(async () => {
        try {
          await temporal.workflow.getHandle(doc.workflowId).describe();
          return undefined;
        } catch (error) {
          if (error instanceof WorkflowNotFoundError) return doc._id;
          throw error;
        }
      }),
    ),
  );
  return missing.filter((id): id is string => id !== undefined);
}

/**
 * Submitted, then decided, then each later entry: times never go back. (Each is read from the clock of
 * the worker that ran the step; on one machine, or clocks kept in step, they agree.)
 */
function inTimeOrder(doc: RegistrationDoc): boolean {
  const submitted = new Date(doc.submittedAt).getTime();
  const decided = doc.decidedAt ? new Date(doc.decidedAt).getTime() : submitted;
  const entries = doc.decisions.map((decision) => Date.parse(decision.at));
  return decided >= submitted && entries.every((at, index) => at >= (index === 0 ? submitted : entries[index - 1]!));
}

/** One line per broken invariant, naming up to five offenders: what a test expects to be empty. */
export function brokenInvariants(report: InvariantReport): string[] {
  return Object.entries(report)
    .filter((entry): entry is [string, unknown[]] => Array.isArray(entry[1]) && entry[1].length > 0)
    .map(([name, list]) => `${name} (${list.length}): ${list.slice(0, 5).join(', ')}`);
}

/** A stall is a finding: say what each stuck workflow waits on, as Temporal sees it. */
async function whyPending(temporal: Client, ids: string[]): Promise<Record<string, string>> {
  const reasons: Record<string, string> = {};
  for (const id of ids) {
    try {
      const description = await temporal.workflow.getHandle(`registration-${id}`).describe();
      const activities = (description.raw.pendingActivities ?? []).map(
        (activity) =>
          `${activity.activityType?.name} attempt ${activity.attempt}: ${activity.lastFailure?.message ?? 'no failure'}`,
      );
      reasons[id] = `${description.status.name}; ${activities.join('; ') || 'no pending activity'}`;
    } catch (error) {
      reasons[id] = `not described: ${String(error)}`;
    }
  }
  return reasons;
}
