import { Registration, type RegistrationDoc } from '../../../db/registrations';
import type { PartnerType, Segment } from '../../../domain/registration';
import { eventually, type TestSystem } from '../harness';
import type { KillableWorker } from './killable-worker';
import type { PolicyVariant } from './policies';

/** What the model knows of the system: what it did, and what follows from that alone. */

export interface ModelCustomer {
  name: string;
  uei?: string;
  domain?: string;
  segment: Segment;
}

export interface ModelRegistration {
  id: string;
  resellerId: string;
  partnerType: PartnerType;
  customer: ModelCustomer;
  productLine: string;
  /** The policy in force when it was submitted, which binds it for its life. */
  variant: PolicyVariant;
  /** Its product lines were changed: the model no longer predicts decisions on its customer (the invariants judge). */
  changed?: boolean;
  /** An end the model caused: it is still the registration's status once everything is at rest. */
  endedAs?: 'withdrawn' | 'won' | 'lost' | 'transferred' | 'revoked';
}

export interface Model {
  variant: PolicyVariant;
  policyVersion: number;
  customers: ModelCustomer[];
  registrations: ModelRegistration[];
  kills: number;
}

export interface Real {
  system: TestSystem;
  worker: KillableWorker;
  /** Every registration accepted in this file, every run. */
  accepted: string[];
  log(line: string): void;
}

export const resellers: ReadonlyArray<{ id: string; partnerType: PartnerType }> = [
  { id: 'big-integrator', partnerType: 'integrator' },
  { id: 'other-integrator', partnerType: 'integrator' },
  { id: 'value-var', partnerType: 'var' },
  { id: 'small-boutique', partnerType: 'boutique' },
];

/** A customer with a certain key (an identifier or a domain): the same one twice is certainly one deal. */
export const isCertain = (customer: ModelCustomer) => customer.uei !== undefined || customer.domain !== undefined;

export async function readRegistration(id: string): Promise<RegistrationDoc> {
  const doc = await Registration.findById(id).lean<RegistrationDoc>().exec();
  if (!doc) throw new Error(`registration ${id} is not stored`);
  return doc;
}

/** Its first decision; a worker killed meanwhile delays it by a task timeout. */
export function untilDecided(id: string): Promise<RegistrationDoc> {
  return eventually(
    async () => {
      const doc = await readRegistration(id);
      return doc.status === 'pending' ? undefined : doc;
    },
    `${id} to be decided`,
    90_000,
  );
}

export const pick = <T>(list: readonly T[], index: number): T => list[index % list.length] as T;
