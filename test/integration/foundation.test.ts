import { submitRegistration } from '../../client/submit-registration';
import { Registration } from '../../db/registrations';
import { registrationStateQuery } from '../../workflows/definitions';
import { publishTestPolicy, seedPartners, submission } from '../support/fixtures';
import { eventually, startTestSystem, type TestSystem } from '../support/harness';

let system: TestSystem;

beforeAll(async () => {
  system = await startTestSystem('foundation');
  await seedPartners();
  await publishTestPolicy();
});

afterAll(async () => {
  await system?.shutdown();
});

test('a registration runs as a real workflow on the dev server and its decision is stored in FerretDB', async () => {
  const { registration } = await submitRegistration(system, 'value-var', submission({ uei: 'ABCDEF123456' }));
  expect(registration.status).toBe('pending');
  expect(registration.sequence).toBeGreaterThan(0);

  const decided = await eventually(async () => {
    const doc = await Registration.findById(registration._id).lean().exec();
    return doc?.status === 'approved' ? doc : undefined;
  }, 'the registration to be approved');
  expect(decided.decisions).toHaveLength(1);
  expect(decided.protectedUntil).toBeInstanceOf(Date);

  const handle = system.temporal.workflow.getHandle(registration.workflowId);
  const state = await handle.query(registrationStateQuery);
  expect(state.status).toBe('approved');
  const description = await handle.describe();
  expect(description.taskQueue).toBe(system.taskQueue);
});
