import { condition, getExternalWorkflowHandle, workflowInfo } from '@temporalio/workflow';
import {
  type LookInput,
  type Milestone,
  predecessorDecidedSignal,
  registrationWorkflowId,
  type Wait,
  watchDecisionSignal,
} from './definitions';

/**
 * While it waits for an earlier registration's word, a registration looks again after this long anyway:
 * only a safety net (every stored registration has a running workflow to answer, until it is decided).
 */
const WAIT_SAFETY_NET_MS = 30_000;
/** An earlier registration still undecided without a running workflow cannot answer: look again soon. */
const UNANSWERABLE_RETRY_MS = 1_000;

/**
 * First come, first served between workflows (docs/DESIGN.md): a registration's look at its deal may name
 * an earlier registration that must be accepted or decided first; this asks that one's workflow for word
 * (`watchDecision`) and waits for it (`predecessorDecided`), then looks again. It also answers the
 * registrations that wait for this one.
 */
export class DealQueue {
  private readonly watchers: Array<{ workflowId: string; until: Milestone }> = [];
  /** Words on their way: a workflow that completes first would take them with it undelivered. */
  private readonly outgoing: Promise<void>[] = [];
  private answered = false;

  constructor(
    private readonly registrationId: string,
    private readonly hasHappened: (milestone: Milestone) => boolean,
  ) {}

  watch(watcher: { watcherWorkflowId: string; until: Milestone }): void {
    this.watchers.push({ workflowId: watcher.watcherWorkflowId, until: watcher.until });
    this.tellWatchers();
  }

  predecessorAnswered(): void {
    this.answered = true;
  }

  /** Answers, in the order they asked, the watchers whose milestone has been reached. */
  tellWatchers(): void {
    const told = this.watchers.filter((watcher) => this.hasHappened(watcher.until));
    this.watchers.splice(0, this.watchers.length, ...this.watchers.filter((w) => !this.hasHappened(w.until)));
    for (const watcher of told) {
      this.outgoing.push(
        getExternalWorkflowHandle(watcher.workflowId)
          .signal(predecessorDecidedSignal, { registrationId: this.registrationId })
          // A watcher that ended meanwhile needs no word.
          .catch(() => undefined),
      );
    }
  }

  /** Waits until every word on its way has been delivered. */
  async flush(): Promise<void> {
    while (this.outgoing.length > 0) await Promise.all(this.outgoing.splice(0));
  }

  /** Looks until the look needs nobody's word, waiting for each registration it names. */
  async lookUntilSettled<Result extends object>(look: (input: LookInput) => Promise<Result | Wait>): Promise<Result> {
    let unanswered: string | undefined;
    const neverStored: string[] = [];
    let hasWaited = false;
    for (;;) {
      this.answered = false;
      const looked = await look({
        ...(neverStored.length > 0 ? { neverStored: [...neverStored] } : {}),
        ...(hasWaited ? { waitFor: 'latest' as const } : {}),
      });
      if (!('waitFor' in looked)) return looked;
      const { waitFor, until } = looked;
      const asked = await getExternalWorkflowHandle(registrationWorkflowId(waitFor))
        .signal(watchDecisionSignal, { watcherWorkflowId: workflowInfo().workflowId, until })
        .then(
          () => true,
          () => false,
        );
      if (asked) {
        unanswered = undefined;
        await condition(() => this.answered, WAIT_SAFETY_NET_MS);
        if (until === 'decided') hasWaited = true;
      } else if (until === 'accepted') {
        neverStored.push(waitFor);
      } else if (unanswered !== waitFor) {
        // Its workflow has ended since the look (decided, most likely): look again at once.
        unanswered = waitFor;
      } else {
        await condition(() => this.answered, UNANSWERABLE_RETRY_MS);
      }
    }
  }
}
