import { connectDatabase, disconnectDatabase, ensureIndexes } from '../../db/connection';
import { Reseller } from '../../db/partners';
import { RequestRefused } from '../../domain/errors';
import { prepareSubmission } from '../../services/submit-registration';
import { seedPartners, submission } from '../support/fixtures';
import { testDatabaseUri } from '../support/harness';

/**
 * A reseller changed by `PUT /resellers/{id}` (here: by its write, as any API process makes it) applies
 * to the next submission of every process, this one included, although this one has just read it.
 */
beforeAll(async () => {
  await connectDatabase(testDatabaseUri('partner-changes'));
  await ensureIndexes();
  await seedPartners();
});
afterAll(() => disconnectDatabase());

test('a changed partner type and distributor list apply to the very next submission', async () => {
  const before = await prepareSubmission('value-var', submission({ distributorId: 'dist-a' }));
  expect(before.submission.partnerType).toBe('var');

  await Reseller.updateOne(
    { _id: 'value-var' },
    { $set: { partnerType: 'integrator', distributorIds: ['dist-b'] } },
  ).exec();

  const after = await prepareSubmission('value-var', submission({ distributorId: 'dist-b' }));
  expect(after.submission.partnerType).toBe('integrator');
  const refused = await prepareSubmission('value-var', submission({ distributorId: 'dist-a' })).catch(
    (error: unknown) => error,
  );
  expect(refused).toBeInstanceOf(RequestRefused);
  expect((refused as RequestRefused).errors).toEqual([{ path: 'distributorId', message: 'must be one of: dist-b' }]);
});
