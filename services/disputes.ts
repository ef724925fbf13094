import { randomBytes } from 'node:crypto';
import type { Client } from '@temporalio/client';
import { loadRegistrations } from '../activities/registration-facts';
import { registrationIdsUnderKeys } from '../db/dealkeys';
import {
  claimOpenDispute,
  releaseMonthlyDisputeSlot,
  releaseOpenDispute,
  takeMonthlyDisputeSlot,
} from '../db/disputes';
import { currentPolicy } from '../db/policies';
import type { RegistrationDoc } from '../db/registrations';
import { type DisputeGround, disputeMonth, disputeRefusal, type Evidence } from '../domain/dispute';
import { LimitReached, RequestRefused } from '../domain/errors';
import type { Requester } from '../domain/lifecycle-entries';
import { compareCustomers, sharedProductLines } from '../domain/matching';
import { durationToMs } from '../domain/policy/duration';
import type { PolicyVersion } from '../domain/policy/schema';
import type { disputeWorkflow } from '../workflows/dispute';
import {
  type DisputeHolder,
  type DisputeState,
  type DisputeWorkflowInput,
  decideDisputeUpdate,
  disputeOpenedUpdate,
  disputeWorkflowId,
  respondToDisputeUpdate,
} from '../workflows/dispute-definitions';
import { commandUpdate } from './commands';

export interface OpenDisputeRequest {
  by: Requester;
  ground: DisputeGround;
  statement: string;
  evidence: Evidence[];
}

/**
 * The registration that holds the disputed deal now, if any, found through the deal keys as a look at the
 * deal finds it: an approved registration listed under the disputing one's keys, of the same customer (a
 * certain match before a probable one) with a product line in common.
 */
async function holderOf(disputing: RegistrationDoc, policy: PolicyVersion): Promise<DisputeHolder | undefined> {
  const ids = (await registrationIdsUnderKeys(disputing.lookupKeys)).filter((id) => id !== disputing._id);
  const threshold = policy.policy.matching.nameSimilarity;
  const ranked = (await loadRegistrations(ids))
    .filter((other) => other.status === 'approved')
    .filter((other) => sharedProductLines(other.opportunity.productLines, disputing.opportunity.productLines).length)
    .map((other) => ({ other, strength: compareCustomers(other.customer, disputing.customer, threshold).strength }))
    .filter(({ strength }) => strength !== 'none')
    .sort((a, b) => Number(b.strength === 'certain') - Number(a.strength === 'certain'));
  const holder = ranked[0]?.other;
  return holder && { registrationId: holder._id, resellerId: holder.resellerId, distributorId: holder.distributorId };
}

/** When the decision that is disputed was made, and whether a channel manager's review made it. */
function decidedFacts(doc: RegistrationDoc) {
  const ending = [...doc.decisions].reverse().find((entry) => entry.toStatus !== entry.fromStatus);
  return {
    status: doc.status,
    reasonCode: doc.reasonCode,
    decidedAt: doc.endedAt ? new Date(doc.endedAt) : ending ? new Date(ending.at) : undefined,
    resolvedAgainst: ending?.event === 'rejected-on-review',
  };
}

/**
 * A partner disputes a decision about its own registration (the caller checked it is the owner): refused
 * with nothing stored outside the window, on a registration that cannot be disputed, while another of its
 * disputes is open (claimed by unique insert) or past the policy's monthly limit; else the dispute's workflow
 * is started and answers once its document is stored.
 */
export async function openDispute(
  temporal: Client,
  taskQueue: string,
  disputing: RegistrationDoc,
  request: OpenDisputeRequest,
): Promise<DisputeState & { registrationId: string; createdAt: string }> {
  const now = new Date();
  const policy = await currentPolicy(now);
  if (!policy) throw new RequestRefused(409, 'No policy', 'no allocation policy is in force');
  const rules = policy.policy.disputes;
  const refusal = disputeRefusal(decidedFacts(disputing), durationToMs(rules.window), now);
  if (refusal) throw new RequestRefused(409, 'Not possible in this state', refusal);
  const disputeId = `dsp_${randomBytes(12).toString('hex')}`;
  if (!(await claimOpenDispute(disputing._id, disputeId))) {
    throw new RequestRefused(409, 'Already disputed', 'this registration has an open dispute already');
  }
  // Every dispute takes a slot, limit or not, so that a limit set mid-month counts the month's earlier ones.
  const limit = rules.perResellerPerMonth;
  if (!(await takeMonthlyDisputeSlot(disputing.resellerId, disputeMonth(now), limit, disputeId))) {
    await releaseOpenDispute(disputing._id, disputeId);
    throw new LimitReached('disputesPerResellerPerMonth', `the policy allows ${limit} disputes per reseller per month`);
  }
  try {
    const holder = await holderOf(disputing, policy);
    const at = (ms: number) => new Date(now.getTime() + ms).toISOString();
    const reviewMs = durationToMs(rules.reviewSla);
    const input: DisputeWorkflowInput = {
      disputeId,
      registrationId: disputing._id,
      resellerId: disputing.resellerId,
      distributorId: disputing.distributorId,
      ...(holder ? { holder } : {}),
      ground: request.ground,
      claim: {
        statement: request.statement,
        evidence: request.evidence,
        at: now.toISOString(),
        actor: request.by.actor,
      },
      policyVersion: policy.version,
      createdAt: now.toISOString(),
      responseDueAt: at(durationToMs(rules.responseWindow)),
      reviewDueAt: at(reviewMs),
      secondReviewDueAt: at(reviewMs + durationToMs(rules.secondReviewSla)),
      onDeadline: rules.onDeadline,
    };
    const handle = await temporal.workflow.start<typeof disputeWorkflow>('disputeWorkflow', {
      workflowId: disputeWorkflowId(disputeId),
      taskQueue,
      args: [input],
    });
    const state = await handle.executeUpdate(disputeOpenedUpdate);
    return { ...state, registrationId: disputing._id, createdAt: input.createdAt };
  } catch (error) {
    await releaseMonthlyDisputeSlot(disputeId);
    await releaseOpenDispute(disputing._id, disputeId);
    throw error;
  }
}

export function respondToDispute(
  temporal: Client,
  disputeId: string,
  request: { by: Requester; statement: string; evidence: Evidence[] },
): Promise<DisputeState> {
  const handle = temporal.workflow.getHandle(disputeWorkflowId(disputeId));
  return commandUpdate(() => handle.executeUpdate(respondToDisputeUpdate, { args: [request] }), `dispute ${disputeId}`);
}

export function decideDispute(
  temporal: Client,
  disputeId: string,
  request: { by: Requester; outcome: 'upheld' | 'overturned' | 'distinct'; reason: string },
): Promise<DisputeState> {
  const handle = temporal.workflow.getHandle(disputeWorkflowId(disputeId));
  return commandUpdate(() => handle.executeUpdate(decideDisputeUpdate, { args: [request] }), `dispute ${disputeId}`);
}
