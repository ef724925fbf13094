import fc from 'fast-check';
import { compareCustomers, customerIdentity, lookupKeys } from '../../../domain/matching';

const accented: Record<string, string> = { a: 'á', e: 'é', i: 'î', o: 'ö', u: 'ü', c: 'ç', n: 'ñ' };
const wordArb = fc.stringMatching(/^[a-z][a-z0-9]{1,9}$/);
const baseNameArb = fc
  .array(wordArb, { minLength: 1, maxLength: 4 })
  .map((words) => words.map((word) => word[0]!.toUpperCase() + word.slice(1)).join(' '));
const suffixArb = fc.constantFrom(
  'Inc',
  'Inc.',
  'Incorporated',
  'Corp',
  'Corporation',
  'LLC',
  'L.L.C.',
  'Ltd',
  'Limited',
  'Co',
  'Company',
  'GmbH',
  'AG',
  'S.A.',
  'PLC',
  'LLP',
  'LP',
  'Pty Ltd',
  'B.V.',
  'N.V.',
);
const separatorArb = fc.constantFrom(' ', ', ');

/** Random changes that do not change who the customer is. */
const variantArb = fc.record({
  suffix: fc.option(fc.tuple(separatorArb, suffixArb), { nil: undefined }),
  casing: fc.constantFrom('upper', 'lower', 'as-is'),
  accents: fc.boolean(),
  leadingThe: fc.boolean(),
});
type Variant = typeof variantArb extends fc.Arbitrary<infer T> ? T : never;

function applyVariant(name: string, variant: Variant): string {
  let result = name;
  if (variant.accents) result = [...result].map((ch) => accented[ch] ?? ch).join('');
  if (variant.leadingThe) result = `The ${result}`;
  if (variant.suffix) result = `${result}${variant.suffix[0]}${variant.suffix[1]}`;
  if (variant.casing === 'upper') result = result.toUpperCase();
  if (variant.casing === 'lower') result = result.toLowerCase();
  return result;
}

const identifiersArb = fc.record(
  { uei: fc.stringMatching(/^[A-Z0-9]{12}$/), duns: fc.stringMatching(/^\d{9}$/) },
  { requiredKeys: [] },
);
const domainArb = fc.option(fc.constantFrom('acme.com', 'example.org', 'agency.gov', 'firm.co.uk'), { nil: undefined });

describe('customer identity properties', () => {
  it('a legal suffix, case, diacritics or a leading "The" never change who a customer is', () => {
    fc.assert(
      fc.property(baseNameArb, variantArb, identifiersArb, domainArb, (base, variant, identifiers, domain) => {
        // A name whose own last word is a legal form ("Acme Co") loses it either way; keep the base plain.
        fc.pre(!/ (co|inc|ltd|lp|ag|sa|nv|bv|plc|pty|and|company|limited|corp)$/i.test(base));
        fc.pre(!/^the /i.test(base));
        const original = { name: base, identifiers, domain };
        const changed = {
          name: applyVariant(base, variant),
          identifiers: { ...identifiers, ...(identifiers.uei && { uei: identifiers.uei.toLowerCase() }) },
          domain: domain && `https://www.${domain}/`,
        };
        const a = customerIdentity(original);
        const b = customerIdentity(changed);
        expect(b.certainKeys).toEqual(a.certainKeys);
        expect(b.nameKey).toBe(a.nameKey);
        expect(lookupKeys(b)).toEqual(lookupKeys(a));
        const verdict = compareCustomers(original, changed, 1);
        expect(verdict.strength).not.toBe('none');
        expect(verdict.strength).toBe(a.certainKeys.length > 0 ? 'certain' : 'probable');
      }),
      { numRuns: 500 },
    );
  });

  it('keeps the number of lookup keys small and the keys short', () => {
    fc.assert(
      fc.property(
        fc.string({ minLength: 1, maxLength: 200 }),
        identifiersArb,
        domainArb,
        (name, identifiers, domain) => {
          fc.pre(name.trim().length > 0);
          const keys = lookupKeys(customerIdentity({ name, identifiers, domain }));
          expect(keys.length).toBeLessThanOrEqual(7);
          for (const key of keys) expect(key.length).toBeLessThanOrEqual(90);
        },
      ),
    );
  });
});
