import fc from 'fast-check';
import { decide } from '../../../domain/allocation';
import { customerIdentity, lookupKeys } from '../../../domain/matching';
import { customer, facts, holder, policy } from './fixtures';

/**
 * Property: a held customer name, disguised with Cyrillic or Greek look-alike letters or invisible
 * characters, is never approved to a second partner on a common product line.
 */
const nameWords = [
  'acme',
  'northwind',
  'contoso',
  'fabrikam',
  'initech',
  'globex',
  'umbrella',
  'cyberdyne',
  'wayne',
  'hooli',
  'vandelay',
  'tyrell',
  'soylent',
  'aperture',
  'pioneer',
  'summit',
  'harbor',
  'keystone',
  'federal',
  'systems',
  'solutions',
  'holdings',
  'medical',
  'widgets',
  'traders',
  'analytics',
  'aerospace',
  'logistics',
  'research',
  'partners',
  'energy',
  'works',
  'labs',
  'bank',
  'mutual',
];
const suffixes = ['', ' Inc.', ' Corporation', ', LLC', ' Ltd', ' Co.', ' GmbH', ' Holdings Corp'];
const capitalized = (word: string) => word[0]!.toUpperCase() + word.slice(1);
const heldNameArb = fc
  .tuple(fc.array(fc.constantFrom(...nameWords), { minLength: 1, maxLength: 3 }), fc.constantFrom(...suffixes))
  .map(([words, suffix]) => `${words.map(capitalized).join(' ')}${suffix}`);

/**
 * Look-alikes a person cannot tell from the Latin letter, in both cases. Left out on purpose: Greek
 * small nu, upsilon and eta, whose capitals look like other letters (see `comparableText`).
 */
const lookAlikes: Record<string, string[]> = {
  a: ['\u0430', '\u03b1'],
  c: ['\u0441'],
  e: ['\u0435'],
  o: ['\u043e', '\u03bf'],
  p: ['\u0440', '\u03c1'],
  x: ['\u0445'],
  y: ['\u0443'],
  i: ['\u0456', '\u03b9'],
  s: ['\u0455'],
  j: ['\u0458'],
  h: ['\u04bb'],
  k: ['\u03ba'],
  d: ['\u0501'],
  w: ['\u051d'],
  A: ['\u0410', '\u0391'],
  B: ['\u0412', '\u0392'],
  C: ['\u0421'],
  E: ['\u0415', '\u0395'],
  H: ['\u041d', '\u0397'],
  I: ['\u0406', '\u0399'],
  K: ['\u041a', '\u039a'],
  M: ['\u041c', '\u039c'],
  N: ['\u039d'],
  O: ['\u041e', '\u039f'],
  P: ['\u0420', '\u03a1'],
  S: ['\u0405'],
  T: ['\u0422', '\u03a4'],
  X: ['\u0425', '\u03a7'],
  Y: ['\u03a5'],
  Z: ['\u0396'],
};
/** Zero-width space, non-joiner, joiner, word joiner, BOM, soft hyphen, bidi overrides and isolates. */
const invisibles = [
  '\u200b',
  '\u200c',
  '\u200d',
  '\u2060',
  '\ufeff',
  '\u00ad',
  '\u202e',
  '\u202a',
  '\u2066',
  '\u2069',
  '\u200f',
];

/** Per character: keep it, swap it for a look-alike, and/or put an invisible character after it. */
const disguiseArb = (name: string) =>
  fc
    .tuple(
      fc.array(fc.tuple(fc.nat(), fc.boolean(), fc.option(fc.constantFrom(...invisibles), { nil: undefined })), {
        minLength: name.length,
        maxLength: name.length,
      }),
      fc.constantFrom('as-is', 'upper', 'lower'),
    )
    .map(([choices, casing]) => {
      const cased = casing === 'upper' ? name.toUpperCase() : casing === 'lower' ? name.toLowerCase() : name;
      return [...cased]
        .map((ch, index) => {
          const [pick, swap, invisible] = choices[index]!;
          const options = lookAlikes[ch];
          const letter = swap && options ? options[pick % options.length]! : ch;
          return `${letter}${invisible ?? ''}`;
        })
        .join('');
    })
    .filter((disguised) => disguised !== name);

const heldAndDisguisedArb = heldNameArb.chain((name) => fc.tuple(fc.constant(name), disguiseArb(name)));
const open = policy({ model: 'open' });
const ueiArb = fc.stringMatching(/^[A-Z0-9]{12}$/);

describe('look-alike names of a held customer', () => {
  it('are never approved to another partner on a common product line', () => {
    fc.assert(
      fc.property(heldAndDisguisedArb, ([heldName, disguised]) => {
        const held = holder({
          sequence: 1,
          customer: customer({ name: heldName }),
          productLines: ['storage', 'network'],
        });
        const subject = facts({ sequence: 2, customer: customer({ name: disguised }), productLines: ['network'] });
        const decision = decide({ subject, policy: open, policyVersion: 1, holders: [held] });
        expect(decision.outcome).not.toBe('approve');
        expect(decision.reasonCode).toBe('possible-duplicate');
      }),
      { numRuns: 300 },
    );
  });

  it('have the lookup keys of the held name, so the conflict check finds the holder', () => {
    fc.assert(
      fc.property(heldAndDisguisedArb, ([heldName, disguised]) => {
        expect(lookupKeys(customerIdentity({ name: disguised }))).toEqual(
          lookupKeys(customerIdentity({ name: heldName })),
        );
      }),
      { numRuns: 300 },
    );
  });

  it("with an identifier that differs from the holder's are escalated as possible duplicates", () => {
    fc.assert(
      fc.property(heldAndDisguisedArb, ueiArb, ueiArb, ([heldName, disguised], heldUei, invented) => {
        fc.pre(heldUei !== invented);
        const held = holder({ sequence: 1, customer: customer({ name: heldName, identifiers: { uei: heldUei } }) });
        const subject = facts({ sequence: 2, customer: customer({ name: disguised, identifiers: { uei: invented } }) });
        const decision = decide({ subject, policy: open, policyVersion: 1, holders: [held] });
        expect(decision).toMatchObject({ outcome: 'escalate', reasonCode: 'possible-duplicate' });
        expect(decision.matches[0]?.conflictingIdentifiers).toEqual([
          { kind: 'uei', value: invented, holderValue: heldUei },
        ]);
      }),
      { numRuns: 200 },
    );
  });
});
