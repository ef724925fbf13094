import { evaluateRouting } from '../../domain/allocation/routing';
import type { RegistrationFacts } from '../../domain/allocation/types';
import { type AllocationModel, policySchema } from '../../domain/policy/schema';
import type { Customer, RegistrationSubmission } from '../../domain/registration';
import { distinctCustomer, nearDuplicateOf, pick, someProductLines } from './customers';
import { type BenchReseller, benchResellers, modelPolicies } from './partners';

/**
 * What a planned registration is meant to exercise: a new customer; the same customer as an earlier
 * registration (same UEI or domain: already-registered, or duplicate for the same reseller); a
 * similar name without identifiers (possible-duplicate); a distributor the policy does not allow
 * for it, or a customer no route covers (wrong-route, unrouted).
 */
export type MixKind = 'distinct' | 'same-customer' | 'similar-name' | 'off-route';

/** Shares of the mix: mostly distinct deals. */
const shares: Array<[MixKind, number]> = [
  ['distinct', 0.75],
  ['same-customer', 0.1],
  ['similar-name', 0.07],
  ['off-route', 0.08],
];

export interface PlannedRegistration {
  kind: MixKind;
  model: AllocationModel;
  resellerId: string;
  body: RegistrationSubmission;
}

interface Placed {
  customer: Customer;
  resellerId: string;
  productLines: string[];
}

/** Plans registrations for every model in turn; conflicts may point at customers of earlier models. */
export class MixPlanner {
  private serial = 0;
  /** Recent customers placed without conflict, for later conflicts to aim at. */
  private readonly recent: Placed[] = [];

  constructor(
    private readonly random: () => number,
    private readonly firstSerial = 1,
  ) {}

  plan(model: AllocationModel, count: number): PlannedRegistration[] {
    const policy = policySchema.parse(modelPolicies[model]);
    const routed = (reseller: BenchReseller, distributorId: string, customer: Customer, program?: string) =>
      evaluateRouting(policy, facts(reseller, distributorId, customer, program)).kind === 'allowed';
    return Array.from({ length: count }, () => {
      let kind = this.kindFor();
      const earlier = this.recent.length > 0 ? pick(this.random, this.recent) : undefined;
      if (!earlier && (kind === 'same-customer' || kind === 'similar-name')) kind = 'distinct';
      let customer = distinctCustomer(this.firstSerial + this.serial++, this.random);
      let productLines = someProductLines(this.random);
      if (earlier && kind === 'same-customer') customer = earlier.customer;
      if (earlier && kind === 'similar-name') customer = nearDuplicateOf(earlier.customer, this.random);
      if (earlier && kind !== 'distinct' && kind !== 'off-route') productLines = [earlier.productLines[0] as string];
      const program = customer.segment.startsWith('federal') && this.random() < 0.15 ? 'SEWP V' : undefined;

      const wantRouted = kind !== 'off-route';
      const choices = benchResellers.flatMap((reseller) =>
        reseller.distributorIds
          .filter((distributorId) => routed(reseller, distributorId, customer, program) === wantRouted)
          .map((distributorId) => ({ reseller, distributorId })),
      );
      // A duplicate of one's own registration happens too: the same reseller, a fifth of the time.
      const own = choices.filter((choice) => choice.reseller.id === earlier?.resellerId);
      const pool = kind === 'same-customer' && own.length > 0 && this.random() < 0.2 ? own : choices;
      const chosen = pool.length > 0 ? pick(this.random, pool) : undefined;
      // The open model routes everything: an off-route registration is then just another distinct one.
      const fallback = { reseller: pick(this.random, benchResellers), distributorId: '' };
      const { reseller, distributorId } = chosen ?? fallback;
      const distributor = distributorId || pick(this.random, reseller.distributorIds);
      if (!chosen) kind = 'distinct';
      if (kind === 'distinct') this.remember({ customer, resellerId: reseller.id, productLines });
      return {
        kind,
        model,
        resellerId: reseller.id,
        body: {
          distributorId: distributor,
          customer,
          opportunity: {
            title: `${customer.name} ${productLines.join(' and ')} refresh`,
            productLines,
            estimatedValue: { amount: Math.round(10_000 + this.random() * 990_000), currency: 'USD' },
            expectedCloseDate: '2027-03-31',
          },
          ...(program ? { program } : {}),
        },
      };
    });
  }

  private kindFor(): MixKind {
    let roll = this.random();
    for (const [kind, share] of shares) {
      roll -= share;
      if (roll < 0) return kind;
    }
    return 'distinct';
  }

  private remember(placed: Placed): void {
    this.recent.push(placed);
    if (this.recent.length > 500) this.recent.shift();
  }
}

function facts(
  reseller: BenchReseller,
  distributorId: string,
  customer: Customer,
  program?: string,
): RegistrationFacts {
  return {
    id: 'planned',
    resellerId: reseller.id,
    partnerType: reseller.partnerType,
    distributorId,
    customer,
    productLines: [],
    program,
    sequence: 0,
    status: 'pending',
  };
}
