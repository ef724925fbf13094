import { defineQuery, defineUpdate } from '@temporalio/workflow';
import type { DisputeDecision, DisputeGround, DisputeSide, Evidence } from '../domain/dispute';
import type { DisputeStep } from '../domain/dispute-entries';
import type { Requester } from '../domain/lifecycle-entries';
import type { DisputeOutcome } from '../domain/policy/schema';
import type { RegistrationState } from './definitions';

/** Names and payloads of a dispute's messages (CONTRACT.md, "Additions: disputes"). */

export const disputeWorkflowId = (disputeId: string) => `dispute-${disputeId}`;

/** The registration that held the deal when the dispute opened. */
export interface DisputeHolder {
  registrationId: string;
  resellerId: string;
  distributorId: string;
}

export interface DisputeWorkflowInput {
  disputeId: string;
  /** The disputing registration and its partner. */
  registrationId: string;
  resellerId: string;
  distributorId: string;
  holder?: DisputeHolder;
  ground: DisputeGround;
  claim: DisputeSide;
  policyVersion: number;
  createdAt: string;
  responseDueAt: string;
  reviewDueAt: string;
  secondReviewDueAt: string;
  onDeadline: DisputeOutcome;
}

export interface DisputeState {
  disputeId: string;
  status: 'open' | 'decided';
  level: 1 | 2;
  answered: boolean;
  decision?: DisputeDecision;
}

export interface DisputeResponseRequest {
  by: Requester;
  statement: string;
  evidence: Evidence[];
}

export interface DisputeDecisionRequest {
  by: Requester;
  outcome: DisputeOutcome;
  reason: string;
}

/** Answered once the dispute's document is stored: the API's 202 then names a dispute one can read. */
export const disputeOpenedUpdate = defineUpdate<DisputeState>('disputeOpened');
export const respondToDisputeUpdate = defineUpdate<DisputeState, [DisputeResponseRequest]>('respond');
export const decideDisputeUpdate = defineUpdate<DisputeState, [DisputeDecisionRequest]>('decide');
export const disputeStateQuery = defineQuery<DisputeState>('disputeState');

/** A dispute's step in a live registration's decisions, recorded by that registration's own workflow. */
export const disputeStepUpdate = defineUpdate<RegistrationState, [DisputeStep]>('disputeStep');
