import { ServiceError } from '@temporalio/client';
import { repeatWhileFirstTaskFails } from '../../../services/submit-registration';

/** What the client throws when Temporal refuses an update-with-start whose first workflow task failed. */
const firstTaskFailed = () =>
  new ServiceError('Unable to perform workflow execution update due to unexpected workflow task failure.', {
    cause: Object.assign(new Error('9 FAILED_PRECONDITION: Update-with-Start could not be executed.'), { code: 9 }),
  });

test('a submission whose first workflow task failed is repeated until it is accepted', async () => {
  let calls = 0;
  const call = async () => {
    calls += 1;
    if (calls < 3) throw firstTaskFailed();
    return 'accepted';
  };
  await expect(repeatWhileFirstTaskFails(call, Date.now() + 5000)).resolves.toBe('accepted');
  expect(calls).toBe(3);
});

test('any other failure, or one past the acceptance wait, is not repeated', async () => {
  let calls = 0;
  const refused = new ServiceError('not found', { cause: Object.assign(new Error('5 NOT_FOUND'), { code: 5 }) });
  await expect(
    repeatWhileFirstTaskFails(async () => {
      calls += 1;
      throw refused;
    }, Date.now() + 5000),
  ).rejects.toBe(refused);
  expect(calls).toBe(1);
  await expect(
    repeatWhileFirstTaskFails(async () => {
      throw firstTaskFailed();
    }, Date.now() - 1),
  ).rejects.toBeInstanceOf(ServiceError);
});
