import { type EscalationContenderView, type PlanInput, planResolution } from '../../../domain/escalation-plan';
import type { RegistrationStatus } from '../../../domain/registration';

const manager = { kind: 'key' as const, id: 'key_m' };

function party(id: string, role: 'holder' | 'contender', sequence: number, matchedWith: string[] = []) {
  return {
    registrationId: id,
    resellerId: `r-${id}`,
    distributorId: 'dist-a',
    role,
    sequence,
    matchedWith,
    joinedAt: '2027-01-01T00:00:00Z',
  } satisfies EscalationContenderView;
}

/** A holder h; a and b each matched with h; c matched only with a (matches are not transitive). */
const pool = [party('h', 'holder', 1), party('a', 'contender', 2, ['h']), party('b', 'contender', 3, ['h'])];
const chained = [...pool, party('c', 'contender', 4, ['a'])];
const statuses = (entries: Array<[string, RegistrationStatus]>) => new Map(entries);
const live = statuses([
  ['h', 'approved'],
  ['a', 'escalated'],
  ['b', 'escalated'],
  ['c', 'escalated'],
]);

const plan = (overrides: Partial<PlanInput>) =>
  planResolution({
    subject: 'registration',
    reasonCode: 'possible-duplicate',
    contenders: chained,
    statuses: live,
    request: 'moot',
    onSecondSlaBreach: 'first-come',
    actor: manager,
    ...overrides,
  });
const fates = (input: Partial<PlanInput>) =>
  plan(input).fates.map((fate) => [
    fate.registrationId,
    fate.action,
    ...(fate.distinctFrom ? [fate.distinctFrom] : []),
  ]);

test('an award to the holder rejects those matched with it and looks again at one matched only with a loser', () => {
  expect(fates({ request: { award: 'h', reason: 'r' } })).toEqual([
    ['a', 'reject'],
    ['b', 'reject'],
    ['c', 'recheck'],
  ]);
});

test('an award to a contender approves it, rejects those matched with it, and looks again at the rest', () => {
  expect(
    fates({
      contenders: [
        party('a', 'contender', 2, ['x']),
        party('c', 'contender', 4, ['a']),
        party('d', 'contender', 5, ['x']),
      ],
      request: { award: 'a', reason: 'r' },
      statuses: new Map([...live, ['d', 'escalated']]),
    }),
  ).toEqual([
    ['a', 'approve'],
    ['c', 'reject'],
    ['d', 'recheck'],
  ]);
});

test('distinct looks at every contender again, ignoring exactly the members of this escalation', () => {
  expect(fates({ request: { distinct: true, reason: 'different companies' } })).toEqual([
    ['a', 'recheck', ['h', 'b', 'c']],
    ['b', 'recheck', ['h', 'a', 'c']],
    ['c', 'recheck', ['h', 'a', 'b']],
  ]);
});

test('reject all rejects every waiting contender; holders keep what they have', () => {
  const result = plan({ request: { rejectAll: true, reason: 'no' } });
  expect(result.fates.map((f) => [f.registrationId, f.action])).toEqual([
    ['a', 'reject'],
    ['b', 'reject'],
    ['c', 'reject'],
  ]);
  expect(result).toMatchObject({ decidedBy: { kind: 'channel-manager' }, actor: manager });
});

test('at the deadline an approved holder keeps the deal; without one the earliest contender wins', () => {
  expect(plan({ request: 'deadline' })).toMatchObject({
    resolution: { kind: 'award', registrationId: 'h' },
    decidedBy: { kind: 'deadline', id: 'onSecondSlaBreach:first-come' },
  });
  const withoutHolder = statuses([
    ['h', 'expired'],
    ['a', 'escalated'],
    ['b', 'escalated'],
    ['c', 'escalated'],
  ]);
  expect(fates({ request: 'deadline', statuses: withoutHolder })).toEqual([
    ['a', 'approve'],
    ['b', 'recheck'],
    ['c', 'reject'],
  ]);
  expect(fates({ request: 'deadline', onSecondSlaBreach: 'reject-all' }).map(([, action]) => action)).toEqual([
    'reject',
    'reject',
    'reject',
  ]);
});

test('a contender that ended meanwhile is given no fate', () => {
  const withdrawn = statuses([
    ['h', 'approved'],
    ['a', 'withdrawn'],
    ['b', 'escalated'],
    ['c', 'escalated'],
  ]);
  expect(fates({ request: { rejectAll: true, reason: 'r' }, statuses: withdrawn }).map(([id]) => id)).toEqual([
    'b',
    'c',
  ]);
});

test('an extension review grants or denies, by a manager or by the deadline rule', () => {
  const asking = [party('x', 'contender', 1)];
  const approved = statuses([['x', 'approved']]);
  const extension = (input: Partial<PlanInput>) =>
    fates({ subject: 'extension', reasonCode: 'extension-request', contenders: asking, statuses: approved, ...input });
  expect(extension({ request: { award: 'x', reason: 'r' } })).toEqual([['x', 'grant-extension']]);
  expect(extension({ request: { rejectAll: true, reason: 'r' } })).toEqual([['x', 'deny-extension']]);
  expect(extension({ request: 'deadline', onSecondSlaBreach: 'reject-all' })).toEqual([['x', 'deny-extension']]);
  expect(extension({ request: 'deadline', onSecondSlaBreach: 'first-come' })).toEqual([['x', 'grant-extension']]);
});

test('moot decides nothing', () => {
  expect(plan({ request: 'moot' })).toMatchObject({ resolution: { kind: 'moot' }, fates: [] });
});
