import { assumeAtomicGuards, guardedById } from '../../../db/server-traits';

afterEach(() => assumeAtomicGuards(true));

test('a server that applies filters atomically gets the guard with the id', () => {
  assumeAtomicGuards(true);
  expect(guardedById('reg_1', { status: 'pending', lastDecisionHash: 'abc' })).toEqual({
    _id: 'reg_1',
    status: 'pending',
    lastDecisionHash: 'abc',
  });
});

test('one that does not (FerretDB v1) gets the id alone, which its SQLite backend looks up without a scan', () => {
  assumeAtomicGuards(false);
  expect(guardedById('reg_1', { status: 'pending' })).toEqual({ _id: 'reg_1' });
});
