import { defineQuery, defineSignal, defineUpdate } from '@temporalio/workflow';
import type {
  EscalationContenderView,
  EscalationResolutionRequest,
  EscalationSubject,
} from '../domain/escalation-plan';
import type { LifecycleState } from '../domain/lifecycle';
import type {
  Arrival,
  EngineVerdict,
  EscalationFate,
  EscalationResolutionSummary,
  FateAction,
  Requester,
} from '../domain/lifecycle-entries';
import type { OpportunityDiff } from '../domain/opportunity-change';
import type {
  Closing,
  OpportunityChange,
  ReasonCode,
  RegistrationSubmission,
  SubmitterType,
} from '../domain/registration';

/** Names and payloads of every message the workflows accept; shared by workflows, activities and clients. */

export const registrationWorkflowId = (registrationId: string) => `registration-${registrationId}`;
export const escalationWorkflowId = (escalationId: string) => `escalation-${escalationId}`;

export type { EscalationContenderView, EscalationResolutionRequest } from '../domain/escalation-plan';
export type { LifecycleState } from '../domain/lifecycle';
export type {
  Arrival,
  EscalationFate,
  EscalationResolutionSummary,
  FateAction,
  Requester,
} from '../domain/lifecycle-entries';

/** What the registration's workflow shows of itself: its document's state and a review it waits for. */
export interface RegistrationState extends LifecycleState {
  /** An extension request waiting for a channel manager. */
  extensionReviewId?: string;
}

