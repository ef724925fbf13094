import type fc from 'fast-check';
import type { RegistrationDoc } from '../../../db/registrations';
import type { Segment } from '../../../domain/registration';
import { heldInterval } from '../../../services/invariant-deals';
import { uniqueWord } from '../fixtures';
import { routeOf } from './policies';
import { type Model, pick, type Real, readRegistration, resellers, untilDecided } from './state';
import { accept } from './submit';

export interface BurstArgs {
  /** Distinct resellers, each registering the same new customer at once. */
  resellers: number[];
  identity: 'uei' | 'domain';
  segment: Segment;
  distributorId: 'dist-a' | 'dist-b';
}

/**
 * Several resellers register one new deal (a certain customer key, one product line) at the same moment.
 * Where every one of them is on its route, first come, first served decides: the earliest accepted holds
 * the deal, every other is rejected as already registered (while the earliest still holds it).
 */
export class BurstCommand implements fc.AsyncCommand<Model, Real> {
  constructor(readonly args: BurstArgs) {}

  check(): boolean {
    return true;
  }

  async run(model: Model, real: Real): Promise<void> {
    const name = `${uniqueWord()} ${uniqueWord()} Corp`;
    const customer =
      this.args.identity === 'uei'
        ? { name, uei: `${uniqueWord().toUpperCase()}0000`, segment: this.args.segment }
        : { name, domain: `${uniqueWord().toLowerCase()}.com`, segment: this.args.segment };
    const who = this.args.resellers.map((index) => pick(resellers, index));
    const onRoute = who.every(
      (reseller) => routeOf(model.variant, { ...this.args, partnerType: reseller.partnerType }) === 'allowed',
    );
    const terms = { distributorId: this.args.distributorId, productLine: 'storage' as const };
    const submitted = await Promise.all(who.map((reseller) => accept(model, real, reseller, customer, terms)));
    model.customers.push(customer);
    const decided = await Promise.all(submitted.flatMap((doc) => (doc ? [untilDecided(doc._id)] : [])));
    decided.sort((a, b) => (a.sequence ?? 0) - (b.sequence ?? 0));
    real.log(`  ${this.toString()} → ${decided.map((doc) => `${doc._id} #${doc.sequence} ${doc.status}`).join(', ')}`);
    const [first, ...later] = decided;
    if (!onRoute || !first) return;
    expect({ id: first._id, earliest: first.status }).toEqual({ id: first._id, earliest: 'approved' });
    const holder = await readRegistration(first._id);
    for (const doc of later.filter((doc) => heldWhen(holder, doc))) {
      expect({ id: doc._id, status: doc.status, reasonCode: doc.reasonCode }).toEqual({
        id: doc._id,
        status: 'rejected',
        reasonCode: 'already-registered',
      });
    }
  }

  toString(): string {
    const names = this.args.resellers.map((index) => pick(resellers, index).id).join('+');
    return `burst(${names}, fresh ${this.args.identity} ${this.args.segment}, ${this.args.distributorId})`;
  }
}

/** Whether the holder held its deal when the other's first decision was made. */
function heldWhen(holder: RegistrationDoc, other: RegistrationDoc): boolean {
  const held = heldInterval(holder);
  const at = Date.parse(other.decisions[0]?.at ?? '');
  return held !== undefined && held.from <= at && at < held.to;
}
