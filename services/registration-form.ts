import { policySchedule } from '../db/policies';
import {
  catalogueProducts,
  distributorsNamed,
  type Named,
  programNames,
  resellersBuyingThrough,
} from '../db/registration-form';
import type { Policy } from '../domain/policy/schema';
import { type Segment, segments } from '../domain/registration';
import { findReseller } from './partner-cache';

export interface RegistrationForm {
  segments: Segment[];
  regions: string[];
  programs: string[];
  products: Array<Named & { family: string }>;
  distributors: Named[];
  resellers?: Array<Named & { partnerType: string }>;
}

/**
 * Whom the form is for: a reseller registers for itself, a distributor for its affiliated resellers, a
 * vendor seller a direct opportunity (through no distributor).
 */
export type FormCaller =
  | { role: 'reseller'; resellerId: string }
  | { role: 'distributor'; distributorId: string }
  | { role: 'sales' };

const sortedUnique = (values: Iterable<string>) => [...new Set(values)].sort((a, b) => a.localeCompare(b));

/** The regions and programs the policy's routes name (in force and scheduled): the words routing listens to. */
function routeWords(policies: Policy[], key: 'regions' | 'programs'): string[] {
  return policies.flatMap((policy) => policy.routes.flatMap((route) => route.when[key] ?? []));
}

/**
 * What the registration form may offer a partner or a vendor seller: the fixed segments, the regions and programs the
 * policy and the program records name, the product catalogue (empty when there is none: then product
 * lines are free words), the distributors it may register through (none for a seller's direct
 * opportunity) and, for a distributor, its resellers.
 */
export async function registrationFormFor(caller: FormCaller): Promise<RegistrationForm> {
  const [{ inForce, upcoming }, programs, products] = await Promise.all([
    policySchedule(),
    programNames(),
    catalogueProducts(),
  ]);
  const policies = [inForce, upcoming].flatMap((version) => (version ? [version.policy] : []));
  const common = {
    segments: [...segments],
    regions: sortedUnique(routeWords(policies, 'regions')),
    programs: sortedUnique([...routeWords(policies, 'programs'), ...programs]),
    products: products.sort((a, b) => a.name.localeCompare(b.name)),
  };
  if (caller.role === 'sales') return { ...common, distributors: [] };
  if (caller.role === 'distributor') {
    const [distributors, resellers] = await Promise.all([
      distributorsNamed([caller.distributorId]),
      resellersBuyingThrough(caller.distributorId),
    ]);
    return { ...common, distributors, resellers: resellers.sort((a, b) => a.name.localeCompare(b.name)) };
  }
  const reseller = await findReseller(caller.resellerId);
  const distributors = await distributorsNamed(reseller?.distributorIds ?? []);
  return { ...common, distributors: distributors.sort((a, b) => a.name.localeCompare(b.name)) };
}
