import { setTimeout as sleep } from 'node:timers/promises';
import { WorkflowNotFoundError } from '@temporalio/common';
import type fc from 'fast-check';
import { publishPolicy } from '../../../db/policies';
import { RequestRefused } from '../../../domain/errors';
import type { EscalationResolutionRequest } from '../../../domain/escalation-plan';
import { policySchema } from '../../../domain/policy/schema';
import type { RegistrationStatus } from '../../../domain/registration';
import {
  changeRegistration,
  closeRegistration,
  requestExtension,
  resolveEscalation,
  revokeRegistration,
  transferRegistration,
  withdrawRegistration,
} from '../../../services/commands';
import { watchDeal } from '../../../services/watch-deal';
import {
  escalationStateQuery,
  escalationWorkflowId,
  registrationStateQuery,
  registrationWorkflowId,
} from '../../../workflows/definitions';
import { managerKey, resellerKey } from '../fixtures';
import { describeVariant, type PolicyVariant, policyOf } from './policies';
import { type Model, pick, type Real, readRegistration, resellers } from './state';

/** The commands besides submissions: what partners, channel managers, admins and time do to a registration. */

type Command = fc.AsyncCommand<Model, Real>;

/** A refusal the API would answer 409 or 422 (not possible in this state, or an invalid request). */
function refusedOnly(error: unknown): void {
  if (!(error instanceof RequestRefused) || (error.status !== 409 && error.status !== 422)) throw error;
}

abstract class OnRegistration implements Command {
  constructor(readonly ref: number) {}
  check(model: Readonly<Model>): boolean {
    return model.registrations.length > 0;
  }
  abstract run(model: Model, real: Real): Promise<void>;
  /** One of the run's registrations, preferably one in a status where the command means something. */
  protected async target(model: Model, preferred: readonly RegistrationStatus[] = []) {
    const docs = await Promise.all(model.registrations.map((r) => readRegistration(r.id)));
    const fitting = model.registrations.filter((_, index) => preferred.includes(docs[index]!.status));
    return pick(fitting.length > 0 ? fitting : model.registrations, this.ref);
  }
}

export class WithdrawCommand extends OnRegistration {
  override async run(model: Model, real: Real): Promise<void> {
    const registration = await this.target(model, ['pending', 'escalated', 'approved']);
    try {
      const state = await withdrawRegistration(real.system.temporal, registration.id, resellerKey);
      expect({ id: registration.id, status: state.status }).toEqual({ id: registration.id, status: 'withdrawn' });
      registration.endedAs = 'withdrawn';
    } catch (error) {
      refusedOnly(error);
      // Refused only once its life is over: a live registration can always be withdrawn.
      const { status } = await readRegistration(registration.id);
      expect({ id: registration.id, ended: !['pending', 'approved', 'escalated'].includes(status) }).toEqual({
        id: registration.id,
        ended: true,
      });
    }
    real.log(
      `  ${this.toString()} → ${registration.id} ${registration.endedAs === 'withdrawn' ? 'withdrawn' : 'refused'}`,
    );
  }
  override toString(): string {
    return `withdraw(#${this.ref})`;
  }
}

/** A reseller turned away from a taken deal asks to be told when it frees up (the invariants check it was). */
export class WatchCommand extends OnRegistration {
  override async run(model: Model, real: Real): Promise<void> {
    // Preferably one turned away from a taken deal: any other is refused.
    const docs = await Promise.all(model.registrations.map((r) => readRegistration(r.id)));
    const turnedAway = docs.filter((doc) => doc.reasonCode === 'already-registered');
    const id = turnedAway.length > 0 ? pick(turnedAway, this.ref)._id : (await this.target(model, ['rejected'])).id;
    const registration = { id };
    try {
      const watch = await watchDeal(await readRegistration(id));
      real.log(`  ${this.toString()} → ${registration.id} watching until ${watch.until}`);
    } catch (error) {
      refusedOnly(error);
      real.log(`  ${this.toString()} → ${registration.id} refused`);
    }
  }
  override toString(): string {
    return `watch(#${this.ref})`;
  }
}

/**
 * The owner changes the product lines (and stage) of a live registration: adds the model's other line, or
 * drops one of two. Refused (422) when another registration holds an added line; the invariants check that
 * no deal ever had two holders, line by line.
 */
