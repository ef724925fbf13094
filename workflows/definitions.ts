import { defineQuery, defineSignal, defineUpdate } from '@temporalio/workflow';
import type { ReasonCode, RegistrationStatus } from '../domain/registration';

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

/** What the decision, an escalation or a deadline concluded for a registration (already recorded in MongoDB). */
export interface RecordedOutcome {
  status: RegistrationStatus;
  reasonCode?: ReasonCode;
  protectedUntil?: string;
  extensionsUsed: number;
  escalationId?: string;
}

export interface ExtensionResult {
  /** `extended`: applied now; `escalated`: waiting for a channel manager. */
  result: 'extended' | 'escalated';
  protectedUntil: string;
  extensionsUsed: number;
  escalationId?: string;
}

export interface Actor {
  kind: 'reseller' | 'channel-manager' | 'admin' | 'system';
  /** API key id (never the key). */
  keyId?: string;
}

export const registrationStateQuery = defineQuery<RegistrationState>('registrationState');
export const withdrawUpdate = defineUpdate<RecordedOutcome, [{ by: Actor; reason?: string }]>('withdraw');
export const closeUpdate = defineUpdate<RecordedOutcome, [{ by: Actor; outcome: 'won' | 'lost' }]>('close');
export const extensionUpdate = defineUpdate<ExtensionResult, [{ by: Actor; reason: string }]>('requestExtension');
/** Sent by an escalation once its resolution is recorded on this registration. */
export const escalationOutcomeSignal = defineSignal<[RecordedOutcome]>('escalationOutcome');
export const extensionOutcomeSignal =
  defineSignal<[{ granted: boolean; outcome: RecordedOutcome }]>('extensionOutcome');

export type EscalationResolutionRequest =
  | { award: string; reason: string }
  | { rejectAll: true; reason: string }
  | { distinct: true; reason: string };

export interface EscalationContenderView {
  registrationId: string;
  role: 'holder' | 'contender';
  sequence: number;
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
  resolution: 'award' | 'reject-all' | 'distinct' | 'moot';
  /** What was recorded for each contender (holders keep what they had and are not listed). */
  outcomes: Array<RecordedOutcome & { registrationId: string; granted?: boolean }>;
}

export const escalationStateQuery = defineQuery<EscalationState>('escalationState');
export const resolveEscalationUpdate = defineUpdate<
  EscalationResolutionResult,
  [{ by: Actor; request: EscalationResolutionRequest }]
>('resolve');
export const contenderJoinedSignal = defineSignal<[EscalationContenderView]>('contenderJoined');
export const contenderLeftSignal = defineSignal<[{ registrationId: string }]>('contenderLeft');
