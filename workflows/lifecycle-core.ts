import { ApplicationFailure, type CancellationScope, condition, upsertSearchAttributes } from '@temporalio/workflow';
import {
  type LifecycleEvent,
  type LifecycleState,
  mayHappen,
  type StepFields,
  type TransitionContext,
  transition,
} from '../domain/lifecycle';
import type { EntryContent } from '../domain/lifecycle-entries';
import { DealQueue } from './deal-queue';
import type {
  AcceptanceTerms,
  AcceptedRegistration,
  Milestone,
  RegistrationState,
  RegistrationWorkflowInput,
} from './definitions';
import { lifecycle, locally } from './registration-steps';
import { searchAttributes } from './search-attributes';
import { Serial } from './serial';

export type Settled = { registration: AcceptedRegistration } | { refusal: ApplicationFailure };

/**
 * What every part of a registration's life shares: its document's state, its one-step-at-a-time queue, and
 * `record`, the one way a step is taken (the table gives it, `recordStep` stores it). The state chart
 * (registration-lifecycle.ts) and what people ask of it (registration-commands.ts) build on this.
 */
export abstract class LifecycleCore {
  protected state: LifecycleState = { status: 'pending', extensionsUsed: 0 };
  protected acceptance?: Settled;
  protected terms?: AcceptanceTerms;
  protected readonly steps = new Serial();
  protected readonly queue: DealQueue;
  /** The look at the deal under way, which a withdrawal cancels. */
  protected deciding?: CancellationScope;
  protected extensionReviewId?: string;
  /** Lines a change is adding, claimed on the document: looks at the deal that meet them wait (`reached`). */
  protected lineClaim?: 'unnumbered' | 'numbered';

  constructor(protected readonly input: RegistrationWorkflowInput) {
    this.queue = new DealQueue(input.registrationId, (milestone) => this.reached(milestone));
  }

  view(): RegistrationState {
    return { ...this.state, ...(this.extensionReviewId ? { extensionReviewId: this.extensionReviewId } : {}) };
  }

  /**
   * One step: the table gives it from the state, `recordStep` stores it with every effect, and the state
   * becomes what the document says after it (the same, unless an earlier attempt of the step stored it).
   */
  protected async record(
    event: LifecycleEvent,
    entry: EntryContent | ((set: StepFields) => EntryContent),
    context: Partial<Pick<TransitionContext, 'ordinal' | 'notifyKey' | 'now' | 'keptUntil' | 'changes'>> = {},
  ): Promise<void> {
    const timing = this.timing();
    const step = transition(this.state, event, entry, {
      timing: { protectionMs: timing.protectionMs, extensionPeriodMs: timing.extensionPeriodMs },
      now: new Date(),
      ...context,
    });
    // The decision is recorded in the task that made it (a local activity); later steps are ordinary ones.
    const via = this.state.status === 'pending' ? locally : lifecycle;
    const stored = await via.recordStep({ registrationId: this.input.registrationId, step });
    this.state = stored.state;
    upsertSearchAttributes([{ key: searchAttributes.status, value: this.state.status }]);
    if (this.state.status !== 'pending') this.queue.tellWatchers();
  }

  /**
   * The document can be a step ahead of what a caller read a moment ago: wait until the decision is in,
   * then check and act inside one step, where the state is exact.
   */
  protected async whenDecided<T>(action: string, event: LifecycleEvent, act: () => Promise<T>): Promise<T> {
    await condition(() => this.state.status !== 'pending');
    return this.steps.run(async () => {
      if (!mayHappen(event, this.state.status)) {
        refuse(`only an approved registration can be ${action}; it is ${this.state.status}`);
      }
      return act();
    });
  }

  protected reached(milestone: Milestone): boolean {
    if (milestone === 'change-numbered') return this.lineClaim !== 'unnumbered';
    if (milestone === 'change-settled') return this.lineClaim === undefined;
    return milestone === 'accepted' ? this.acceptance !== undefined : this.state.status !== 'pending';
  }

  protected ended(): boolean {
    return !['pending', 'escalated', 'approved'].includes(this.state.status);
  }

  protected protection() {
    return { protectedUntil: this.state.protectedUntil ?? '', extensionsUsed: this.state.extensionsUsed };
  }

  protected timing(): AcceptanceTerms['timing'] {
    if (!this.terms) throw new Error('the registration has not been accepted');
    return this.terms.timing;
  }

  protected policyVersion(): number {
    return this.terms?.policyVersion ?? 0;
  }

  protected registered() {
    return { status: this.state.status, policyVersion: this.policyVersion() };
  }
}

export function refuse(message: string, type = 'InvalidState', ...details: unknown[]): never {
  throw ApplicationFailure.nonRetryable(message, type, ...details);
}
