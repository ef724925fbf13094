import type fc from 'fast-check';
import type { RegistrationDoc } from '../../../db/registrations';
import { LimitReached } from '../../../domain/errors';
import {
  type ReasonCode,
  type RegistrationStatus,
  registrationSubmissionSchema,
  type Segment,
} from '../../../domain/registration';
import { heldInterval } from '../../../services/invariant-deals';
import { submitRegistration } from '../../../services/submit-registration';
import { uniqueWord } from '../fixtures';
import { routeOf } from './policies';
import {
  isCertain,
  type Model,
  type ModelCustomer,
  type ModelRegistration,
  pick,
  type Real,
  readRegistration,
  resellers,
  untilDecided,
} from './state';

export type CustomerChoice =
  | { kind: 'fresh'; identity: 'uei' | 'domain' | 'name'; segment: Segment }
  /** The customer of an earlier submission of this run, as it was given, or only a name like its name. */
  | { kind: 'same' | 'similar'; ref: number };

export interface SubmitArgs {
  reseller: number;
  customer: CustomerChoice;
  distributorId: 'dist-a' | 'dist-b';
  program?: 'gold' | 'silver';
  productLine: 'storage' | 'network';
}

interface Expected {
  status: RegistrationStatus;
  reasonCode?: ReasonCode;
  /** The approved registration the prediction rests on: it must have held the deal until the decision. */
  holder?: RegistrationDoc;
  why: string;
}

function customerFor(model: Model, choice: CustomerChoice): ModelCustomer {
  if (choice.kind === 'fresh') {
    const name = `${uniqueWord()} ${uniqueWord()} Corp`;
    if (choice.identity === 'uei') return { name, uei: `${uniqueWord().toUpperCase()}0000`, segment: choice.segment };
    if (choice.identity === 'domain')
      return { name, domain: `${uniqueWord().toLowerCase()}.com`, segment: choice.segment };
    return { name, segment: choice.segment };
  }
  const earlier = pick(model.customers, choice.ref);
  return choice.kind === 'same' ? earlier : { name: `${earlier.name} LLC`, segment: earlier.segment };
}

/** The submission's body, as a partner sends it. */
function bodyOf(customer: ModelCustomer, args: Pick<SubmitArgs, 'distributorId' | 'program' | 'productLine'>) {
  return registrationSubmissionSchema.parse({
    distributorId: args.distributorId,
    customer: {
      name: customer.name,
      segment: customer.segment,
      region: 'east',
      ...(customer.domain ? { domain: customer.domain } : {}),
      ...(customer.uei ? { identifiers: { uei: customer.uei } } : {}),
    },
    opportunity: { title: 'Model test', productLines: [args.productLine] },
    ...(args.program ? { program: args.program } : {}),
  });
}

/**
 * Submits and waits for the acceptance (undefined: refused by a limit the policy sets, nothing stored);
 * the registration joins the model, and must have been accepted under the version in force.
 */
export async function accept(
  model: Model,
  real: Real,
  reseller: (typeof resellers)[number],
  customer: ModelCustomer,
  args: Pick<SubmitArgs, 'distributorId' | 'program' | 'productLine'>,
): Promise<RegistrationDoc | undefined> {
  let submitted: RegistrationDoc;
  try {
    submitted = (await submitRegistration(real.system, reseller.id, bodyOf(customer, args))).registration;
  } catch (error) {
    if (error instanceof LimitReached && reseller.partnerType === 'boutique' && model.variant.boutiqueLimit) {
      return undefined;
    }
    throw error;
  }
  const registration: ModelRegistration = {
    id: submitted._id,
    resellerId: reseller.id,
    partnerType: reseller.partnerType,
    customer,
    productLine: args.productLine,
    variant: model.variant,
  };
  model.registrations.push(registration);
  real.accepted.push(submitted._id);
  // A version applies to every submission made after it was published, in whichever process.
  expect({ id: submitted._id, policyVersion: submitted.policyVersion }).toEqual({
    id: submitted._id,
    policyVersion: model.policyVersion,
  });
  return submitted;
}

