import { condition, getExternalWorkflowHandle, ParentClosePolicy, startChild, uuid4 } from '@temporalio/workflow';
import type { DisputeStep } from '../domain/dispute-entries';
import { mayHappen, type StepFields } from '../domain/lifecycle';
import {
  changeEntry,
  closingEntry,
  extensionEntry,
  extensionRequestEntry,
  type Requester,
  revocationEntry,
  transferOutEntry,
  withdrawalEntry,
} from '../domain/lifecycle-entries';
import {
  type ChangeRequest,
  type CloseRequest,
  contenderLeftSignal,
  type ExtensionResult,
  escalationWorkflowId,
  type LookInput,
  type RegistrationState,
  registrationWorkflowId,
  type TransferAnswer,
  type TransferRequest,
  type TransferResult,
} from './definitions';
import { LifecycleCore, refuse } from './lifecycle-core';
import { lifecycle, locally, outside } from './registration-steps';
import { searchAttributes } from './search-attributes';

/**
 * What people ask of a registration (each workflow handler is one line that calls one of these): withdraw,
 * close, extend, change; a channel manager's transfer and revocation; a dispute's step. Each acts inside one
 * step of the queue, where the state is exact.
 */
export abstract class RegistrationCommands extends LifecycleCore {
  /** The answer of the receiver a transfer under way waits for. */
  protected transferAnswer?: TransferAnswer;
  private extensionRequests = 0;
  private changeRequests = 0;

  validateChange(action: string): void {
    if (this.ended()) refuse(`only a live registration can be ${action}; it is ${this.state.status}`);
  }

  async withdraw({ by, reason }: { by: Requester; reason?: string }): Promise<RegistrationState> {
    this.deciding?.cancel();
    return this.steps.run(async () => {
      if (!mayHappen('withdrawn', this.state.status)) refuse(`the registration is already ${this.state.status}`);
      const leftEscalation = this.state.status === 'escalated' ? this.state.escalationId : undefined;
      await this.record('withdrawn', withdrawalEntry(this.registered(), by, reason));
      await this.leaveReviews(leftEscalation);
      return this.view();
    });
  }

  /**
   * A channel manager moves the deal to another partner: the receiver's registration is started and takes
   * the deal over (approved), and only then does this one end `transferred`, so the deal never lacks a holder;
   * the pair counts as one holder in between. A receiver that cannot take it leaves this one as it was.
   */
  transfer(request: TransferRequest): Promise<TransferResult> {
    return this.whenDecided('transferred', 'transferred', async () => {
      const holderId = this.input.registrationId;
      const { submission, customerKeys } = await outside.prepareTransfer({ holderId, request });
      const receiverId = `reg_${uuid4().replace(/-/g, '').slice(0, 24)}`;
      await startChild('registrationWorkflow', {
        workflowId: registrationWorkflowId(receiverId),
        args: [{ registrationId: receiverId, submission }],
        parentClosePolicy: ParentClosePolicy.ABANDON,
        typedSearchAttributes: [
          { key: searchAttributes.status, value: 'pending' },
          { key: searchAttributes.resellerId, value: submission.resellerId },
          { key: searchAttributes.distributorId, value: submission.body.distributorId },
          { key: searchAttributes.customerKeys, value: customerKeys },
        ],
      });
      await condition(() => this.transferAnswer?.receiverId === receiverId);
      const answer = this.transferAnswer as TransferAnswer;
      if (!answer.approved) refuse(`the receiver could not take the deal over: ${answer.message}`, answer.type);
      const words = { by: request.by, reason: request.reason, from: holderId, to: receiverId };
      await this.record('transferred', transferOutEntry(this.registered(), words));
      await this.leaveReviews();
      return { holder: this.view(), receiverId };
    });
  }

  revoke({ by, reason }: { by: Requester; reason: string }): Promise<RegistrationState> {
    return this.whenDecided('revoked', 'revoked', async () => {
      await this.record('revoked', revocationEntry(this.registered(), by, reason));
      await this.leaveReviews();
      return this.view();
    });
  }

  transferAnswered(answer: TransferAnswer): void {
    this.transferAnswer = answer;
  }

