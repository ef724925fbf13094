import { decide, explain } from '../../../domain/allocation';
import type { RegistrationFacts } from '../../../domain/allocation/types';
import type { PolicyInput } from '../../../domain/policy/schema';
import { customer, facts, holder, policy } from './fixtures';

const segment: PolicyInput = {
  model: 'segment',
  routes: [{ when: { segments: ['federal-dod'], regions: ['east'] }, distributors: ['dist-a'] }],
};
const acme = customer({
  name: 'Acme Widgets',
  segment: 'federal-dod',
  region: 'East',
  identifiers: { uei: 'ABCDEF123456' },
});
const subject = facts({
  id: 'reg_new',
  sequence: 9,
  resellerId: 'reseller-1',
  distributorId: 'dist-b',
  customer: acme,
});
const other = holder({ id: 'reg_old', sequence: 3, resellerId: 'reseller-2', customer: acme });
const similar = holder({
  id: 'reg_old',
  sequence: 3,
  resellerId: 'reseller-2',
  customer: customer({ name: 'ACME Widget Co' }),
});

const rows: [string, PolicyInput, Partial<RegistrationFacts>, RegistrationFacts[], string, string][] = [
  [
    'wrong-route',
    segment,
    {},
    [],
    'Rejected (wrong-route): Route 1 (segment federal-dod, region east) goes through dist-a only, not dist-b: the policy rejects it.',
    'Rejected (wrong-route): Route 1 (segment federal-dod, region east) goes through dist-a only, not dist-b: the policy rejects it.',
  ],
  [
    'unrouted',
    segment,
    { customer: { ...acme, segment: 'education' } },
    [],
    'Sent to a channel manager (unrouted): No route covers an education customer in region East from a var reseller, and the segment model routes every registration: a channel manager decides.',
    'Sent to a channel manager (unrouted): No route covers an education customer in region East from a var reseller, and the segment model routes every registration: a channel manager decides.',
  ],
  [
    'approve',
    { model: 'open' },
    {},
    [],
    'Approved: No active registration holds the same customer and product line: first come, first served.',
    'Approved: No active registration holds the same customer and product line: first come, first served.',
  ],
  [
    'already-registered',
    { model: 'open' },
    {},
    [other],
    'Rejected (already-registered): Registration reg_old (reseller reseller-2, sequence 3, approved) was accepted first and holds this deal (same UEI; product line storage).',
    'Rejected (already-registered): Another partner registered this deal first and holds it.',
  ],
  [
    'duplicate',
    { model: 'open' },
    {},
    [{ ...other, resellerId: 'reseller-1' }],
    'Rejected (duplicate): The same reseller already holds this deal with registration reg_old (reseller reseller-1, sequence 3, approved): a duplicate.',
    'Rejected (duplicate): You already hold this deal with registration reg_old: a duplicate.',
  ],
  [
    'possible-duplicate',
    { model: 'open' },
    { customer: customer({ name: 'Acme Widgets' }) },
    [similar],
    'Sent to a channel manager (possible-duplicate): Probable match with registration reg_old (reseller reseller-2, sequence 3, approved): a channel manager decides.',
    'Sent to a channel manager (possible-duplicate): An active registration may be the same deal; a channel manager decides whether it is.',
  ],
];

describe('explain()', () => {
  it.each(rows)('%s', (_name, input, overrides, holders, staff, reseller) => {
    const decision = decide({
      subject: { ...subject, ...overrides },
      policy: policy(input),
      policyVersion: 1,
      holders,
    });
    expect(explain(decision, 'staff')).toBe(staff);
    expect(explain(decision, 'reseller')).toBe(reseller);
  });
});
