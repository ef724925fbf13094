import fc from 'fast-check';
import type { RegistrationFacts } from '../../../domain/allocation/types';
import { type Customer, partnerTypes, segments } from '../../../domain/registration';

/**
 * Companies whose names are far apart (no two above 0.5 similar, no shared distinctive word), each
 * with its own UEI and domain, so "same company" is known without asking the matcher.
 */
export const companies = [
  'Initech',
  'Hooli',
  'Globex',
  'Umbrella Pharma',
  'Wayne Foundry',
  'Stark Aerospace',
  'Cyberdyne',
  'Soylent Foods',
  'Vandelay Imports',
  'Oscorp',
].map((name, index) => ({
  name,
  uei: `UEI${String(index).padStart(9, '0')}`,
  domain: `${name.split(' ')[0]!.toLowerCase()}.com`,
}));

export const productLineArb = fc.constantFrom('storage', 'network', 'compute', 'security');
export const distributorArb = fc.constantFrom('dist-a', 'dist-b', 'dist-c');
export const resellerArb = fc.constantFrom('reseller-1', 'reseller-2', 'reseller-3');

const suffixArb = fc.constantFrom('', ' Inc', ', Inc.', ' LLC', ' Corp', ' Corporation', ' Ltd', ' Co.', ' GmbH');

/**
 * How a partner might write one of `companies`: with a legal suffix or not, any case, and at least
 * one of UEI or domain (so two spellings of one company always meet, certainly or by name).
 */
export function spellingOf(companyIndex: number) {
  const company = companies[companyIndex]!;
  return fc
    .record({
      suffix: suffixArb,
      upper: fc.boolean(),
      withUei: fc.boolean(),
      withDomain: fc.boolean(),
      segment: fc.constantFrom(...segments),
    })
    .map(({ suffix, upper, withUei, withDomain, segment }): Customer => {
      const name = `${company.name}${suffix}`;
      const useUei = withUei || !withDomain;
      return {
        name: upper ? name.toUpperCase() : name,
        segment,
        ...(useUei && { identifiers: { uei: company.uei } }),
        ...(withDomain && { domain: `www.${company.domain}` }),
      };
    });
}

export interface GeneratedRegistration {
  company: number;
  facts: Omit<RegistrationFacts, 'id' | 'sequence' | 'status'>;
}

export const registrationArb: fc.Arbitrary<GeneratedRegistration> = fc
  .integer({ min: 0, max: companies.length - 1 })
  .chain((company) =>
    fc.record({
      company: fc.constant(company),
      facts: fc.record({
        resellerId: resellerArb,
        partnerType: fc.constantFrom(...partnerTypes),
        distributorId: distributorArb,
        customer: spellingOf(company),
        productLines: fc.uniqueArray(productLineArb, { minLength: 1, maxLength: 2 }),
      }),
    }),
  );

export function numbered(list: GeneratedRegistration[]): RegistrationFacts[] {
  return list.map((entry, index) => ({
    ...entry.facts,
    id: `reg_${index + 1}`,
    sequence: index + 1,
    status: 'pending',
  }));
}
