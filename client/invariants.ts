import type { Client } from '@temporalio/client';
import { WorkflowNotFoundError } from '@temporalio/common';
import { verifyDecisionChain } from '../db/decision-log';
import { Registration, type RegistrationDoc } from '../db/registrations';

export interface InvariantReport {
  registrations: number;
  problems: string[];
}

/** Keys that make two customers certainly one (identifiers and registrable domain), not name keys. */
const certainKeyPattern = /^(uei|duns|taxid|domain):/;

/**
 * What must hold after any run, however it was disturbed:
 * - no deal has two active approvals (two approved registrations sharing a certain customer key and a
 *   product line; a name-only match may legitimately be approved twice when a channel manager says so);
 * - every accepted registration exists in MongoDB and has a workflow;
 * - no decision was written twice, and every decision chain verifies.
 */
export async function checkInvariants(temporal: Client, acceptedIds: readonly string[]): Promise<InvariantReport> {
  const problems: string[] = [];
  const approved = await Registration.find({ status: 'approved' }).lean<RegistrationDoc[]>().exec();
  const holders = new Map<string, string>();
  for (const registration of approved) {
    for (const key of registration.lookupKeys.filter((k) => certainKeyPattern.test(k))) {
      for (const line of registration.opportunity.productLines) {
        const deal = `${key}|${line}`;
        const other = holders.get(deal);
        if (other) problems.push(`deal ${deal} has two active approvals: ${other} and ${registration._id}`);
        holders.set(deal, registration._id);
      }
    }
  }

  for (const id of acceptedIds) {
    const registration = await Registration.findById(id).lean<RegistrationDoc>().exec();
    if (!registration) {
      problems.push(`accepted registration ${id} is not in MongoDB`);
      continue;
    }
    try {
      await temporal.workflow.getHandle(registration.workflowId).describe();
    } catch (error) {
      if (!(error instanceof WorkflowNotFoundError)) throw error;
      problems.push(`accepted registration ${id} has no workflow`);
    }
  }

  const all = await Registration.find({ sequence: { $exists: true } })
    .lean<RegistrationDoc[]>()
    .exec();
  for (const registration of all) {
    if (new Set(registration.decisionKeys).size !== registration.decisionKeys.length) {
      problems.push(`registration ${registration._id} has a decision written twice`);
    }
    if (registration.decisions.length !== registration.decisionKeys.length) {
      problems.push(
        `registration ${registration._id} has ${registration.decisions.length} decisions for ${registration.decisionKeys.length} keys`,
      );
    }
    const chain = verifyDecisionChain(registration.decisions, registration.lastDecisionHash);
    if (!chain.ok) problems.push(`registration ${registration._id}: decision chain broken (${chain.problem})`);
  }
  return { registrations: all.length, problems };
}
