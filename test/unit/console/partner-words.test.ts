import { closingOf, emptyClosing } from '../../../console/src/pages/closing-draft';
import { allowedActions, nextStep, protectionLeft, reasonInWords } from '../../../console/src/pages/partner-words';
import { reasonCodes, registrationStatuses } from '../../../domain/registration';

// What a partner reads in the portal: every status and reason has words, and actions follow the contract.

test('every reason code reads in plain words and every status says what to do next', () => {
  for (const code of reasonCodes) {
    const words = reasonInWords(code) as string;
    expect(words).not.toContain('-');
    expect(words.length).toBeGreaterThan(10);
  }
  for (const status of registrationStatuses) expect(nextStep({ status }).length).toBeGreaterThan(10);
  expect(nextStep({ status: 'rejected', reasonCode: 'wrong-route' })).toMatch(/distributor/);
  expect(nextStep({ status: 'escalated', reasonCode: 'extension-request' })).toMatch(/extension/);
});

test('protection left is told for an approved registration only', () => {
  const now = Date.parse('2027-01-01T00:00:00Z');
  expect(protectionLeft({ status: 'approved', protectedUntil: '2027-01-11T06:00:00Z' }, now)).toBe('10 d 6 h left');
  expect(protectionLeft({ status: 'approved', protectedUntil: '2026-12-31T00:00:00Z' }, now)).toBe('ending now');
  expect(protectionLeft({ status: 'won', protectedUntil: '2027-01-11T06:00:00Z' }, now)).toBeUndefined();
  expect(protectionLeft({ status: 'pending' }, now)).toBeUndefined();
});

test('the actions offered are the ones the contract allows the owner in each status', () => {
  expect(allowedActions('approved').sort()).toEqual(['change', 'close', 'extension', 'withdraw']);
  expect(allowedActions('pending')).toEqual(['change', 'withdraw']);
  expect(allowedActions('escalated')).toEqual(['change', 'withdraw']);
  for (const ended of ['rejected', 'won', 'lost', 'expired', 'withdrawn'] as const)
    expect(allowedActions(ended)).toEqual([]);
  // Turned away from a taken deal, and only then, it may watch the deal.
  expect(allowedActions('rejected', 'already-registered')).toEqual(['watch']);
  expect(allowedActions('rejected', 'wrong-route')).toEqual([]);
});

test('a closing form becomes the contract body: an amount only when given, a reason when lost', () => {
  expect(closingOf('won', emptyClosing)).toEqual({ outcome: 'won' });
  expect(closingOf('won', { ...emptyClosing, amount: ' 125000 ', currency: 'eur' })).toEqual({
    outcome: 'won',
    amount: { amount: 125_000, currency: 'EUR' },
  });
  expect(closingOf('lost', { ...emptyClosing, reason: 'budget', note: '  ' })).toEqual({
    outcome: 'lost',
    reason: 'budget',
  });
  expect(closingOf('lost', { ...emptyClosing, reason: 'competitor', note: 'went with a cheaper bid' })).toEqual({
    outcome: 'lost',
    reason: 'competitor',
    note: 'went with a cheaper bid',
  });
});