  /** An ended registration leaves the reviews it waited in: its escalation's, and its extension's. */
  protected async leaveReviews(escalationId?: string): Promise<void> {
    for (const review of [escalationId, this.extensionReviewId]) {
      if (!review) continue;
      await getExternalWorkflowHandle(escalationWorkflowId(review))
        .signal(contenderLeftSignal, { registrationId: this.input.registrationId })
        .catch(() => undefined); // the escalation already finished
    }
  }

  close({ by, ...closing }: CloseRequest): Promise<RegistrationState> {
    return this.whenDecided('closed', closing.outcome, async () => {
      await this.record(closing.outcome, closingEntry(this.registered(), by, closing));
      return this.view();
    });
  }

  validateExtension(): void {
    this.validateChange('extended');
    this.checkExtensionAllowed();
  }

  requestExtension({ by, reason }: { by: Requester; reason: string }): Promise<ExtensionResult> {
    return this.whenDecided('extended', 'extended', async () => {
      this.checkExtensionAllowed();
      const timing = this.timing();
      const ordinal = this.state.extensionsUsed + 1;
      if (timing.needsApproval) {
        const request = ++this.extensionRequests;
        const { escalationId } = await outside.openExtensionReview({
          registrationId: this.input.registrationId,
          request,
        });
        await this.record(
          'extension-requested',
          extensionRequestEntry(this.registered(), { by, reason, request, ordinal, escalationId }),
        );
        this.extensionReviewId = escalationId;
        return { result: 'escalated', escalationId, ...this.protection() };
      }
      const max = timing.extensionMax;
      await this.record(
        'extended',
        (set: StepFields) =>
          extensionEntry(this.registered(), { by, reason, ordinal, max, protectedUntil: set.protectedUntil ?? '' }),
        { ordinal },
      );
      return { result: 'extended', ...this.protection() };
    });
  }

  /**
   * The owner's change of the opportunity, one signed step (after the first decision, when it was pending).
   * Lines it adds are weighed as a new registration of them would be, numbered then; a refusal changes nothing.
   */
  async changeOpportunity({ by, opportunity, note }: ChangeRequest): Promise<RegistrationState> {
    await condition(() => this.state.status !== 'pending');
    return this.steps.run(async () => {
      if (!mayHappen('changed', this.state.status))
        refuse(`only a live registration can be changed; it is ${this.state.status}`);
      const registrationId = this.input.registrationId;
      const number = ++this.changeRequests;
      this.lineClaim = 'unnumbered';
      try {
        const claimed = await lifecycle.claimChange({ registrationId, change: opportunity });
        this.lineClaim = claimed.sequence === undefined ? undefined : 'numbered';
        this.queue.tellWatchers();
        if (Object.keys(claimed.after).length === 0) refuse('the change changes nothing', 'NothingChanged');
        if (claimed.sequence !== undefined) {
          const look = await this.queue.lookUntilSettled((input: LookInput) =>
            locally.weighChange({ registrationId, ...input }),
          );
          if (look.refused) refuse(look.refused.explanation, 'ChangeRefused', look.refused.reasonCode);
        }
        const { before, after, sequence, opportunity: changed, searchText, lineSequences } = claimed;
        const change = { before, after, ...(note ? { note } : {}), ...(sequence !== undefined ? { sequence } : {}) };
        await this.record('changed', changeEntry({ ...this.registered(), ...this.state }, { by, number, change }), {
          changes: { opportunity: changed, searchText, ...(lineSequences ? { lineSequences } : {}) },
        });
      } finally {
        if (this.lineClaim) await lifecycle.releaseLineClaim({ registrationId });
        this.lineClaim = undefined;
        this.queue.tellWatchers();
      }
      return this.view();
    });
  }

  /** A dispute's step (domain/dispute-entries.ts) in this registration's decisions; its status and reason stay. */
  recordDisputeStep({ event, content }: DisputeStep): Promise<RegistrationState> {
    return this.steps.run(async () => {
      const reason = this.state.reasonCode ? { reasonCode: this.state.reasonCode } : {};
      await this.record(event, { ...content, ...reason });
      return this.view();
    });
  }

  protected checkExtensionAllowed(): void {
    if (this.extensionReviewId) refuse('an extension request is already waiting for a channel manager');
    const max = this.terms?.timing.extensionMax ?? 0;
    if (this.state.status === 'approved' && this.state.extensionsUsed >= max) {
      refuse(`no extensions left: the policy allows ${max} and ${this.state.extensionsUsed} used`, 'NoExtensionsLeft');
    }
  }
}
