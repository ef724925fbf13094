import { decide, explain, renderTrace } from '../../../domain/allocation';
import type { RegistrationFacts } from '../../../domain/allocation/types';
import { customerIdentity, lookupKeys } from '../../../domain/matching';
import { customer, facts, holder, policy } from './fixtures';

/** The three ways a new user got a second partner approved on a customer another partner held. */
const open = policy({ model: 'open' });
const heldUei = 'ABCDEF123456';
const held = holder({
  id: 'reg_held',
  sequence: 1,
  customer: customer({ name: 'Acme Corporation', identifiers: { uei: heldUei } }),
});
const decideAgainstHeld = (subject: RegistrationFacts) =>
  decide({ subject, policy: open, policyVersion: 1, holders: [held] });
const keysOf = (name: string) => lookupKeys(customerIdentity({ name }));

const cyrillic = '\u0410\u0441me Corporation'; // Cyrillic А and с
const zeroWidth = 'Ac\u200Bme Corporation';

describe('a look-alike of a held customer name', () => {
  it.each([
    ['Cyrillic look-alike letters', cyrillic],
    ['a zero-width space inside', zeroWidth],
    ['capitals in Cyrillic and Greek', '\u0410\u0421\u039c\u0395 CORPORATION'],
  ])('with %s is escalated as a possible duplicate, not approved', (_, name) => {
    const subject = facts({ id: 'reg_new', sequence: 2, customer: customer({ name }) });
    const decision = decideAgainstHeld(subject);
    expect(decision).toMatchObject({ outcome: 'escalate', reasonCode: 'possible-duplicate' });
    expect(decision.matches).toEqual([
      expect.objectContaining({ registrationId: 'reg_held', basis: 'name', score: 1 }),
    ]);
  });

  it.each([cyrillic, zeroWidth])('%j is found: its lookup keys are those of the held name', (name) => {
    expect(keysOf(name)).toEqual(keysOf('Acme Corporation'));
  });

  it("with the held customer's domain is rejected as already registered", () => {
    const domainHeld = holder({
      id: 'reg_dom',
      sequence: 1,
      customer: customer({ name: 'Acme Corporation', domain: 'acme.com' }),
    });
    const subject = facts({ sequence: 2, customer: customer({ name: cyrillic, domain: 'www.acme.com' }) });
    const decision = decide({ subject, policy: open, policyVersion: 1, holders: [domainHeld] });
    expect(decision).toMatchObject({ outcome: 'reject', reasonCode: 'already-registered' });
  });
});

describe('an invented identifier on a held customer name', () => {
  const invented = 'ZZZZZZZZZZZZ';
  const subject = facts({
    id: 'reg_new',
    sequence: 2,
    customer: customer({ name: 'Acme Corporation', identifiers: { uei: invented } }),
  });

  it('is escalated as a possible duplicate, with both values for the channel manager', () => {
    const decision = decideAgainstHeld(subject);
    expect(decision).toMatchObject({ outcome: 'escalate', reasonCode: 'possible-duplicate' });
    expect(decision.matches[0]).toMatchObject({
      registrationId: 'reg_held',
      strength: 'probable',
      basis: 'name',
      conflictingIdentifiers: [{ kind: 'uei', value: invented, holderValue: heldUei }],
    });
    const staffTrace = JSON.stringify(renderTrace(decision.trace, 'staff'));
    expect(staffTrace).toContain('though with a different uei');
  });

  it("never shows the reseller the other partner's identifier", () => {
    const decision = decideAgainstHeld(subject);
    expect(decision.matches[0]?.conflictingIdentifiers).toHaveLength(1);
    const seen = JSON.stringify([renderTrace(decision.trace, 'reseller'), explain(decision, 'reseller')]);
    expect(seen).not.toContain(heldUei);
    expect(seen).not.toMatch(/different uei/i);
  });
});
