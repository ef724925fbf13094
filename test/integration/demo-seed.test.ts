import request from 'supertest';
import { createApp } from '../../api/app';
import { describeSeeded, seedDemoDataIfEmpty } from '../../scripts/demo-data';
import { quietLogger, startTestSystem, type TestSystem } from '../support/harness';
import { signIn } from '../support/people';
import { testConfig } from './api-support';

let system: TestSystem;
beforeAll(async () => {
  system = await startTestSystem('demo-seed');
});
afterAll(async () => {
  await system?.shutdown();
});

test('the demo data prints partner people who sign in with their first password and reach the portal', async () => {
  const seeded = await seedDemoDataIfEmpty(undefined);
  if (!seeded) throw new Error('the test database was not empty');
  const printed = describeSeeded(seeded, false);
  const reseller = seeded.people.find((person) => person.role === 'reseller' && person.orgAdmin);
  expect(reseller).toBeDefined();
  expect(printed).toContain(`${reseller!.email}`);
  expect(printed).toContain(reseller!.password);

  const app = createApp({
    temporal: system.temporal,
    taskQueue: system.taskQueue,
    logger: quietLogger,
    config: testConfig(),
  });
  const session = await signIn(app, reseller!.email, reseller!.password);
  const form = await request(app).get('/api/v1/registration-form').set('Cookie', session.cookie);
  expect(form.status).toBe(200);
  expect(form.body.distributors.length).toBeGreaterThan(0);
  // Seeding again changes nothing: it fills an empty database only.
  expect(await seedDemoDataIfEmpty(undefined)).toBeUndefined();
});
