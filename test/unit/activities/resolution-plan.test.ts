import { planResolution } from '../../../activities/resolution-plan';
import type { RegistrationDoc } from '../../../db/registrations';
import { policySchema } from '../../../domain/policy/schema';
import type { RegistrationStatus } from '../../../domain/registration';
import type { EscalationContenderView } from '../../../workflows/definitions';

const manager = { kind: 'channel-manager' as const, keyId: 'key_m' };
const policy = (onSecondSlaBreach: 'first-come' | 'reject-all') =>
  policySchema.parse({ model: 'open', timing: { onSecondSlaBreach } });

function party(id: string, role: 'holder' | 'contender', sequence: number): EscalationContenderView {
  return {
    registrationId: id,
    resellerId: `r-${id}`,
    distributorId: 'dist-a',
    role,
    sequence,
    joinedAt: '2027-01-01T00:00:00Z',
  };
}
const doc = (id: string, status: RegistrationStatus) => ({ _id: id, status }) as RegistrationDoc;

const holder = party('h', 'holder', 1);
const early = party('a', 'contender', 2);
const late = party('b', 'contender', 3);
const contenders = [holder, early, late];
const registrations = [doc('h', 'approved'), doc('a', 'escalated'), doc('b', 'escalated')];

test.each([
  [
    'award to the holder rejects every waiting contender',
    { award: 'h', reason: 'r' },
    [
      ['a', 'reject'],
      ['b', 'reject'],
    ],
  ],
  [
    'reject all rejects every waiting contender',
    { rejectAll: true as const, reason: 'r' },
    [
      ['a', 'reject'],
      ['b', 'reject'],
    ],
  ],
  [
    'distinct approves every waiting contender',
    { distinct: true as const, reason: 'r' },
    [
      ['a', 'approve'],
      ['b', 'approve'],
    ],
  ],
])('%s', (_name, request, expected) => {
  const plan = planResolution('registration', contenders, registrations, request, policy('first-come'), manager);
  expect(plan.fates.map((f) => [f.registrationId, f.action])).toEqual(expected);
  expect(plan.decidedBy).toEqual({ kind: 'channel-manager', id: 'key_m' });
});

test('an award to a contender approves it and rejects the others', () => {
  const plan = planResolution(
    'registration',
    [early, late],
    [doc('a', 'escalated'), doc('b', 'escalated')],
    { award: 'b', reason: 'r' },
    policy('first-come'),
    manager,
  );
  expect(plan.fates).toEqual([
    { registrationId: 'a', action: 'reject' },
    { registrationId: 'b', action: 'approve' },
  ]);
});

test('at the second deadline, first come keeps an approved holder and rejects the rest', () => {
  const plan = planResolution('registration', contenders, registrations, 'deadline', policy('first-come'), {
    kind: 'system',
  });
  expect(plan.resolution).toEqual({ kind: 'award', registrationId: 'h' });
  expect(plan.fates.every((f) => f.action === 'reject')).toBe(true);
  expect(plan.decidedBy).toEqual({ kind: 'deadline', id: 'onSecondSlaBreach:first-come' });
});

test('at the second deadline without a holder, the smallest sequence wins', () => {
  const plan = planResolution(
    'registration',
    [late, early],
    [doc('a', 'escalated'), doc('b', 'escalated')],
    'deadline',
    policy('first-come'),
    { kind: 'system' },
  );
  expect(plan.fates).toEqual([
    { registrationId: 'b', action: 'reject' },
    { registrationId: 'a', action: 'approve' },
  ]);
});

test('at the second deadline with reject-all, every waiting contender is rejected', () => {
  const plan = planResolution('registration', contenders, registrations, 'deadline', policy('reject-all'), {
    kind: 'system',
  });
  expect(plan.resolution).toEqual({ kind: 'reject-all' });
  expect(plan.fates.map((f) => f.action)).toEqual(['reject', 'reject']);
});

test('a contender that withdrew meanwhile gets no fate', () => {
  const plan = planResolution(
    'registration',
    contenders,
    [doc('h', 'approved'), doc('a', 'withdrawn'), doc('b', 'escalated')],
    { rejectAll: true, reason: 'r' },
    policy('first-come'),
    manager,
  );
  expect(plan.fates).toEqual([{ registrationId: 'b', action: 'reject' }]);
});

test('an extension escalation grants or denies the extension of an approved registration', () => {
  const asking = [party('x', 'contender', 7)];
  const approved = [doc('x', 'approved')];
  expect(
    planResolution('extension', asking, approved, { award: 'x', reason: 'r' }, policy('first-come'), manager).fates,
  ).toEqual([{ registrationId: 'x', action: 'grant-extension' }]);
  expect(
    planResolution('extension', asking, approved, 'deadline', policy('reject-all'), { kind: 'system' }).fates,
  ).toEqual([{ registrationId: 'x', action: 'deny-extension' }]);
});