export class ChangeCommand extends OnRegistration {
  constructor(
    ref: number,
    readonly stage: 'proposal' | 'commit',
  ) {
    super(ref);
  }
  override async run(model: Model, real: Real): Promise<void> {
    const registration = await this.target(model, ['approved', 'escalated']);
    const { opportunity } = await readRegistration(registration.id);
    const productLines =
      opportunity.productLines.length > 1
        ? opportunity.productLines.slice(1)
        : [...opportunity.productLines, opportunity.productLines.includes('network') ? 'storage' : 'network'];
    try {
      const state = await changeRegistration(real.system.temporal, registration.id, {
        by: resellerKey,
        opportunity: { productLines, stage: this.stage },
      });
      registration.changed = true;
      const after = await readRegistration(registration.id);
      expect({ id: registration.id, status: state.status, lines: after.opportunity.productLines }).toEqual({
        id: registration.id,
        status: after.status,
        lines: productLines,
      });
      real.log(`  ${this.toString()} → ${registration.id} now ${productLines.join('+')}`);
    } catch (error) {
      refusedOnly(error);
      // Refused: nothing changed.
      const after = await readRegistration(registration.id);
      expect({ id: registration.id, lines: after.opportunity.productLines }).toEqual({
        id: registration.id,
        lines: opportunity.productLines,
      });
      real.log(`  ${this.toString()} → ${registration.id} refused: ${(error as Error).message}`);
    }
  }
  override toString(): string {
    return `change(#${this.ref}, ${this.stage})`;
  }
}

export class CloseCommand extends OnRegistration {
  constructor(
    ref: number,
    readonly outcome: 'won' | 'lost',
  ) {
    super(ref);
  }
  override async run(model: Model, real: Real): Promise<void> {
    const registration = await this.target(model, ['approved']);
    try {
      const state = await closeRegistration(
        real.system.temporal,
        registration.id,
        resellerKey,
        this.outcome === 'won' ? { outcome: 'won' } : { outcome: 'lost', reason: 'other' },
      );
      expect({ id: registration.id, status: state.status }).toEqual({ id: registration.id, status: this.outcome });
      registration.endedAs = this.outcome;
      real.log(`  ${this.toString()} → ${registration.id} ${this.outcome}`);
    } catch (error) {
      refusedOnly(error);
      real.log(`  ${this.toString()} → ${registration.id} refused`);
    }
  }
  override toString(): string {
    return `close(#${this.ref}, ${this.outcome})`;
  }
}

export class ExtendCommand extends OnRegistration {
  override async run(model: Model, real: Real): Promise<void> {
    const registration = await this.target(model, ['approved']);
    const before = await readRegistration(registration.id);
    try {
      const result = await requestExtension(real.system.temporal, registration.id, resellerKey, 'the deal slipped');
      // The version it was accepted under says how, whatever is in force now.
      const how = registration.variant.needsApproval ? 'escalated' : 'extended';
      expect({ id: registration.id, result: result.result }).toEqual({ id: registration.id, result: how });
      if (how === 'extended' && before.protectedUntil) {
        expect(Date.parse(result.protectedUntil)).toBeGreaterThan(new Date(before.protectedUntil).getTime());
      }
      real.log(`  ${this.toString()} → ${registration.id} ${result.result}`);
    } catch (error) {
      refusedOnly(error);
      real.log(`  ${this.toString()} → ${registration.id} refused`);
    }
  }
  override toString(): string {
    return `extend(#${this.ref})`;
  }
}

/**
 * A channel manager moves a deal to another reseller: the receiver joins the model (accepted under the policy in
 * force now) and the holder ends `transferred`; at rest the invariants check there was one holder at every instant.
 */
export class TransferCommand extends OnRegistration {
  constructor(
    ref: number,
    readonly to: number,
    readonly distributorId: 'dist-a' | 'dist-b',
  ) {
    super(ref);
  }
  override async run(model: Model, real: Real): Promise<void> {
    const holder = await this.target(model, ['approved']);
    const receiver = pick(resellers, this.to);
    try {
      const { receiverId } = await transferRegistration(real.system.temporal, holder.id, {
        by: managerKey,
        toResellerId: receiver.id,
        toDistributorId: this.distributorId,
        reason: 'model test',
      });
      holder.endedAs = 'transferred';
      model.registrations.push({
        ...holder,
        id: receiverId,
        resellerId: receiver.id,
        partnerType: receiver.partnerType,
        variant: model.variant,
        endedAs: undefined,
      });
      real.accepted.push(receiverId);
      real.log(`  ${this.toString()} → ${holder.id} transferred to ${receiverId}`);
    } catch (error) {
      refusedOnly(error);
      real.log(`  ${this.toString()} → ${holder.id} refused: ${(error as Error).message}`);
    }
  }
  override toString(): string {
    return `transfer(#${this.ref} → ${pick(resellers, this.to).id} via ${this.distributorId})`;
  }
}

