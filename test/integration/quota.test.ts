import mongoose from 'mongoose';
import { connectDatabase, disconnectDatabase, ensureIndexes } from '../../db/connection';
import { candidatesUnderKeys, MAX_CANDIDATES_PER_KEY, unlistFromKeys } from '../../db/dealkeys';
import { publishPolicy } from '../../db/policies';
import { releaseHeldSlot } from '../../db/quota';
import { reserveQuota } from '../../db/registration-quota';
import { Registration } from '../../db/registrations';
import { LimitReached } from '../../domain/errors';
import { customerIdentity, lookupKeys } from '../../domain/matching';
import { MAX_LIVE_PER_CUSTOMER_KEY, policySchema } from '../../domain/policy/schema';
import { testDatabaseUri } from '../support/harness';

/**
 * The limits of policy versions as the acceptance applies them (`reserveQuota`, and the release where a
 * registration's deal keys are removed), against the real database: a lowered limit counts every
 * active registration, and a repeated reservation takes one daily slot.
 */
beforeAll(async () => {
  await connectDatabase(testDatabaseUri('quota'));
  await ensureIndexes();
});
afterAll(() => disconnectDatabase());

const publishLimits = (limits: object) => publishPolicy(policySchema.parse({ model: 'open', limits }), 'test');
const reseller = (id: string) => ({ _id: id, partnerType: 'var' as const });

/** What the acceptance stores of a registration that the limit's count reads: its reseller and status. */
const store = (id: string, resellerId: string) =>
  mongoose.connection.collection('registrations').insertOne({ _id: id as never, resellerId, status: 'approved' });

/** A registration's end: its status, then (as where its deal keys are removed) its slot given back. */
async function end(id: string): Promise<void> {
  await Registration.updateOne({ _id: id }, { $set: { status: 'withdrawn' } }).exec();
  await releaseHeldSlot('active', id);
}

const outcome = (resellerId: string, id: string, keys: string[] = []) =>
  reserveQuota(reseller(resellerId), id, keys).then(
    () => 'accepted',
    (error: unknown) => (error instanceof LimitReached ? `refused: ${error.limit}` : Promise.reject(error)),
  );

test('a lowered activePerReseller counts the registrations holding places above it', async () => {
  await publishLimits({ activePerReseller: { var: 10 } });
  for (let i = 1; i <= 8; i += 1) {
    expect(await outcome('lowered', `reg_low_${i}`)).toBe('accepted');
    await store(`reg_low_${i}`, 'lowered');
  }
  // The first four end: the four active ones hold the places numbered 5 to 8.
  for (let i = 1; i <= 4; i += 1) await end(`reg_low_${i}`);

  await publishLimits({ activePerReseller: { var: 3 } });
  expect(await outcome('lowered', 'reg_low_9')).toBe('refused: activePerReseller'); // four active, limit three
  await end('reg_low_5');
  expect(await outcome('lowered', 'reg_low_9')).toBe('refused: activePerReseller'); // three active
  await end('reg_low_6');
  expect(await outcome('lowered', 'reg_low_9')).toBe('accepted'); // two active, and this one
  await store('reg_low_9', 'lowered');
  expect(await outcome('lowered', 'reg_low_10')).toBe('refused: activePerReseller');
  await end('reg_low_7');
  expect(await outcome('lowered', 'reg_low_10')).toBe('accepted');
  await store('reg_low_10', 'lowered');
  expect(await outcome('lowered', 'reg_low_11')).toBe('refused: activePerReseller');

  // Raised again: the places above are free once more.
  await publishLimits({ activePerReseller: { var: 5 } });
  expect(await outcome('lowered', 'reg_low_11')).toBe('accepted');
  await store('reg_low_11', 'lowered');
  expect(await outcome('lowered', 'reg_low_12')).toBe('accepted');
  await store('reg_low_12', 'lowered');
  expect(await outcome('lowered', 'reg_low_13')).toBe('refused: activePerReseller');
});

test('a repeated reservation for the same registration (a retried acceptance) takes one daily slot', async () => {
  await publishLimits({ submissionsPerResellerPerDay: 2 });
  expect(await outcome('retrying', 'reg_day_1')).toBe('accepted');
  expect(await outcome('retrying', 'reg_day_1')).toBe('accepted'); // the acceptance retried
  expect(await outcome('retrying', 'reg_day_2')).toBe('accepted');
  expect(await outcome('retrying', 'reg_day_3')).toBe('refused: submissionsPerResellerPerDay');
});

test('a reseller may hold so many live registrations under one customer key, and the reads of a key are bounded', async () => {
  await publishLimits({});
  const keysOf = (name: string) => lookupKeys(customerIdentity({ name }));
  // Look-alike names: each its own name key, all under the word key of "Acmeco".
  expect(keysOf('Acmeco 1')).toContain('word:acmeco');
  for (let i = 1; i <= MAX_LIVE_PER_CUSTOMER_KEY; i += 1) {
    expect(await outcome('squatter', `reg_sq_${i}`, keysOf(`Acmeco ${i}`))).toBe('accepted');
  }
  const next = keysOf(`Acmeco ${MAX_LIVE_PER_CUSTOMER_KEY + 1}`);
  await expect(reserveQuota(reseller('squatter'), 'reg_sq_next', next)).rejects.toThrow(/"word:acmeco"/);
  expect(await outcome('squatter', 'reg_sq_next', next)).toBe('refused: livePerCustomerKey');
  // Refused, it holds nothing; another reseller is not counted with this one.
  expect(await mongoose.connection.collection('quotaslots').countDocuments({ holder: 'reg_sq_next' })).toBe(0);
  expect(await outcome('neighbour', 'reg_nb_1', keysOf('Acmeco Neighbour'))).toBe('accepted');
  // A repeated reservation takes nothing twice; one that ends (where its keys are unlisted) frees a place.
  expect(await outcome('squatter', 'reg_sq_1', keysOf('Acmeco 1'))).toBe('accepted');
  expect(await outcome('squatter', 'reg_sq_next', next)).toBe('refused: livePerCustomerKey');
  await unlistFromKeys('reg_sq_1', keysOf('Acmeco 1'));
  expect(await outcome('squatter', 'reg_sq_next', next)).toBe('accepted');

  // However many are listed under a key, one check reads at most MAX_CANDIDATES_PER_KEY of them.
  await mongoose.connection.collection('dealkeys').insertMany(
    Array.from({ length: MAX_CANDIDATES_PER_KEY + 5 }, (_, i) => ({
      _id: `word:crowde|reg_crowd_${i}` as never,
      key: 'word:crowde',
      registrationId: `reg_crowd_${i}`,
    })),
  );
  const read = await candidatesUnderKeys(['word:crowde', 'word:acmeco']);
  expect(read.overflowing).toEqual(['word:crowde']);
  expect(read.ids.filter((id) => id.startsWith('reg_crowd_'))).toHaveLength(MAX_CANDIDATES_PER_KEY);
});
