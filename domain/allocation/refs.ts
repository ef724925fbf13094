import type { RegistrationFacts } from './types';

/**
 * How a trace names another registration. Everything a reseller must not see about another
 * partner sits in these objects, so redaction has one shape to handle (see `redact.ts`).
 */
export interface RegistrationRef {
  kind: 'registration';
  registrationId: string;
  resellerId: string;
  distributorId: string;
  sequence: number;
  status: string;
  customerName: string;
  /** Whether it belongs to the reseller of the registration being decided. */
  sameReseller: boolean;
}

export function registrationRef(holder: RegistrationFacts, subject: RegistrationFacts): RegistrationRef {
  return {
    kind: 'registration',
    registrationId: holder.id,
    resellerId: holder.resellerId,
    distributorId: holder.distributorId,
    sequence: holder.sequence,
    status: holder.status,
    customerName: holder.customer.name,
    sameReseller: holder.resellerId === subject.resellerId,
  };
}

export function isRegistrationRef(value: unknown): value is RegistrationRef {
  return typeof value === 'object' && value !== null && (value as { kind?: unknown }).kind === 'registration';
}