/**
 * What the model can tell before the engine does: a fresh customer's fate is its route's; a customer
 * certainly held by one approved registration of the deal (and nothing else live on it) is rejected,
 * unless its route rejects it first. Anything else (probable matches, waits) it leaves to the invariants.
 */
async function expectation(
  model: Model,
  args: SubmitArgs,
  customer: ModelCustomer,
  resellerId: string,
  facts: Parameters<typeof routeOf>[1],
): Promise<Expected | undefined> {
  const route = routeOf(model.variant, facts);
  if (route === 'wrong-route' && model.variant.onWrongRoute === 'reject') {
    return { status: 'rejected', reasonCode: 'wrong-route', why: 'its route rejects it' };
  }
  if (args.customer.kind === 'fresh') {
    if (route === 'allowed') return { status: 'approved', why: 'a fresh deal on its route' };
    return { status: 'escalated', reasonCode: route, why: `a fresh deal, ${route}` };
  }
  if (args.customer.kind !== 'same' || !isCertain(customer)) return undefined;
  if (model.registrations.some((r) => r.customer === customer && r.changed)) return undefined;
  const sameDeal = model.registrations.filter((r) => r.customer === customer && r.productLine === args.productLine);
  const docs = await Promise.all(sameDeal.map((r) => readRegistration(r.id)));
  const live = docs.filter((doc) => ['pending', 'approved', 'escalated'].includes(doc.status));
  const [holder] = live;
  if (live.length !== 1 || holder?.status !== 'approved') return undefined;
  const reasonCode = holder.resellerId === resellerId ? 'duplicate' : 'already-registered';
  return { status: 'rejected', reasonCode, holder, why: `${holder._id} holds the deal` };
}

export class SubmitCommand implements fc.AsyncCommand<Model, Real> {
  constructor(readonly args: SubmitArgs) {}

  check(model: Readonly<Model>): boolean {
    return this.args.customer.kind === 'fresh' || model.customers.length > 0;
  }

  async run(model: Model, real: Real): Promise<void> {
    const reseller = pick(resellers, this.args.reseller);
    const customer = customerFor(model, this.args.customer);
    const facts = { segment: customer.segment, partnerType: reseller.partnerType, ...this.args };
    const expected = await expectation(model, this.args, customer, reseller.id, facts);
    const askedAt = Date.now();
    const submitted = await accept(model, real, reseller, customer, this.args);
    if (!submitted) return;
    if (this.args.customer.kind === 'fresh') model.customers.push(customer);
    const decided = await untilDecided(submitted._id);
    real.log(
      `  ${this.toString()} → ${submitted._id} ${decided.status}${decided.reasonCode ? ` (${decided.reasonCode})` : ''}`,
    );
    if (!expected) return;
    if (expected.holder && !heldThroughout(await readRegistration(expected.holder._id), askedAt, decided)) return;
    expect({ id: decided._id, why: expected.why, status: decided.status, reasonCode: decided.reasonCode }).toEqual({
      id: decided._id,
      why: expected.why,
      status: expected.status,
      reasonCode: expected.reasonCode,
    });
  }

  toString(): string {
    const { customer, reseller, distributorId, program, productLine } = this.args;
    const who =
      customer.kind === 'fresh'
        ? `fresh ${customer.identity} ${customer.segment}`
        : `${customer.kind} #${customer.ref}`;
    return `submit(${pick(resellers, reseller).id}, ${who}, ${distributorId}${program ? `, ${program}` : ''}, ${productLine})`;
  }
}

/** Whether the holder was approved from before the submission until after its decision was made. */
function heldThroughout(holder: RegistrationDoc, askedAt: number, decided: RegistrationDoc): boolean {
  const held = heldInterval(holder);
  const decidedAt = Date.parse(decided.decisions[0]?.at ?? '');
  return held !== undefined && held.from < askedAt && held.to > decidedAt;
}
