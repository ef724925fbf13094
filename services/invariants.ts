import type { Client } from '@temporalio/client';
import { WorkflowNotFoundError } from '@temporalio/common';
import pLimit from 'p-limit';
import { verifyDecisionChain } from '../db/decision-log';
import { Registration, type RegistrationDoc } from '../db/registrations';
import { compareCustomers, sharedProductLines } from '../domain/matching';

/**
 * The one invariant check, shared by the fault tests and the benchmark. Each list names the
 * registrations (or pairs, or sequences) that break one invariant; `ok` is true when all are empty.
 */
export interface InvariantReport {
  ok: boolean;
  checkedRegistrations: number;
  /** Pairs of approved registrations with a certain customer match and a shared product line. */
  dealsWithTwoApprovals: string[];
  /** Same, for a probable (name) match: wrong only where no channel manager can have resolved anything. */
  probableDealsWithTwoApprovals: string[];
  /** Registrations rejected as a conflict while a later one (larger sequence) holds the deal. */
  laterSequenceWon: string[];
  acceptedButMissingInDatabase: string[];
  acceptedWithoutWorkflow: string[];
  /** Accepted registrations the conflict check has not decided (escalated counts as decided). */
  stillPending: string[];
  /** For each one still pending: what its workflow is doing (pending activity, attempt, last failure). */
  whyPending?: Record<string, string>;
  decisionWrittenTwice: string[];
  /** Registrations decided before they were submitted, or whose entries go back in time. */
  decidedOutOfTime: string[];
  brokenDecisionChains: string[];
  duplicateSequences: number[];
}

export interface InvariantOptions {
  /**
   * A name-only match may legitimately be approved twice when a channel manager says so; where none
   * acts (the benchmark), two approvals on a probable match are a fault too.
   */
  probableMatchesAreConflicts?: boolean;
  /** Every accepted registration must be decided: approved, rejected or escalated, never still pending. */
  everyDecided?: boolean;
}

/** Keys that make two customers certainly one (identifiers and registrable domain), not name keys. */
const certainKeyPattern = /^(uei|duns|taxid|domain):/;
const conflictReasons = new Set(['already-registered', 'duplicate']);

/** Pairs of approved registrations that share a lookup key: the only ones that can be the same deal. */
function approvedPairs(approved: RegistrationDoc[]): Array<[RegistrationDoc, RegistrationDoc]> {
  const byKey = new Map<string, RegistrationDoc[]>();
  for (const doc of approved) {
    for (const key of doc.lookupKeys) byKey.set(key, [...(byKey.get(key) ?? []), doc]);
  }
  const seen = new Set<string>();
  const pairs: Array<[RegistrationDoc, RegistrationDoc]> = [];
  for (const group of byKey.values()) {
    for (let i = 0; i < group.length; i += 1) {
      for (let j = i + 1; j < group.length; j += 1) {
        const [a, b] = [group[i] as RegistrationDoc, group[j] as RegistrationDoc];
        const pairId = [a._id, b._id].sort().join('+');
        if (seen.has(pairId)) continue;
        seen.add(pairId);
        pairs.push([a, b]);
      }
    }
  }
  return pairs;
}

/** A deal is a certain customer key and a product line. */
function dealsOf(doc: RegistrationDoc): string[] {
  const keys = doc.lookupKeys.filter((key) => certainKeyPattern.test(key));
  return keys.flatMap((key) => doc.opportunity.productLines.map((line) => `${key}|${line}`));
}

function decidedAt(doc: RegistrationDoc, status: RegistrationDoc['status']): string | undefined {
  return doc.decisions.find((decision) => decision.toStatus === status)?.at;
}

/**
 * First come, first served: no registration was rejected as a conflict after a later one (larger
 * sequence) of its deal had been approved. A later holder approved after the rejection is fine: the
 * deal may have been freed since (expired, withdrawn).
 */
function laterSequenceWon(docs: RegistrationDoc[]): string[] {
  const holders = new Map<string, Array<{ sequence: number; approvedAt: string }>>();
  for (const doc of docs) {
    const approvedAt = decidedAt(doc, 'approved');
    if (doc.status !== 'approved' || doc.sequence === undefined || !approvedAt) continue;
    for (const deal of dealsOf(doc))
      holders.set(deal, [...(holders.get(deal) ?? []), { sequence: doc.sequence, approvedAt }]);
  }
  return docs
    .filter(
      (doc) => doc.status === 'rejected' && conflictReasons.has(doc.reasonCode ?? '') && doc.sequence !== undefined,
    )
    .filter((doc) => {
      const rejectedAt = decidedAt(doc, 'rejected') ?? '';
      return dealsOf(doc).some((deal) =>
        (holders.get(deal) ?? []).some((h) => h.sequence > (doc.sequence as number) && h.approvedAt <= rejectedAt),
      );
    })
    .map((doc) => doc._id);
}

/**
 * What must hold after any run, however it was disturbed: no deal has two active approvals and none
 * went to a later registration than one rejected for it; every accepted registration is stored, has
 * its workflow and (optionally) is decided; no decision was written twice, every decision chain
 * verifies and no sequence number was drawn twice.
 */
export async function checkInvariants(
  temporal: Client,
  acceptedIds: readonly string[],
  options: InvariantOptions = {},
): Promise<InvariantReport> {
  const docs = await Registration.find({}).lean<RegistrationDoc[]>().exec();
  const byId = new Map(docs.map((doc) => [doc._id, doc]));
  const accepted = acceptedIds.flatMap((id) => byId.get(id) ?? []);
  const report: InvariantReport = {
    ok: false,
    checkedRegistrations: docs.length,
    dealsWithTwoApprovals: [],
    probableDealsWithTwoApprovals: [],
    laterSequenceWon: laterSequenceWon(docs),
    acceptedButMissingInDatabase: acceptedIds.filter((id) => !byId.has(id)),
    acceptedWithoutWorkflow: [],
    stillPending: options.everyDecided ? accepted.filter((doc) => doc.status === 'pending').map((doc) => doc._id) : [],
    decisionWrittenTwice: [],
    decidedOutOfTime: [],
    brokenDecisionChains: [],
    duplicateSequences: [],
  };

  for (const [a, b] of approvedPairs(docs.filter((doc) => doc.status === 'approved'))) {
    if (sharedProductLines(a.opportunity.productLines, b.opportunity.productLines).length === 0) continue;
    const match = compareCustomers(a.customer, b.customer, 0.9);
    if (match.strength === 'certain') report.dealsWithTwoApprovals.push(`${a._id}+${b._id}`);
    if (match.strength === 'probable' && options.probableMatchesAreConflicts) {
      report.probableDealsWithTwoApprovals.push(`${a._id}+${b._id}`);
    }
  }

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

  // Describing each workflow is the definitive check (visibility is eventually consistent).
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
  report.acceptedWithoutWorkflow = missing.filter((id): id is string => id !== undefined);
  if (report.stillPending.length > 0) report.whyPending = await whyPending(temporal, report.stillPending.slice(0, 20));

  report.ok = brokenInvariants(report).length === 0;
  return report;
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
