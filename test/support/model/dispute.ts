import type fc from 'fast-check';
import type { DisputeDoc } from '../../../db/disputes';
import { Dispute } from '../../../db/disputes';
import { RequestRefused } from '../../../domain/errors';
import type { DisputeOutcome } from '../../../domain/policy/schema';
import { decideDispute, openDispute } from '../../../services/disputes';
import { managerKey, resellerKey } from '../fixtures';
import { type Model, pick, type Real, readRegistration } from './state';

/**
 * A partner disputes a rejected, transferred or revoked registration and a channel manager decides at once:
 * overturned moves the deal (the holder ends `transferred`) or approves a new registration where nobody holds
 * it; distinct approves one beside the holder. At rest the invariants check one holder per deal throughout.
 */
export class DisputeCommand implements fc.AsyncCommand<Model, Real> {
  constructor(
    readonly ref: number,
    readonly outcome: DisputeOutcome,
  ) {}
  check(model: Readonly<Model>): boolean {
    return model.registrations.length > 0;
  }
  async run(model: Model, real: Real): Promise<void> {
    const docs = await Promise.all(model.registrations.map((r) => readRegistration(r.id)));
    const ended = model.registrations.filter((_, index) =>
      ['rejected', 'transferred', 'revoked'].includes(docs[index]!.status),
    );
    if (ended.length === 0) return real.log(`  ${this.toString()} → nothing to dispute`);
    const disputing = pick(ended, this.ref);
    const { temporal, taskQueue } = real.system;
    try {
      const body = { by: resellerKey, ground: 'other' as const, statement: 'model test', evidence: [] };
      const opened = await openDispute(temporal, taskQueue, await readRegistration(disputing.id), body);
      const decided = await decideDispute(temporal, opened.disputeId, {
        by: managerKey,
        outcome: this.outcome,
        reason: 'model test',
      });
      const receiverId = decided.decision?.receiverId;
      const doc = await Dispute.findById(opened.disputeId).lean<DisputeDoc>().exec();
      if (this.outcome === 'overturned' && doc?.holderId) {
        const holder = model.registrations.find((r) => r.id === doc.holderId);
        if (holder && (await readRegistration(doc.holderId)).status === 'transferred') holder.endedAs = 'transferred';
      }
      if (receiverId) {
        model.registrations.push({ ...disputing, id: receiverId, variant: model.variant, endedAs: undefined });
        real.accepted.push(receiverId);
      }
      real.log(`  ${this.toString()} → ${disputing.id}: ${opened.disputeId} ${this.outcome} ${receiverId ?? ''}`);
    } catch (error) {
      // Outside the window, a reason that cannot be disputed, one open already, or the deal held by another.
      if (!(error instanceof RequestRefused) || (error.status !== 409 && error.status !== 422)) throw error;
      real.log(`  ${this.toString()} → ${disputing.id} refused: ${error.message}`);
    }
  }
  toString(): string {
    return `dispute(#${this.ref}, ${this.outcome})`;
  }
}