export class RevokeCommand extends OnRegistration {
  override async run(model: Model, real: Real): Promise<void> {
    const registration = await this.target(model, ['approved']);
    try {
      await revokeRegistration(real.system.temporal, registration.id, managerKey, 'model test');
      registration.endedAs = 'revoked';
      real.log(`  ${this.toString()} → ${registration.id} revoked`);
    } catch (error) {
      refusedOnly(error);
      real.log(`  ${this.toString()} → ${registration.id} refused`);
    }
  }
  override toString(): string {
    return `revoke(#${this.ref})`;
  }
}

export type ResolutionKind = 'award' | 'reject-all' | 'distinct';

/** A channel manager's word on whatever review the registration waits for (its escalation, or its extension's). */
export class ResolveCommand extends OnRegistration {
  constructor(
    ref: number,
    readonly kind: ResolutionKind,
    readonly winner: number,
  ) {
    super(ref);
  }
  override async run(model: Model, real: Real): Promise<void> {
    const registration = await this.target(model, ['escalated', 'approved']);
    const { temporal } = real.system;
    const review = await ignoringEnded(async () => {
      const state = await temporal.workflow
        .getHandle(registrationWorkflowId(registration.id))
        .query(registrationStateQuery);
      const escalationId = state.status === 'escalated' ? state.escalationId : state.extensionReviewId;
      if (!escalationId) return undefined;
      const escalation = await temporal.workflow
        .getHandle(escalationWorkflowId(escalationId))
        .query(escalationStateQuery);
      return { escalationId, contenders: escalation.contenders.map((c) => c.registrationId) };
    });
    if (!review || review.contenders.length === 0) return real.log(`  ${this.toString()} → nothing to review`);
    const reason = 'model test';
    const request: EscalationResolutionRequest =
      this.kind === 'award'
        ? { award: pick(review.contenders, this.winner), reason }
        : this.kind === 'reject-all'
          ? { rejectAll: true, reason }
          : { distinct: true, reason };
    try {
      const result = await resolveEscalation(temporal, review.escalationId, managerKey, request);
      real.log(`  ${this.toString()} → ${review.escalationId}: ${JSON.stringify(result.fates)}`);
    } catch (error) {
      refusedOnly(error);
      real.log(`  ${this.toString()} → ${review.escalationId} refused: ${(error as Error).message}`);
    }
  }
  override toString(): string {
    return `resolve(#${this.ref}, ${this.kind}${this.kind === 'award' ? ` #${this.winner}` : ''})`;
  }
}

/** A query of a workflow that has just ended (or an escalation that has) has nothing to review. */
async function ignoringEnded<T>(read: () => Promise<T>): Promise<T | undefined> {
  try {
    return await read();
  } catch (error) {
    if (error instanceof WorkflowNotFoundError || /completed|not found/i.test(String(error))) return undefined;
    throw error;
  }
}

export class PassTimeCommand implements Command {
  constructor(readonly ms: number) {}
  check(): boolean {
    return true;
  }
  async run(_model: Model, real: Real): Promise<void> {
    await sleep(this.ms);
    real.log(`  ${this.toString()}`);
  }
  toString(): string {
    return `wait(${this.ms} ms)`;
  }
}

export class ChangePolicyCommand implements Command {
  constructor(readonly variant: PolicyVariant) {}
  check(): boolean {
    return true;
  }
  async run(model: Model, real: Real): Promise<void> {
    const published = await publishPolicy(policySchema.parse(policyOf(this.variant)), 'model-test');
    model.variant = this.variant;
    // Every acceptance reads whether a newer version exists: the next submission, in any process, is
    // decided under this one (no wait).
    model.policyVersion = published.version;
    real.log(`  ${this.toString()} → version ${published.version}`);
  }
  toString(): string {
    return `policy(${describeVariant(this.variant)})`;
  }
}

export class KillWorkerCommand implements Command {
  check(model: Readonly<Model>): boolean {
    return model.kills < 2;
  }
  async run(model: Model, real: Real): Promise<void> {
    const killed = await real.worker.kill();
    model.kills += 1;
    real.log(`  ${this.toString()} → ${killed} killed, a fresh one starting`);
  }
  toString(): string {
    return 'kill-worker';
  }
}