/** What a stored step left in the document, and whether this attempt wrote it (or an earlier one had). */
export interface RecordedStep {
  state: LifecycleState;
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

/**
 * What the API hands a new registration's workflow: the submission as the reseller sent it, checked
 * against the partners but not yet stored. The workflow's first step stores it (see acceptUpdate).
 */
export interface SubmissionInput {
  resellerId: string;
  /** The reseller's type when it submitted: its limits and the allocation's partner-type routes use it. */
  partnerType: SubmitterType;
  /** A vendor seller's direct opportunity: its seller (`resellerId` is then the seller's party id). */
  sellerId?: string;
  body: RegistrationSubmission;
  requestHash: string;
  idempotencyKey?: string;
  /** Who entered it (a person or an integration key), and for whom when a distributor entered it. */
  enteredBy: Requester['actor'] & { onBehalfOf?: { distributorId: string } };
  /** A migrated registration: stored with its own submission time and pre-drawn sequence, then `arrive()`s. */
  arrival?: Arrival;
  /** A channel manager's transfer: the receiver's registration, which `takeOver()`s the holder's deal. */
  transfer?: TransferOrder;
}

/** Who moves which holder's deal, and why; the receiver's registration carries it to its workflow. */
export interface TransferOrder {
  from: string;
  by: Requester;
  reason: string;
  /**
   * A dispute's receiver (overturned with nobody holding the deal, or distinct): the workflow it answers
   * instead of `from`'s (which has ended), the registrations not to weigh it against besides `from`, and
   * that a channel manager's word overrides the routes (only another holder refuses it).
   */
  dispute?: { answerTo: string; distinctFrom: string[] };
}

/** The partner a channel manager moves a deal to. */
export interface TransferRequest {
  by: Requester;
  toResellerId: string;
  toDistributorId: string;
  reason: string;
}

/** How a receiver's registration answers its holder: it took the deal over, or why it could not. */
export type TransferAnswer =
  | { receiverId: string; approved: true }
  | { receiverId: string; approved: false; type: string; message: string };

export interface TransferResult {
  holder: RegistrationState;
  receiverId: string;
}

/** What the policy a registration was accepted under means for the rest of its life. */
export interface AcceptanceTerms {
  policyVersion: number;
  timing: {
    protectionMs: number;
    extensionPeriodMs: number;
    expiryReminderMs: number;
    extensionMax: number;
    needsApproval: boolean;
  };
}

/**
 * `change-numbered`: the lines a change claims have their sequence; `change-settled`: no change is claiming
 * lines (it was recorded or refused).
 */
export type Milestone = 'accepted' | 'decided' | 'change-numbered' | 'change-settled';
/** What a look at the deal answers when an earlier registration must speak first. */
export interface Wait {
  waitFor: string;
  until: Milestone;
}
export interface LookInput {
  /** Listed but unstored registrations whose workflows do not run (so they will never be stored): ignored. */
  neverStored?: string[];
  /** After a wait that did not settle it, name the latest earlier registration instead of the earliest. */
  waitFor?: 'latest';
}

export interface WeighInput extends LookInput {
  registrationId: string;
  /**
   * `decision`: the first; `recheck`: an escalated registration looked at again (its escalation decided
   * nothing about it); `confirm`: an approval on review, checked against who holds the deal now.
   */
  mode: 'decision' | 'recheck' | 'confirm';
  /** Registrations not to weigh against: declared a different deal, or rejected by the same review. */
  distinctFrom: string[];
  /** Numbers the looks again, so that each escalation one opens has a name of its own. */
  attempt: number;
  /** `confirm` only: a channel manager's word overrides the routes; only another holder refuses it. */
  dealOnly?: boolean;
}

export type WeighResult = Wait | { verdict: EngineVerdict; at: string };

export interface RegistrationWorkflowInput {
  registrationId: string;
  submission: SubmissionInput;
}

/**
 * The answer to a submission, once its registration is stored with its sequence: the stored document,
 * as JSON (its dates are ISO strings). A submission refused before anything was stored fails the update
 * with the refusal (types in `acceptanceRefusals`), and its workflow fails, so the same
 * Idempotency-Key may be used again.
 */
export type AcceptedRegistration = Record<string, unknown> & { _id: string; sequence: number };
export const acceptanceRefusals = ['LimitReached', 'NoPolicy', 'IdempotencyKeyReused'] as const;
export interface Acceptance {
  registration: AcceptedRegistration;
  /** True for every answer after the first: a repeat of the submission (same Idempotency-Key). */
  repeated: boolean;
}
export const acceptUpdate = defineUpdate<Acceptance, [{ requestHash: string }]>('accept');

export const registrationStateQuery = defineQuery<RegistrationState>('registrationState');
export const withdrawUpdate = defineUpdate<RegistrationState, [{ by: Requester; reason?: string }]>('withdraw');
/** The closing's facts beside who asks: a flat shape, so a close recorded as `{ by, outcome }` replays. */
export type CloseRequest = { by: Requester } & Closing;
export const closeUpdate = defineUpdate<RegistrationState, [CloseRequest]>('close');
export const extensionUpdate = defineUpdate<ExtensionResult, [{ by: Requester; reason: string }]>('requestExtension');
/** A channel manager's transfer of the deal an approved registration holds (see `TransferAnswer`). */
export const transferUpdate = defineUpdate<TransferResult, [TransferRequest]>('transfer');
export const revokeUpdate = defineUpdate<RegistrationState, [{ by: Requester; reason: string }]>('revoke');
/** Sent by a transfer's receiver to the holder once it has taken the deal over, or could not. */
export const transferAnsweredSignal = defineSignal<[TransferAnswer]>('transferAnswered');

/** The owner's change of the opportunity (`POST /registrations/{id}/changes`). */
export interface ChangeRequest {
  by: Requester;
  opportunity: OpportunityChange;
  note?: string;
}
export const changeUpdate = defineUpdate<RegistrationState, [ChangeRequest]>('change');

/** A change as the document makes it: the diff, its search text, and the sequence drawn for the lines it adds. */
export interface ClaimedChange extends OpportunityDiff {
  searchText: string;
  lineSequences?: Record<string, number>;
  sequence?: number;
}

/** The look at the lines a change adds: approved, or refused for a deal reason (the holder never named). */
export type ChangeLook = Wait | { refused?: { reasonCode: ReasonCode; explanation: string } };

/**
 * A registration waiting for an earlier one of its deal asks to be told when that one is decided (or,
 * `until: 'accepted'`, when one it found still being stored has its sequence); the earlier one answers
 * with `predecessorDecided` at once if that has happened already, else when it does.
 */
export const watchDecisionSignal = defineSignal<[{ watcherWorkflowId: string; until: Milestone }]>('watchDecision');
export const predecessorDecidedSignal = defineSignal<[{ registrationId: string }]>('predecessorDecided');

/** Sent by an escalation to each waiting contender once it is resolved. */
export const escalationFateSignal = defineSignal<[EscalationFate]>('escalationFate');
/** Sent by an escalation that was already being resolved when this registration tried to join it. */
export const escalationTurnedAwaySignal = defineSignal<[{ escalationId: string }]>('escalationTurnedAway');

export interface EscalationWorkflowInput {
  escalationId: string;
  subject: EscalationSubject;
  reasonCode: ReasonCode;
  policyVersion: number;
  createdAt: string;
  reviewDueAt: string;
  secondReviewDueAt: string;
}

export interface EscalationState {
  escalationId: string;
  status: 'open' | 'resolved';
  level: 1 | 2;
  subject: EscalationSubject;
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
  [{ by: Requester; request: EscalationResolutionRequest }]
>('resolve');
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

export type { PolicyAnnouncement } from '../domain/policy/in-force';
