import { ServiceError } from '@temporalio/client';
import { repeatWhileFirstTaskFails } from '../../../services/submit-registration';

/**
 * What the client throws when Temporal refuses an update-with-start whose first workflow task failed:
 * the raw gRPC error, its message and code replaced by the refused operation's status (the client's
 * handling of MultiOperationExecutionFailure; this shape was logged by the benchmark's API).
 */
const firstTaskFailed = () =>
  Object.assign(new Error('Unable to perform workflow execution update due to unexpected workflow task failure.'), {
    code: 9,
    details: 'Update-with-Start could not be executed.',
    metadata: {},
  });
/** The same status wrapped, as the client reports other refused calls. */
const firstTaskFailedWrapped = () => new ServiceError('Update-With-Start failed', { cause: firstTaskFailed() });

test('a submission whose first workflow task failed is repeated until it is accepted', async () => {
  let calls = 0;
  const call = async () => {
    calls += 1;
    if (calls < 3) throw calls === 1 ? firstTaskFailed() : firstTaskFailedWrapped();
    return 'accepted';
  };
  await expect(repeatWhileFirstTaskFails(call, Date.now() + 5000)).resolves.toBe('accepted');
  expect(calls).toBe(3);
});

test('any other failure, or one past the acceptance wait, is not repeated', async () => {
  let calls = 0;
  const refused = new ServiceError('not found', {
    cause: Object.assign(new Error('5 NOT_FOUND'), { code: 5, details: 'not found', metadata: {} }),
  });
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
  ).rejects.toMatchObject({ code: 9 });
});
