import type { Client } from '@temporalio/client';
import { verifyDecisionChain } from '../../db/decision-log';
import { Registration, type RegistrationDoc } from '../../db/registrations';
import { compareCustomers, sharedProductLines } from '../../domain/matching';
import { runClosedLoop } from '../load/driver';

export interface InvariantReport {
  ok: boolean;
  checkedRegistrations: number;
  /** Pairs of approved registrations with a certain customer match and a shared product line. */
  dealsWithTwoApprovals: string[];
  /** Same, for a probable (name) match: also wrong here, since no channel manager resolved anything. */
  probableDealsWithTwoApprovals: string[];
  acceptedButMissingInDatabase: string[];
  acceptedWithoutWorkflow: string[];
  stillPending: string[];
  /** For each one still pending: what its workflow is doing (pending activity, attempt, last failure). */
  whyPending?: Record<string, string>;
  decisionWrittenTwice: string[];
  brokenDecisionChains: string[];
  duplicateSequences: number[];
}

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

/**
 * After the load: no deal has two active approvals; every registration answered 202 is stored and has
 * its workflow; no decision was written twice and every decision chain verifies.
 */
export async function checkInvariants(temporal: Client, acceptedIds: string[]): Promise<InvariantReport> {
  const docs = await Registration.find({}).lean<RegistrationDoc[]>().exec();
  const byId = new Map(docs.map((doc) => [doc._id, doc]));
  const report: InvariantReport = {
    ok: false,
    checkedRegistrations: docs.length,
    dealsWithTwoApprovals: [],
    probableDealsWithTwoApprovals: [],
    acceptedButMissingInDatabase: acceptedIds.filter((id) => !byId.has(id)),
    acceptedWithoutWorkflow: [],
    stillPending: docs.filter((doc) => doc.status === 'pending').map((doc) => doc._id),
    decisionWrittenTwice: [],
    brokenDecisionChains: [],
    duplicateSequences: [],
  };

  for (const [a, b] of approvedPairs(docs.filter((doc) => doc.status === 'approved'))) {
    if (sharedProductLines(a.opportunity.productLines, b.opportunity.productLines).length === 0) continue;
    const match = compareCustomers(a.customer, b.customer, 0.9);
    if (match.strength === 'certain') report.dealsWithTwoApprovals.push(`${a._id}+${b._id}`);
    if (match.strength === 'probable') report.probableDealsWithTwoApprovals.push(`${a._id}+${b._id}`);
  }

  const sequences = new Map<number, number>();
  for (const doc of docs) {
    const keys = doc.decisions.map((decision) => decision.key);
    const engineDecisions = doc.decisions.filter((decision) => decision.kind === 'decision').length;
    if (new Set(keys).size !== keys.length || engineDecisions > 1 || keys.length !== doc.decisionKeys.length) {
      report.decisionWrittenTwice.push(doc._id);
    }
    if (!verifyDecisionChain(doc.decisions, doc.lastDecisionHash).ok) report.brokenDecisionChains.push(doc._id);
    if (doc.sequence !== undefined) sequences.set(doc.sequence, (sequences.get(doc.sequence) ?? 0) + 1);
  }
  report.duplicateSequences = [...sequences].filter(([, count]) => count > 1).map(([sequence]) => sequence);

  // Describing each workflow is the definitive check (visibility is eventually consistent).
  const described = await runClosedLoop(acceptedIds, 16, 600, async (id) => {
    const workflowId = byId.get(id)?.workflowId ?? `registration-${id}`;
    await temporal.workflow.getHandle(workflowId).describe();
    return { ok: true, status: 200 };
  });
  report.acceptedWithoutWorkflow = described.samples.filter((s) => !s.ok).map((s) => acceptedIds[s.index] as string);
  if (report.stillPending.length > 0) report.whyPending = await whyPending(temporal, report.stillPending.slice(0, 20));

  report.ok = [
    report.dealsWithTwoApprovals,
    report.probableDealsWithTwoApprovals,
    report.acceptedButMissingInDatabase,
    report.acceptedWithoutWorkflow,
    report.stillPending,
    report.decisionWrittenTwice,
    report.brokenDecisionChains,
    report.duplicateSequences,
  ].every((list) => list.length === 0);
  return report;
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
