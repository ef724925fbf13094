import { defineQuery, defineSignal, defineUpdate } from '@temporalio/workflow';
import type { IdentifierConflict, MatchBasis } from '../domain/allocation/types';
import type { LifecycleState } from '../domain/lifecycle';
import type { Actor, EscalationFate, EscalationResolutionSummary, FateAction } from '../domain/lifecycle-entries';
import type { PartnerType, ReasonCode, RegistrationStatus, RegistrationSubmission } from '../domain/registration';

/** Names and payloads of every message the workflows accept; shared by workflows, activities and clients. */

export const registrationWorkflowId = (registrationId: string) => `registration-${registrationId}`;
export const escalationWorkflowId = (escalationId: string) => `escalation-${escalationId}`;

export interface RegistrationState {
  status: RegistrationStatus;
  reasonCode?: ReasonCode;
  protectedUntil?: string;
  extensionsUsed: number;
  escalationId?: string;
  extensionEscalationId?: string;
}

/**
 * What the decision, an escalation or a deadline concluded for a registration (already recorded in
 * MongoDB): the state the lifecycle's table steps from.
 */
export type RecordedOutcome = LifecycleState;

/** What a stored step left in the document, and whether this attempt wrote it (or an earlier one had). */
export interface RecordedStep extends RecordedOutcome {
  /** The decision entry's key: the audit finds the step that wrote an entry by it. */
  key: string;
  applied: boolean;
}

export interface ExtensionResult {
  /** `extended`: applied now; `escalated`: waiting for a channel manager. */
  result: 'extended' | 'escalated';
  protectedUntil: string;
  extensionsUsed: number;
  escalationId?: string;
}

export type { Actor } from '../domain/lifecycle-entries';

/**
 * What the API hands a new registration's workflow: the submission as the reseller sent it, checked
 * against the partners but not yet stored. The workflow's first step stores it (see acceptUpdate).
 */
export interface SubmissionInput {
  resellerId: string;
  /** The reseller's type when it submitted: its limits and the allocation's partner-type routes use it. */
  partnerType: PartnerType;
  body: RegistrationSubmission;
  requestHash: string;
  idempotencyKey?: string;
}

export interface RegistrationWorkflowInput {
  registrationId: string;
  /** Absent in runs started before the workflow stored its own registration (the API did). */
  submission?: SubmissionInput;
}

/**
 * The answer to a submission, once its registration is stored with its sequence: the stored document,
 * as JSON (its dates are ISO strings). A submission refused before anything was stored fails the update
 * with the refusal (types in `acceptanceRefusals`), and its workflow fails, so the same
 * Idempotency-Key may be used again.
 */
export type AcceptedRegistration = Record<string, unknown> & { _id: string; sequence: number };
export const acceptanceRefusals = ['LimitReached', 'NoPolicy', 'IdempotencyKeyReused', 'NotThisRun'] as const;
export interface Acceptance {
  registration: AcceptedRegistration;
  /** True for every answer after the first: a repeat of the submission (same Idempotency-Key). */
  repeated: boolean;
}
export const acceptUpdate = defineUpdate<Acceptance, [{ requestHash: string }]>('accept');

export const registrationStateQuery = defineQuery<RegistrationState>('registrationState');
export const withdrawUpdate = defineUpdate<RecordedOutcome, [{ by: Actor; reason?: string }]>('withdraw');
export const closeUpdate = defineUpdate<RecordedOutcome, [{ by: Actor; outcome: 'won' | 'lost' }]>('close');
export const extensionUpdate = defineUpdate<ExtensionResult, [{ by: Actor; reason: string }]>('requestExtension');
export type { EscalationFate, EscalationResolutionSummary, FateAction } from '../domain/lifecycle-entries';

/**
 * A registration waiting for an earlier one of its deal asks to be told when that one is decided (or,
 * `until: 'accepted'`, when one it found still being stored has its sequence); the earlier one answers
 * with `predecessorDecided` at once if that has happened already, else when it does. No `until`: decided.
 */
export const watchDecisionSignal =
  defineSignal<[{ watcherWorkflowId: string; until?: 'accepted' | 'decided' }]>('watchDecision');
export const predecessorDecidedSignal = defineSignal<[{ registrationId: string }]>('predecessorDecided');

/** Sent by an escalation to each waiting contender once it is resolved. */
export const escalationFateSignal = defineSignal<[EscalationFate]>('escalationFate');
/** Sent by an escalation that was already being resolved when this registration tried to join it. */
export const escalationTurnedAwaySignal = defineSignal<[{ escalationId: string }]>('escalationTurnedAway');

export type EscalationResolutionRequest =
  | { award: string; reason: string }
  | { rejectAll: true; reason: string }
  | { distinct: true; reason: string };

export interface EscalationContenderView {
  registrationId: string;
  resellerId: string;
  distributorId: string;
  role: 'holder' | 'contender';
  sequence: number;
  match?: {
    strength: 'certain' | 'probable';
    basis: MatchBasis;
    score: number;
    withRegistrationId: string;
    conflictingIdentifiers?: IdentifierConflict[];
  };
  joinedAt: string;
}

export interface EscalationState {
  escalationId: string;
  status: 'open' | 'resolved';
  level: 1 | 2;
  subject: 'registration' | 'extension';
  reasonCode: ReasonCode;
  contenders: EscalationContenderView[];
}

export interface EscalationResolutionResult {
  escalationId: string;
  resolution: EscalationResolutionSummary;
  /** What each waiting contender's workflow was told to record (holders keep what they have). */
  fates: Array<{ registrationId: string; action: FateAction }>;
}

export const escalationStateQuery = defineQuery<EscalationState>('escalationState');
export const resolveEscalationUpdate = defineUpdate<
  EscalationResolutionResult,
  [{ by: Actor; request: EscalationResolutionRequest }]
>('resolve');
/** Kept for escalations started before contenders came in one signal with their holders. */
export const contenderJoinedSignal = defineSignal<[EscalationContenderView]>('contenderJoined');
/** A contender together with the approved registrations it was matched with: they join atomically. */
export const contendersJoinedSignal = defineSignal<[EscalationContenderView[]]>('contendersJoined');
export const contenderLeftSignal = defineSignal<[{ registrationId: string }]>('contenderLeft');

/**
 * One scheduled policy version's announcements. The database name is part of the id because one
 * Temporal namespace may serve several databases (the tests' do); a deployment has one.
 */
export const policyChangeWorkflowId = (database: string, version: number) => `policy-change-${database}-v${version}`;

export interface PolicyChangeInput {
  version: number;
  effectiveFrom: string;
  /** Where partners read the rules (GET /policy/guide), sent with every announcement. */
  guideUrl: string;
}

export type PolicyAnnouncement = 'policy.scheduled' | 'policy.effective' | 'policy.cancelled';
